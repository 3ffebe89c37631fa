import type { Tx } from "@/lib/db-factory";
import { Prisma } from "@/lib/generated/prisma/client";
import { insertUnitClosure } from "@/lib/org/closure";
import { toDateString } from "@/lib/fiscal";
import { elapsedDays } from "@/lib/dates";
import { addDays } from "@/lib/seed/dates";

// Acme's org design story (docs/org-design.md), written after the org's rows: history only, so
// today's people, teams and money are exactly what the rest of the seed made.
//   - Robotics Tools was merged into Simulation 240 days ago; QA Automation closed 150 days ago
//     (both closed units stay in the tree with their history, nothing live inside);
//   - Simulation's lead was promoted 100 days ago (the head of Autonomy led it until then): a new
//     manager on the org health page, with the reports' assignment history to show it;
//   - Fleet Management's manager took over one Integrations engineer 45 days ago: over the span
//     of 8 (the engineer leads no project, so no delivery figure moves);
//   - departures of the last year: two in five recorded as regretted, two as not, one not at all.

export async function writeAcmeOrgDesign(tx: Tx, orgId: string, today: Date): Promise<void> {
  const day = (n: number) => toDateString(addDays(today, n));
  const unit = async (code: string) =>
    await tx.orgUnit.findFirstOrThrow({
      where: { orgId, code },
      select: { id: true, parentId: true, depth: true, leadId: true, name: true, kind: true },
    });
  const [auto, plat, sim, fleet, integ] = await Promise.all(
    ["ENG-AUTO", "ENG-PLAT", "ENG-AUTO-SIM", "ENG-PROD-FLEET", "ENG-PROD-INTEG"].map(unit),
  );
  const [since] = await tx.$queryRaw<
    { day: string }[]
  >`SELECT to_char(MIN("effectiveFrom"), 'YYYY-MM-DD') AS "day" FROM "OrgUnitHistory" WHERE "orgId" = ${orgId}`;

  // The two closed units and their periods.
  const closed = [
    { code: "ENG-AUTO-TOOLS", name: "Robotics Tools", parent: auto, closedOn: day(-240), change: "merged", successorId: sim.id },
    { code: "ENG-PLAT-QA", name: "QA Automation", parent: plat, closedOn: day(-150), change: "closed", successorId: null },
  ];
  let mergedId = "";
  for (const c of closed) {
    const u = await tx.orgUnit.create({
      data: {
        orgId,
        parentId: c.parent.id,
        kind: "TEAM",
        name: c.name,
        code: c.code,
        depth: c.parent.depth + 1,
        closedOn: new Date(`${c.closedOn}T00:00:00Z`),
        version: 2,
      },
      select: { id: true },
    });
    await insertUnitClosure(tx, orgId, u.id, c.parent.id);
    await tx.$executeRaw`
      INSERT INTO "OrgUnitHistory" ("id", "orgId", "unitId", "parentId", "name", "code", "kind", "leadId", "change", "successorId", "closed", "effectiveFrom", "effectiveTo")
      VALUES (gen_random_uuid()::text, ${orgId}, ${u.id}, ${c.parent.id}, ${c.name}, ${c.code}, 'TEAM', NULL, 'created', NULL, false, ${since.day}::date, ${c.closedOn}::date - 1),
             (gen_random_uuid()::text, ${orgId}, ${u.id}, ${c.parent.id}, ${c.name}, ${c.code}, 'TEAM', NULL, ${c.change}, ${c.successorId}, true, ${c.closedOn}::date, NULL)`;
    if (c.change === "merged") mergedId = u.id;
  }

  // Simulation: led by the head of Autonomy, took in Robotics Tools, then got its own lead.
  const simLead = await tx.person.findUniqueOrThrow({ where: { id: sim.leadId! }, select: { id: true, managerId: true } });
  await tx.orgUnitHistory.deleteMany({ where: { orgId, unitId: sim.id } });
  await tx.$executeRaw`
    INSERT INTO "OrgUnitHistory" ("id", "orgId", "unitId", "parentId", "name", "code", "kind", "leadId", "change", "successorId", "effectiveFrom", "effectiveTo")
    VALUES (gen_random_uuid()::text, ${orgId}, ${sim.id}, ${sim.parentId}, ${sim.name}, 'ENG-AUTO-SIM', 'TEAM', ${simLead.managerId}, 'created', NULL, ${since.day}::date, ${day(-241)}::date),
           (gen_random_uuid()::text, ${orgId}, ${sim.id}, ${sim.parentId}, ${sim.name}, 'ENG-AUTO-SIM', 'TEAM', ${simLead.managerId}, 'absorbed', ${mergedId}, ${day(-240)}::date, ${day(-101)}::date),
           (gen_random_uuid()::text, ${orgId}, ${sim.id}, ${sim.parentId}, ${sim.name}, 'ENG-AUTO-SIM', 'TEAM', ${simLead.id}, 'lead', NULL, ${day(-100)}::date, NULL)`;
  // Its people reported to the head of Autonomy until the promotion.
  await reportingHistory(tx, orgId, simLead.id, simLead.managerId, day(-100));

  // One Integrations engineer (leading no project, no login) moves to Fleet Management's manager.
  const [moved] = await tx.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Person" p
    WHERE p."orgId" = ${orgId} AND p."orgUnitId" = ${integ.id} AND p."managerId" = ${integ.leadId} AND p."userId" IS NULL
      AND p."endDate" IS NULL AND p."startDate" < ${day(-45)}::date AND p."level" LIKE 'IC%'
      AND NOT EXISTS (SELECT 1 FROM "Project" pr WHERE pr."orgId" = p."orgId" AND pr."leadId" = p."id")
    ORDER BY p."name" LIMIT 1`;
  if (moved) {
    await tx.person.update({ where: { id: moved.id }, data: { managerId: fleet.leadId } });
    await tx.$executeRaw`
      INSERT INTO "PersonAssignment" ("id", "orgId", "personId", "orgUnitId", "managerId", "effectiveFrom", "effectiveTo")
      SELECT gen_random_uuid()::text, p."orgId", p."id", p."orgUnitId", ${integ.leadId}, p."startDate", ${day(-46)}::date FROM "Person" p WHERE p."id" = ${moved.id}
      UNION ALL
      SELECT gen_random_uuid()::text, p."orgId", p."id", p."orgUnitId", ${fleet.leadId}, ${day(-45)}::date, NULL FROM "Person" p WHERE p."id" = ${moved.id}`;
  }

  await tx.$executeRaw`
    UPDATE "Person" p SET "departureRegretted" = CASE WHEN n.k % 5 IN (1, 3) THEN true WHEN n.k % 5 IN (2, 4) THEN false END
    FROM (SELECT "id", row_number() OVER (ORDER BY "endDate", "name") AS k FROM "Person"
          WHERE "orgId" = ${orgId} AND "endDate" BETWEEN ${day(-365)}::date AND ${day(0)}::date) n
    WHERE p."id" = n."id"`;
}

/**
 * A scheduled reorg for the 1st of next month (at least a week away): Developer Experience
 * merges into Infrastructure and Infrastructure gets a new parent-level lead. Until that day it
 * only shows on the reorgs page; on it, the server's scheduler applies it.
 */
export async function writeAcmeScheduledReorg(tx: Tx, orgId: string, today: Date): Promise<void> {
  const [devex, infra] = await Promise.all(
    ["ENG-PLAT-DEVEX", "ENG-PLAT-INFRA"].map((code) =>
      tx.orgUnit.findFirstOrThrow({ where: { orgId, code }, select: { id: true, leadId: true } }),
    ),
  );
  const director = await tx.membership.findFirstOrThrow({
    where: { orgId, role: "DIRECTOR" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  const nextMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  const effectiveOn =
    elapsedDays(today, nextMonth) < 7 ? new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 1)) : nextMonth;
  const steps = [
    { kind: "merge", unit: devex.id, target: infra.id },
    { kind: "lead", unit: infra.id, leadId: devex.leadId ?? infra.leadId },
  ];
  await tx.reorg.create({
    data: {
      orgId,
      name: "Developer platform consolidation",
      status: "SCHEDULED",
      steps,
      unitIds: [devex.id, infra.id].sort(),
      effectiveOn,
      createdById: director.userId,
      scheduledById: director.userId,
    },
  });
}

/**
 * Assignment history of a manager's reports still there on `from`: `before` managed them until
 * the day before, `managerId` since (people who left earlier keep no history).
 */
async function reportingHistory(tx: Tx, orgId: string, managerId: string, before: string | null, from: string) {
  const reports = Prisma.sql`FROM "Person" p WHERE p."orgId" = ${orgId} AND p."managerId" = ${managerId} AND (p."endDate" IS NULL OR p."endDate" >= ${from}::date)`;
  await tx.$executeRaw`
    INSERT INTO "PersonAssignment" ("id", "orgId", "personId", "orgUnitId", "managerId", "effectiveFrom", "effectiveTo")
    SELECT gen_random_uuid()::text, p."orgId", p."id", p."orgUnitId", ${before}, p."startDate", ${from}::date - 1 ${reports} AND p."startDate" < ${from}::date
    UNION ALL
    SELECT gen_random_uuid()::text, p."orgId", p."id", p."orgUnitId", ${managerId}, GREATEST(p."startDate", ${from}::date), NULL ${reports}`;
}
