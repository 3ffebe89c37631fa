import { addDaysIso } from "@/lib/dates";
import type { Db } from "@/lib/db-factory";
import { daysOpenSql, openPositionSql } from "@/lib/headcount/position-filter";
import { notify } from "@/lib/notifications/notify";
import { ACTIVE_SQL, projectsCte } from "@/lib/projects/attention";
import { awaitingSql } from "@/lib/projects/awaiting-sql";
import { MAX_ESCALATION_LEVEL, type CadenceSettings } from "@/lib/projects/staleness";
import { projectUpdateStateSql, updateStateOfRow, type UpdateStateRow } from "@/lib/projects/staleness-sql";

// The per-org rules of the scheduler (lib/notifications/schedule.ts), each on the figure's own
// definition: updates due and stale from updateStateSql (the review's), the escalation target as
// the review and the bell walk the reporting line, awaiting acknowledgement from awaitingSql,
// open positions and days open from lib/headcount/position-filter.ts. Each notification's key
// names what it is about and when, so a re-run writes nothing new.

export type RuleOrg = CadenceSettings & {
  id: string;
  slug: string;
  name: string;
  fiscalYearStartMonth: number;
  /** Days open after which a position is announced (the org's setting). */
  positionOpenAlertDays: number;
};

/** Requests for an update posted within this many days are announced (older ones were before Keel sent any). */
const ACK_LOOKBACK_DAYS = 7;

type StateRow = UpdateStateRow & { id: string; name: string; lineStart: string | null };

async function projectStates(db: Db, org: RuleOrg, today: string, which: "due" | "stale") {
  return db.$queryRaw<(StateRow & { leadUserId: string | null })[]>`
    WITH RECURSIVE ${projectsCte(org.id, null)},
    st AS (
      SELECT p.id, p.name, COALESCE(p."leadId", u."leadId") AS "lineStart", ${projectUpdateStateSql(org, today)}
      FROM proj p JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = ${org.id}
      WHERE ${ACTIVE_SQL("p")}
    )
    SELECT st.*, l."userId" AS "leadUserId" FROM st
    LEFT JOIN "Person" l ON l.id = st."lineStart" AND l."orgId" = ${org.id}
    WHERE st."updState" = ${which}
    ORDER BY st.id`;
}

/** Update due: the day before the due date, to the project's lead (the team lead when it has none). */
export async function updateDueRule(db: Db, org: RuleOrg, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const due = updateStateOfRow({ updState: "due", updMissed: null, updStaleSince: null }, org, today);
  if (due.state !== "due" || due.dueDate !== addDaysIso(today, 1)) return 0;
  let n = 0;
  for (const p of await projectStates(db, org, today, "due")) {
    if (!p.leadUserId) continue;
    n += await notify(
      db,
      {
        orgId: org.id,
        userId: p.leadUserId,
        kind: "UPDATE_DUE",
        dedupeKey: `due:${p.id}:${due.dueDate}`,
        subject: `Update due tomorrow: ${p.name}`,
        text: `The weekly status update of ${p.name} is due tomorrow, ${due.dueDate}.`,
        href: `/${org.slug}/projects/${p.id}`,
      },
      now,
    );
  }
  return n;
}

