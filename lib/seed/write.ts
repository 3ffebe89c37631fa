import type { Tx } from "@/lib/db-factory";
import { insertUnitClosure } from "@/lib/org/closure";
import type { UserIds } from "@/lib/seed/users";
import type { OrgSeed } from "@/lib/seed/types";

/**
 * Writes one org's generated rows in foreign-key order, a bulk INSERT per table. Units go in
 * without leads first (leads are people, who belong to units), then get their leads set.
 */
export async function writeOrgSeed(tx: Tx, seed: OrgSeed, users: UserIds, passwordHash: string): Promise<void> {
  const orgId = seed.org.id;
  if (seed.accounts.length > 0) await tx.user.createMany({ data: seed.accounts.map((a) => ({ ...a, passwordHash })) });
  await tx.organization.create({ data: { ...seed.org, updateCadence: "WEEKLY", updateDueWeekday: "FRIDAY" } });

  await tx.orgUnit.createMany({
    data: seed.units.map((u) => ({ id: u.id, orgId, parentId: u.parentId, kind: u.kind, name: u.name, code: u.code, depth: u.depth })),
  });
  for (const u of seed.units) await insertUnitClosure(tx, orgId, u.id, u.parentId);

  await tx.person.createMany({
    data: seed.people.map(({ userKey, userId, ...p }) => ({ ...p, orgId, userId: userKey ? users[userKey] : (userId ?? null) })),
  });
  // One UPDATE … FROM unnest for all leads: a round trip per unit is slow on the embedded PGlite.
  const led = seed.units.filter((u) => u.leadId);
  await tx.$executeRaw`
    UPDATE "OrgUnit" AS u SET "leadId" = v.lead
    FROM unnest(${led.map((u) => u.id)}::text[], ${led.map((u) => u.leadId!)}::text[]) AS v(id, lead)
    WHERE u."orgId" = ${orgId} AND u.id = v.id`;

  await writeUnitHistory(tx, orgId);

  const unitId = new Map(seed.units.map((u) => [u.code, u.id]));
  await tx.membership.createMany({
    data: seed.memberships.map((m) => ({
      orgId,
      userId: m.userId,
      role: m.role,
      scopeUnitId: m.scopeUnitCode ? unitId.get(m.scopeUnitCode)! : null,
    })),
  });

  await tx.initiative.createMany({ data: seed.initiatives });
  await tx.project.createMany({ data: seed.projects });
  await tx.milestone.createMany({ data: seed.milestones });
  await tx.projectDependency.createMany({ data: seed.dependencies });
  await tx.statusUpdate.createMany({ data: seed.statusUpdates });
  await tx.vendor.createMany({ data: seed.vendors });
  await tx.contract.createMany({ data: seed.contracts });
  await tx.budgetLine.createMany({ data: seed.budgetLines });
  await tx.actualEntry.createMany({ data: seed.actuals });
  await tx.position.createMany({ data: seed.positions });
  await tx.allocation.createMany({ data: seed.allocations });
  await tx.auditEvent.createMany({ data: seed.auditEvents });
}

/**
 * The units' history (OrgUnitHistory): each unit exists since the org's first start date; a
 * unit whose lead started later had no lead until that day, then one period with the lead.
 */
async function writeUnitHistory(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`
    WITH since AS (SELECT MIN("startDate") AS "day" FROM "Person" WHERE "orgId" = ${orgId}),
    units AS (
      SELECT u.*, l."startDate" AS "leadFrom", s."day" AS "since"
      FROM "OrgUnit" u CROSS JOIN since s LEFT JOIN "Person" l ON l."id" = u."leadId" AND l."orgId" = u."orgId"
      WHERE u."orgId" = ${orgId}
    )
    INSERT INTO "OrgUnitHistory" ("id", "orgId", "unitId", "parentId", "name", "code", "kind", "leadId", "change", "effectiveFrom", "effectiveTo")
    SELECT gen_random_uuid()::text, "orgId", "id", "parentId", "name", "code", "kind", NULL, 'created', "since", "leadFrom" - 1
    FROM units WHERE "leadFrom" > "since"
    UNION ALL
    SELECT gen_random_uuid()::text, "orgId", "id", "parentId", "name", "code", "kind", "leadId",
           CASE WHEN "leadFrom" > "since" THEN 'lead' ELSE 'created' END, GREATEST("since", COALESCE("leadFrom", "since")), NULL
    FROM units`;
}
