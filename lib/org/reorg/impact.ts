import type { Tx } from "@/lib/db";
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { liveRowSql } from "@/lib/org/unit-contents";
import { inPostSql } from "@/lib/people/queries";

// What a reorg changes, measured rather than predicted: the state before the steps is copied
// into temporary tables, the steps run, and the state after is compared with it in SQL. The
// preview runs the steps in a transaction it rolls back; the apply runs the same code and keeps
// the result, so what the preview shows is what applying does (to the data as it is then).

type UnitRef = { id: string; name: string; code: string };
export type MovedRow = {
  kind: "person" | "position" | "project" | "contract" | "planLine";
  id: string;
  label: string;
  from: UnitRef;
  to: UnitRef | null;
};
type UnitChangeRow = UnitRef & {
  state: "new" | "closed" | "changed";
  parentBefore: string | null;
  parentAfter: string | null;
  leadBefore: string | null;
  leadAfter: string | null;
  headsBefore: number;
  headsAfter: number;
  /** Plan of the fiscal year, in minor units, of the unit and every unit below it. */
  budgetBefore: number;
  budgetAfter: number;
};
type SpanChangeRow = { personId: string; name: string; before: number; after: number };
export type ReorgImpact = {
  /** The day and fiscal year the figures are for. */
  day: string;
  fiscalYear: string;
  rows: MovedRow[];
  /** Rows per kind (the list above stops at ROW_LIMIT). */
  rowCounts: Record<MovedRow["kind"], number>;
  units: UnitChangeRow[];
  spans: SpanChangeRow[];
};

const ROW_LIMIT = 500;

type Window = { orgId: string; day: string; fyStart: string; fyEnd: string };

function windowOf(orgId: string, fiscalYearStartMonth: number, now: Date): Window & { fy: number } {
  const fy = fiscalYearOf(now, fiscalYearStartMonth);
  const { start, end } = fiscalYearRange(fy, fiscalYearStartMonth);
  return { orgId, day: toDateString(now), fyStart: toDateString(start), fyEnd: toDateString(end), fy };
}

/** Every open unit with its subtree's heads in post and fiscal-year plan (one statement). */
function unitFigures(w: Window): Prisma.Sql {
  return Prisma.sql`
    SELECT u."id", u."name", u."code", u."parentId", u."leadId", (u."closedOn" IS NOT NULL) AS "closed",
           COALESCE(h."heads", 0)::int AS "heads", COALESCE(b."budget", 0)::bigint AS "budget"
    FROM "OrgUnit" u
    LEFT JOIN (
      SELECT c."ancestorId", COUNT(*) AS "heads" FROM "OrgUnitClosure" c
      JOIN "Person" p ON p."orgId" = c."orgId" AND p."orgUnitId" = c."descendantId"
      WHERE c."orgId" = ${w.orgId} AND ${inPostSql("p", w.day)}
      GROUP BY c."ancestorId"
    ) h ON h."ancestorId" = u."id"
    LEFT JOIN (
      SELECT c."ancestorId", SUM(l."amountCents") AS "budget" FROM "OrgUnitClosure" c
      JOIN "BudgetLine" l ON l."orgId" = c."orgId" AND l."orgUnitId" = c."descendantId"
      WHERE c."orgId" = ${w.orgId} AND l."month" BETWEEN ${w.fyStart}::date AND ${w.fyEnd}::date
      GROUP BY c."ancestorId"
    ) b ON b."ancestorId" = u."id"
    WHERE u."orgId" = ${w.orgId}`;
}

function spanFigures(w: Window): Prisma.Sql {
  return Prisma.sql`
    SELECT p."managerId" AS "personId", COUNT(*)::int AS "span" FROM "Person" p
    WHERE p."orgId" = ${w.orgId} AND p."managerId" IS NOT NULL AND ${inPostSql("p", w.day)}
    GROUP BY p."managerId"`;
}