/** Stale escalation: to the person the review names for each stale project, once per step up the line. */
export async function staleEscalationRule(db: Db, org: RuleOrg, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const stale = await projectStates(db, org, today, "stale");
  if (stale.length === 0) return 0;
  const starts = [...new Set(stale.map((p) => p.lineStart).filter((s): s is string => !!s))];
  const lineRows = await db.$queryRaw<{ start: string; userId: string | null; level: number }[]>`
    WITH RECURSIVE line AS (
      SELECT p.id AS start, p."userId", p."managerId", 0 AS level
      FROM "Person" p WHERE p."orgId" = ${org.id} AND p.id = ANY(${starts}::text[])
      UNION ALL
      SELECT l.start, m."userId", m."managerId", l.level + 1
      FROM line l JOIN "Person" m ON m.id = l."managerId" AND m."orgId" = ${org.id}
      WHERE l.level < 32
    )
    SELECT start, "userId", level FROM line ORDER BY start, level`;
  const lines = new Map<string, { userId: string | null }[]>();
  for (const r of lineRows) lines.set(r.start, [...(lines.get(r.start) ?? []), { userId: r.userId }]);
  let n = 0;
  for (const p of stale) {
    const update = updateStateOfRow(p, org, today);
    if (update.state !== "stale" || !p.lineStart) continue;
    const line = lines.get(p.lineStart) ?? [];
    if (line.length === 0) continue;
    // escalationTarget (lib/projects/staleness.ts): at most MAX_ESCALATION_LEVEL up, never past the top.
    const level = Math.min(update.missedCycles, MAX_ESCALATION_LEVEL, line.length - 1);
    const userId = line[level].userId;
    if (!userId) continue;
    const cycles = `${update.missedCycles} update ${update.missedCycles === 1 ? "cycle" : "cycles"}`;
    n += await notify(
      db,
      {
        orgId: org.id,
        userId,
        kind: "STALE_ESCALATION",
        dedupeKey: `stale:${p.id}:${update.staleSince}:${level}`,
        subject: `Stale: ${p.name}`,
        text:
          level === 0
            ? `${p.name} has missed ${cycles} (stale since ${update.staleSince}). You lead it.`
            : `${p.name} has missed ${cycles} (stale since ${update.staleSince}) and has escalated to you, ${level} ${level === 1 ? "level" : "levels"} up its reporting line.`,
        href: `/${org.slug}/projects/${p.id}`,
      },
      now,
    );
  }
  return n;
}

/** Acknowledgement requested: each update awaiting acknowledgement, to its reviewer, once. */
export async function ackRequestedRule(db: Db, org: RuleOrg, now: Date): Promise<number> {
  const since = new Date(now.getTime() - ACK_LOOKBACK_DAYS * 86_400_000);
  const rows = await db.$queryRaw<
    { id: string; projectId: string; projectName: string; summary: string; reviewerUserId: string; author: string | null }[]
  >`
    WITH RECURSIVE ${projectsCte(org.id, null)}
    SELECT a.id, a."projectId", a."projectName", a.summary, a."reviewerUserId", (SELECT us.name FROM "User" us WHERE us.id = a."authorId") AS author
    FROM (${awaitingSql(org.id)}) a
    WHERE a."createdAt" >= ${since} AND a."reviewerUserId" <> a."authorId"
    ORDER BY a."createdAt", a.id`;
  let n = 0;
  for (const r of rows)
    n += await notify(
      db,
      {
        orgId: org.id,
        userId: r.reviewerUserId,
        kind: "ACK_REQUESTED",
        dedupeKey: `ack:${r.id}`,
        subject: `Please acknowledge: ${r.projectName}`,
        text: `${r.author ?? "Someone"} posted an update on ${r.projectName} that waits for your acknowledgement:\n\n${r.summary}`,
        href: `/${org.slug}/projects/${r.projectId}`,
      },
      now,
    );
  return n;
}

/** Position open beyond the org's positionOpenAlertDays: to the lead of its unit, once per vacancy. */
export async function positionOpenRule(db: Db, org: RuleOrg, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const rows = await db.$queryRaw<
    { id: string; title: string; unitName: string; daysOpen: number; since: string; userId: string | null }[]
  >`
    SELECT * FROM (
      SELECT ps.id, ps.title, u.name AS "unitName", ${daysOpenSql("ps", today)} AS "daysOpen",
             to_char(COALESCE(ps."vacantFrom", ps."openedAt"::date, ps."createdAt"::date), 'YYYY-MM-DD') AS since, l."userId"
      FROM "Position" ps
      JOIN "OrgUnit" u ON u.id = ps."orgUnitId" AND u."orgId" = ${org.id}
      LEFT JOIN "Person" l ON l.id = u."leadId" AND l."orgId" = ${org.id}
      WHERE ps."orgId" = ${org.id} AND ${openPositionSql("ps", today)}
    ) o WHERE o."daysOpen" > ${org.positionOpenAlertDays} AND o."userId" IS NOT NULL
    ORDER BY o.id`;
  let n = 0;
  for (const r of rows)
    n += await notify(
      db,
      {
        orgId: org.id,
        userId: r.userId!,
        kind: "POSITION_OPEN",
        dedupeKey: `position:${r.id}:${r.since}`,
        subject: `Open ${r.daysOpen} days: ${r.title}`,
        text: `The position ${r.title} in ${r.unitName} has been open for ${r.daysOpen} days (since ${r.since}).`,
        href: `/${org.slug}/headcount?status=open&on=${today}#positions`,
      },
      now,
    );
  return n;
}
