import { type FloorInput, type Q, q } from "./common";

/**
 * /large/projects?status=ACTIVE&health=AT_RISK:
 *  1. the list: the first page (100, by name) of matching projects with unit, lead, initiative,
 *     status, health, last update, target date, budget and what the update-state badge needs
 *     (start and creation dates, the org's cadence), and their total for the pager;
 *  2. stat cards: non-archived projects per status.
 * No filter options: units, initiatives and leads are searched as you type, and only a picked
 * one's name is read (none is picked in this URL); the "new project" dialog loads its choices
 * when it opens.
 */
export function projectsList(f: FloorInput): Q[] {
  return [
    q(
      `SELECT p.id, p.name, p.status, p.health, p."lastUpdateAt", p."targetDate", p."budgetCents", p."startDate", p."createdAt",
         u.id AS "unitId", u.name AS unit, pe.name AS lead, i.name AS initiative, count(*) OVER () AS total,
         o."updateCadence", o."updateDueWeekday", o."updateGraceDays"
       FROM "Project" p JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = $1 JOIN "Organization" o ON o.id = p."orgId"
       LEFT JOIN "Person" pe ON pe.id = p."leadId" AND pe."orgId" = $1 LEFT JOIN "Initiative" i ON i.id = p."initiativeId" AND i."orgId" = $1
       WHERE p."orgId" = $1 AND p."archivedAt" IS NULL AND p.status = 'ACTIVE' AND p.health = 'AT_RISK' ORDER BY p.name, p.id LIMIT 100`,
      f.orgId,
    ),
    q(`SELECT status, count(*) FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL GROUP BY 1`, f.orgId),
  ];
}

/**
 * /large/roadmap as it opens (the timeline view, half-year zoom on the current fiscal half,
 * grouped by initiative):
 *  1. stat cards: initiatives per status;
 *  2. timeline: the groups (initiatives of the projects whose dates overlap the half, "No
 *     initiative" last) counted for the pager, the first 10 by name with each project's team,
 *     health and dates, its milestones inside the window, the projects it waits on (name,
 *     health) and how many it blocks; plus the projects without dates ("n not shown").
 * No unit filter options: units are searched as you type, and only a picked one's name is read
 * (none is picked in this URL). The other views are their own rows: roadmapBoard below.
 */
export function roadmap(f: FloorInput): Q[] {
  return [
    q(`SELECT status, count(*) FROM "Initiative" WHERE "orgId" = $1 GROUP BY 1`, f.orgId),
    q(
      `WITH w AS (
         SELECT ws, (ws + interval '6 months' - interval '1 day')::date AS we
         FROM (SELECT CASE WHEN $2::date < $3::date + interval '6 months' THEN $3::date ELSE ($3::date + interval '6 months')::date END AS ws) h
       ),
       inwin AS (
         SELECT p.id, p.name, p.health, p."startDate", p."targetDate", p."orgUnitId", p."initiativeId"
         FROM "Project" p CROSS JOIN w
         WHERE p."orgId" = $1 AND p."archivedAt" IS NULL AND p."startDate" <= w.we AND p."targetDate" >= w.ws
       ),
       keys AS (
         SELECT k."initiativeId", i.name, count(*) OVER () AS groups
         FROM (SELECT DISTINCT "initiativeId" FROM inwin) k LEFT JOIN "Initiative" i ON i.id = k."initiativeId" AND i."orgId" = $1
         ORDER BY k."initiativeId" IS NULL, i.name LIMIT 10
       )
       SELECT r.id, r.name, r.health, r."startDate", r."targetDate", k.name AS initiative, k.groups, u.name AS team,
         (SELECT json_agg(json_build_array(m.name, m."dueDate", m."doneDate" IS NOT NULL) ORDER BY m."dueDate") FROM "Milestone" m CROSS JOIN w
          WHERE m."orgId" = $1 AND m."projectId" = r.id AND m."dueDate" BETWEEN w.ws AND w.we) AS milestones,
         (SELECT json_agg(json_build_array(b.id, b.name, b.health)) FROM "ProjectDependency" d JOIN "Project" b ON b.id = d."blockerId" AND b."orgId" = $1
          WHERE d."orgId" = $1 AND d."blockedId" = r.id) AS "waitsOn",
         (SELECT count(*) FROM "ProjectDependency" d WHERE d."orgId" = $1 AND d."blockerId" = r.id) AS blocks,
         (SELECT count(*) FROM "Project" x WHERE x."orgId" = $1 AND x."archivedAt" IS NULL AND (x."startDate" IS NULL OR x."targetDate" IS NULL)) AS undated
       FROM inwin r JOIN keys k ON k."initiativeId" IS NOT DISTINCT FROM r."initiativeId" JOIN "OrgUnit" u ON u.id = r."orgUnitId" AND u."orgId" = $1
       ORDER BY r."startDate", r.name`,
      f.orgId,
      f.today,
      f.fyStart,
    ),
  ];
}