/** The live rows of the touched units: what a merge or a person move can take elsewhere. */
function movableRows(w: Window, unitIds: string[]): Prisma.Sql {
  const l = liveRowSql(w.day);
  const ids = unitIds.length ? unitIds : ["-"];
  const inUnits = Prisma.sql`"orgId" = ${w.orgId} AND "orgUnitId" = ANY(${ids}::text[])`;
  return Prisma.sql`
    SELECT 'person' AS "kind", "id", "name" AS "label", "orgUnitId" FROM "Person" WHERE ${inUnits} AND ${l.person}
    UNION ALL SELECT 'position', "id", "title", "orgUnitId" FROM "Position" WHERE ${inUnits} AND ${l.position}
    UNION ALL SELECT 'project', "id", "name", "orgUnitId" FROM "Project" WHERE ${inUnits} AND ${l.project}
    UNION ALL SELECT 'contract', "id", "name", "orgUnitId" FROM "Contract" WHERE ${inUnits} AND ${l.contract}
    UNION ALL SELECT 'planLine', "id", initcap(lower(replace("category"::text, '_', ' '))) || ' · ' || to_char("month", 'Mon YYYY'), "orgUnitId" FROM "BudgetLine" WHERE ${inUnits} AND ${l.planLine}`;
}

/** Copies the state before the steps into temporary tables (dropped when the transaction ends). */
export async function snapshotBefore(tx: Tx, orgId: string, fiscalYearStartMonth: number, now: Date, unitIds: string[]): Promise<void> {
  const w = windowOf(orgId, fiscalYearStartMonth, now);
  await tx.$executeRaw`DROP TABLE IF EXISTS pg_temp."reorg_units", pg_temp."reorg_spans", pg_temp."reorg_rows"`;
  await tx.$executeRaw`CREATE TEMP TABLE "reorg_units" ON COMMIT DROP AS ${unitFigures(w)}`;
  await tx.$executeRaw`CREATE TEMP TABLE "reorg_spans" ON COMMIT DROP AS ${spanFigures(w)}`;
  await tx.$executeRaw`CREATE TEMP TABLE "reorg_rows" ON COMMIT DROP AS ${movableRows(w, unitIds)}`;
}

/** A unit change as SQL returns it: the budgets as bigint. */
type UnitSql = Omit<UnitChangeRow, "budgetBefore" | "budgetAfter"> & { budgetBefore: bigint; budgetAfter: bigint };
type RowSql = {
  kind: MovedRow["kind"];
  id: string;
  label: string;
  fromId: string;
  fromName: string;
  fromCode: string;
  toId: string | null;
  toName: string | null;
  toCode: string | null;
};

