import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db-factory";

// What an org unit still holds, and moving it to another unit (a merge, or a close with a
// target). "Inside" means what is live today; history stays with the closed unit so that its
// past reads as it was: people who have left, closed positions, finished or archived projects
// and initiatives, ended contracts, plan lines of months before this one, and the ledger (a
// ledger line is an external booking against the cost centre; it is never rewritten).
// docs/org-design.md lists every table that references OrgUnit and what a merge does with it.

export type UnitContents = {
  people: number;
  positions: number;
  projects: number;
  initiatives: number;
  planLines: number;
  contracts: number;
  childUnits: number;
  scopedMembers: number;
};

const CONTENT_LABELS: Record<keyof UnitContents, [string, string]> = {
  people: ["person", "people"],
  positions: ["position", "positions"],
  projects: ["project", "projects"],
  initiatives: ["initiative", "initiatives"],
  planLines: ["plan line from this month on", "plan lines from this month on"],
  contracts: ["contract", "contracts"],
  childUnits: ["unit below it", "units below it"],
  scopedMembers: ["manager's scope", "managers' scopes"],
};

export function describeContents(c: UnitContents): string {
  return (Object.keys(CONTENT_LABELS) as (keyof UnitContents)[])
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${CONTENT_LABELS[k][c[k] === 1 ? 0 : 1]}`)
    .join(", ");
}

export const isEmpty = (c: UnitContents) => Object.values(c).every((n) => n === 0);

// One predicate per table, shared by the count and the move so the dialog shows exactly what moves.
export const liveRowSql = (today: string) => ({
  person: Prisma.sql`("endDate" IS NULL OR "endDate" >= ${today}::date)`,
  position: Prisma.sql`"status" <> 'CLOSED'`,
  project: Prisma.sql`"archivedAt" IS NULL AND "status" IN ('PLANNED', 'ACTIVE', 'PAUSED')`,
  initiative: Prisma.sql`"status" IN ('PROPOSED', 'ACTIVE')`,
  planLine: Prisma.sql`"month" >= date_trunc('month', ${today}::date)::date`,
  contract: Prisma.sql`"status" IN ('DRAFT', 'ACTIVE')`,
});

export async function unitContents(db: Tx | Db, orgId: string, unitId: string, today: string): Promise<UnitContents> {
  const w = liveRowSql(today);
  const [row] = await db.$queryRaw<Record<keyof UnitContents, number>[]>`
    SELECT
      (SELECT COUNT(*) FROM "Person" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${unitId} AND ${w.person})::int AS "people",
      (SELECT COUNT(*) FROM "Position" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${unitId} AND ${w.position})::int AS "positions",
      (SELECT COUNT(*) FROM "Project" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${unitId} AND ${w.project})::int AS "projects",
      (SELECT COUNT(*) FROM "Initiative" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${unitId} AND ${w.initiative})::int AS "initiatives",
      (SELECT COUNT(*) FROM "BudgetLine" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${unitId} AND ${w.planLine})::int AS "planLines",
      (SELECT COUNT(*) FROM "Contract" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${unitId} AND ${w.contract})::int AS "contracts",
      (SELECT COUNT(*) FROM "OrgUnit" WHERE "orgId" = ${orgId} AND "parentId" = ${unitId} AND "closedOn" IS NULL)::int AS "childUnits",
      (SELECT COUNT(*) FROM "Membership" WHERE "orgId" = ${orgId} AND "scopeUnitId" = ${unitId})::int AS "scopedMembers"`;
  return row;
}

/**
 * Moves what is live in `fromId` to `toId` (child units are re-hung by the caller, which keeps
 * the closure table). People moved get an assignment period from today (PersonAssignment), as
 * a person's move does; plan lines of the same month and category are added together.
 */
export async function moveUnitContents(tx: Tx, orgId: string, fromId: string, toId: string, today: string): Promise<void> {
  const w = liveRowSql(today);
  const moved = Prisma.sql`SELECT "id" FROM "Person" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${fromId} AND ${w.person}`;
  // People: history first (from the values they have until today), then the current unit.
  await tx.$executeRaw`
    INSERT INTO "PersonAssignment" ("id", "orgId", "personId", "orgUnitId", "managerId", "effectiveFrom", "effectiveTo")
    SELECT gen_random_uuid()::text, p."orgId", p."id", p."orgUnitId", p."managerId", p."startDate", ${today}::date - 1
    FROM "Person" p
    WHERE p."id" IN (${moved}) AND p."startDate" < ${today}::date
      AND NOT EXISTS (SELECT 1 FROM "PersonAssignment" a WHERE a."orgId" = ${orgId} AND a."personId" = p."id" AND a."effectiveTo" IS NULL)`;
  await tx.$executeRaw`
    DELETE FROM "PersonAssignment"
    WHERE "orgId" = ${orgId} AND "personId" IN (${moved}) AND "effectiveTo" IS NULL AND "effectiveFrom" >= ${today}::date`;
  await tx.$executeRaw`
    UPDATE "PersonAssignment" SET "effectiveTo" = ${today}::date - 1
    WHERE "orgId" = ${orgId} AND "personId" IN (${moved}) AND "effectiveTo" IS NULL`;
  await tx.$executeRaw`
    INSERT INTO "PersonAssignment" ("id", "orgId", "personId", "orgUnitId", "managerId", "effectiveFrom")
    SELECT gen_random_uuid()::text, p."orgId", p."id", ${toId}, p."managerId", GREATEST(p."startDate", ${today}::date)
    FROM "Person" p WHERE p."id" IN (${moved})`;
  await tx.$executeRaw`UPDATE "Person" SET "orgUnitId" = ${toId}, "version" = "version" + 1, "updatedAt" = now() WHERE "id" IN (${moved})`;

  await tx.$executeRaw`UPDATE "Position" SET "orgUnitId" = ${toId}, "version" = "version" + 1, "updatedAt" = now() WHERE "orgId" = ${orgId} AND "orgUnitId" = ${fromId} AND ${w.position}`;
  await tx.$executeRaw`UPDATE "Project" SET "orgUnitId" = ${toId}, "version" = "version" + 1, "updatedAt" = now() WHERE "orgId" = ${orgId} AND "orgUnitId" = ${fromId} AND ${w.project}`;
  await tx.$executeRaw`UPDATE "Initiative" SET "orgUnitId" = ${toId}, "updatedAt" = now() WHERE "orgId" = ${orgId} AND "orgUnitId" = ${fromId} AND ${w.initiative}`;
  await tx.$executeRaw`UPDATE "Contract" SET "orgUnitId" = ${toId}, "version" = "version" + 1, "updatedAt" = now() WHERE "orgId" = ${orgId} AND "orgUnitId" = ${fromId} AND ${w.contract}`;
  await tx.$executeRaw`
    INSERT INTO "BudgetLine" ("id", "orgId", "orgUnitId", "month", "category", "amountCents", "updatedAt")
    SELECT gen_random_uuid()::text, "orgId", ${toId}, "month", "category", "amountCents", now()
    FROM "BudgetLine" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${fromId} AND ${w.planLine}
    ON CONFLICT ("orgId", "orgUnitId", "month", "category")
    DO UPDATE SET "amountCents" = "BudgetLine"."amountCents" + EXCLUDED."amountCents", "updatedAt" = now()`;
  await tx.$executeRaw`DELETE FROM "BudgetLine" WHERE "orgId" = ${orgId} AND "orgUnitId" = ${fromId} AND ${w.planLine}`;
  await tx.$executeRaw`UPDATE "Membership" SET "scopeUnitId" = ${toId}, "updatedAt" = now() WHERE "orgId" = ${orgId} AND "scopeUnitId" = ${fromId}`;
  await tx.$executeRaw`UPDATE "Invitation" SET "scopeUnitId" = ${toId} WHERE "orgId" = ${orgId} AND "scopeUnitId" = ${fromId} AND "acceptedAt" IS NULL`;
}