/**
 * /large/roadmap?view=board (the current fiscal year's initiatives by period):
 *  1. stat cards: initiatives per status;
 *  2. the year's initiatives, each with status, owner, its live projects counted by health and
 *     the first 3 that need attention (off track, then at risk, by name) with their health.
 */
export function roadmapBoard(f: FloorInput): Q[] {
  const fy = `extract(year FROM $2::date)::int`;
  return [
    q(`SELECT status, count(*) FROM "Initiative" WHERE "orgId" = $1 GROUP BY 1`, f.orgId),
    q(
      `SELECT i.id, i.name, i.objective, i."orgUnitId", i."fiscalQuarter", i."fiscalHalf", i.status, i."updatedAt", o.id AS "ownerId", o.name AS owner,
         (SELECT json_build_array(count(*) FILTER (WHERE p.health = 'ON_TRACK'), count(*) FILTER (WHERE p.health = 'AT_RISK'),
                                  count(*) FILTER (WHERE p.health = 'OFF_TRACK'), count(*) FILTER (WHERE p.health = 'UNKNOWN'))
          FROM "Project" p WHERE p."orgId" = $1 AND p."initiativeId" = i.id AND p."archivedAt" IS NULL) AS mix,
         (SELECT json_agg(x) FROM (SELECT p.id, p.name, p.health FROM "Project" p
                                   WHERE p."orgId" = $1 AND p."initiativeId" = i.id AND p."archivedAt" IS NULL AND p.health IN ('OFF_TRACK', 'AT_RISK')
                                   ORDER BY p.health = 'AT_RISK', p.name, p.id LIMIT 3) x) AS attention
       FROM "Initiative" i LEFT JOIN "Person" o ON o.id = i."ownerId" AND o."orgId" = $1
       WHERE i."orgId" = $1 AND i."fiscalYear" = ${fy} ORDER BY i.name`,
      f.orgId,
      f.fyEnd,
    ),
  ];
}

/**
 * /large/projects/<first active project>, as its director sees it:
 *  1. the project's facts: unit (name, code), lead (name, title), reviewer (the lead's manager,
 *     else the unit's lead), initiative, dates, budget, and the org's cadence for the update badge;
 *  2. the whole update history (the page lists every update) with author and acknowledger;
 *  3. milestones; 4. dependencies both ways with note, name and health;
 *  5. the health suggestion's facts: spend (sum and count of the project's ledger lines), its
 *     allocations (all, and those to open positions), open positions of its unit;
 *  6. the audit trail: the 50 latest events of the project, its milestones and dependencies;
 *  7. staffing: current allocations with person and position, each person's allocations (for
 *     over-allocation), open positions in the owning unit's subtree.
 * (The edit dialog loads its units and initiatives when it opens: not part of the page.)
 */