/** Compares the state now with the snapshot: rows that changed unit, units and spans that changed. */
export async function measureAfter(tx: Tx, orgId: string, fiscalYearStartMonth: number, now: Date): Promise<ReorgImpact> {
  const w = windowOf(orgId, fiscalYearStartMonth, now);
  const units = await tx.$queryRaw<UnitSql[]>`
    WITH a AS (${unitFigures(w)})
    SELECT a."id", a."name", a."code",
           CASE WHEN b."id" IS NULL THEN 'new' WHEN a."closed" AND NOT b."closed" THEN 'closed' ELSE 'changed' END AS "state",
           pb."name" AS "parentBefore", pa."name" AS "parentAfter", lb."name" AS "leadBefore", la."name" AS "leadAfter",
           COALESCE(b."heads", 0) AS "headsBefore", a."heads" AS "headsAfter",
           COALESCE(b."budget", 0)::bigint AS "budgetBefore", a."budget" AS "budgetAfter"
    FROM a
    LEFT JOIN "reorg_units" b ON b."id" = a."id"
    LEFT JOIN "OrgUnit" pa ON pa."id" = a."parentId"
    LEFT JOIN "OrgUnit" pb ON pb."id" = b."parentId"
    LEFT JOIN "Person" la ON la."id" = a."leadId"
    LEFT JOIN "Person" lb ON lb."id" = b."leadId"
    WHERE (b."id" IS NULL OR NOT b."closed")
      AND (b."id" IS NULL OR a."closed" <> b."closed" OR a."parentId" IS DISTINCT FROM b."parentId" OR a."leadId" IS DISTINCT FROM b."leadId"
           OR a."heads" <> b."heads" OR a."budget" <> b."budget")
    ORDER BY a."name", a."code"`;
  const spans = await tx.$queryRaw<SpanChangeRow[]>`
    WITH a AS (${spanFigures(w)})
    SELECT p."id" AS "personId", p."name", COALESCE(b."span", 0) AS "before", COALESCE(a."span", 0) AS "after"
    FROM a FULL JOIN "reorg_spans" b ON b."personId" = a."personId"
    JOIN "Person" p ON p."id" = COALESCE(a."personId", b."personId")
    WHERE COALESCE(a."span", 0) <> COALESCE(b."span", 0)
    ORDER BY p."name", p."id"`;
  // A plan line merged into the target's cell no longer exists: it went to the unit's successor.
  const moved = Prisma.sql`
    SELECT r."kind", r."id", r."label", r."orgUnitId" AS "fromId",
           COALESCE(now."orgUnitId", succ."successorId") AS "toId"
    FROM "reorg_rows" r
    LEFT JOIN (
      SELECT 'person' AS "kind", "id", "orgUnitId" FROM "Person" WHERE "orgId" = ${orgId}
      UNION ALL SELECT 'position', "id", "orgUnitId" FROM "Position" WHERE "orgId" = ${orgId}
      UNION ALL SELECT 'project', "id", "orgUnitId" FROM "Project" WHERE "orgId" = ${orgId}
      UNION ALL SELECT 'contract', "id", "orgUnitId" FROM "Contract" WHERE "orgId" = ${orgId}
      UNION ALL SELECT 'planLine', "id", "orgUnitId" FROM "BudgetLine" WHERE "orgId" = ${orgId}
    ) now ON now."kind" = r."kind" AND now."id" = r."id"
    LEFT JOIN LATERAL (
      SELECT h."successorId" FROM "OrgUnitHistory" h
      WHERE h."orgId" = ${orgId} AND h."unitId" = r."orgUnitId" AND h."effectiveTo" IS NULL AND h."successorId" IS NOT NULL
      LIMIT 1
    ) succ ON now."id" IS NULL
    WHERE now."orgUnitId" IS DISTINCT FROM r."orgUnitId"`;
  const rows = await tx.$queryRaw<RowSql[]>`
    SELECT m."kind", m."id", m."label", m."fromId", f."name" AS "fromName", f."code" AS "fromCode", m."toId", t."name" AS "toName", t."code" AS "toCode"
    FROM (${moved}) m
    JOIN "OrgUnit" f ON f."id" = m."fromId"
    LEFT JOIN "OrgUnit" t ON t."id" = m."toId"
    ORDER BY m."kind", m."label" COLLATE "natural", m."id"
    LIMIT ${ROW_LIMIT}`;
  const counts = await tx.$queryRaw<
    { kind: MovedRow["kind"]; n: number }[]
  >`SELECT m."kind", COUNT(*)::int AS "n" FROM (${moved}) m GROUP BY m."kind"`;
  const rowCounts: ReorgImpact["rowCounts"] = { person: 0, position: 0, project: 0, contract: 0, planLine: 0 };
  for (const c of counts) rowCounts[c.kind] = c.n;
  return {
    day: w.day,
    fiscalYear: fiscalYearLabel(w.fy),
    rows: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      label: r.label,
      from: { id: r.fromId, name: r.fromName, code: r.fromCode },
      to: r.toId && r.toName && r.toCode ? { id: r.toId, name: r.toName, code: r.toCode } : null,
    })),
    rowCounts,
    // Plans are held to the org's money limit, which keeps every total a safe integer.
    units: units.map((u) => ({ ...u, budgetBefore: Number(u.budgetBefore), budgetAfter: Number(u.budgetAfter) })),
    spans,
  };
}