export function projectPage(f: FloorInput): Q[] {
  return [
    q(
      `SELECT p.*, u.name, u.code, pe.name AS lead, pe.title, coalesce(m.name, ul.name) AS reviewer, i.name AS initiative,
         o."updateCadence", o."updateDueWeekday", o."updateGraceDays"
       FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = $1
       LEFT JOIN "Person" pe ON pe.id = p."leadId" AND pe."orgId" = $1 LEFT JOIN "Person" m ON m.id = pe."managerId" AND m."orgId" = $1
       LEFT JOIN "Person" ul ON ul.id = u."leadId" AND ul."orgId" = $1 LEFT JOIN "Initiative" i ON i.id = p."initiativeId" AND i."orgId" = $1
       WHERE p."orgId" = $1 AND p.id = $2`,
      f.orgId,
      f.projectId,
    ),
    q(
      `SELECT s.id, s.health, s.summary, s.body, s."createdAt", s."suggestedHealth", s."overrideReason", s."acknowledgedAt", au.id, au.name, ak.name
       FROM "StatusUpdate" s JOIN "User" au ON au.id = s."authorId" LEFT JOIN "User" ak ON ak.id = s."acknowledgedById"
       WHERE s."orgId" = $1 AND s."projectId" = $2 ORDER BY s."createdAt" DESC`,
      f.orgId,
      f.projectId,
    ),
    q(
      `SELECT id, name, "dueDate", "doneDate" FROM "Milestone" WHERE "orgId" = $1 AND "projectId" = $2 ORDER BY "dueDate"`,
      f.orgId,
      f.projectId,
    ),
    q(
      `SELECT d.id, d.note, d."blockedId" = $2 AS "waitsOn", b.id, b.name, b.health FROM "ProjectDependency" d
       JOIN "Project" b ON b."orgId" = $1 AND b.id = CASE WHEN d."blockedId" = $2 THEN d."blockerId" ELSE d."blockedId" END
       WHERE d."orgId" = $1 AND (d."blockedId" = $2 OR d."blockerId" = $2)`,
      f.orgId,
      f.projectId,
    ),
    q(
      `SELECT (SELECT sum("amountCents") FROM "ActualEntry" WHERE "orgId" = $1 AND "projectId" = $2) AS spent,
         (SELECT count(*) FROM "ActualEntry" WHERE "orgId" = $1 AND "projectId" = $2) AS lines,
         (SELECT count(*) FROM "Allocation" a WHERE a."orgId" = $1 AND a."projectId" = $2) AS allocations,
         (SELECT count(*) FROM "Allocation" a JOIN "Position" ps ON ps.id = a."positionId" AND ps."orgId" = $1
          WHERE a."orgId" = $1 AND a."projectId" = $2 AND ps.status IN ('OPEN', 'BACKFILL')) AS "allocatedOpen",
         (SELECT count(*) FROM "Position" ps JOIN "Project" p ON p."orgId" = $1 AND p.id = $2
          WHERE ps."orgId" = $1 AND ps."orgUnitId" = p."orgUnitId" AND ps.status IN ('OPEN', 'BACKFILL')) AS "teamOpen"`,
      f.orgId,
      f.projectId,
    ),
    q(
      `SELECT e.id, e.at, e.action, e.before, e.after, us.name FROM "AuditEvent" e LEFT JOIN "User" us ON us.id = e."actorId"
       WHERE e."orgId" = $1 AND ((e."entityType" = 'Project' AND e."entityId" = $2)
         OR (e."entityType" IN ('Milestone', 'ProjectDependency') AND (e.after->>'projectId' = $2 OR e.before->>'projectId' = $2)))
       ORDER BY e.at DESC LIMIT 50`,
      f.orgId,
      f.projectId,
    ),
    q(
      `SELECT a.id, a.percent, a."startDate", a."endDate", pe.id, pe.name, pe.title, ps.id, ps.title, ps.level, ps.status, ps."targetStartDate",
         (SELECT json_agg(json_build_array(x.percent, x."startDate", x."endDate")) FROM "Allocation" x WHERE x."orgId" = $1 AND x."personId" = pe.id) AS "personAllocations",
         (SELECT count(*) FROM "Position" op JOIN "Project" p ON p."orgId" = $1 AND p.id = $2
          JOIN "OrgUnitClosure" c ON c."orgId" = $1 AND c."ancestorId" = p."orgUnitId" AND c."descendantId" = op."orgUnitId"
          WHERE op."orgId" = $1 AND op.status IN ('OPEN', 'BACKFILL')) AS "openInTeam"
       FROM (SELECT 1) one LEFT JOIN "Allocation" a ON a."orgId" = $1 AND a."projectId" = $2 AND (a."endDate" IS NULL OR a."endDate" >= $3::date)
       LEFT JOIN "Person" pe ON pe.id = a."personId" AND pe."orgId" = $1 LEFT JOIN "Position" ps ON ps.id = a."positionId" AND ps."orgId" = $1
       ORDER BY a."startDate", a.id`,
      f.orgId,
      f.projectId,
      f.today,
    ),
  ];
}
