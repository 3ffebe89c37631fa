import "server-only";

import { db } from "@/lib/db";
import { fiscalMonths, fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { BudgetCategory as BudgetCategoryEnum, type BudgetCategory } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { centsToNumber } from "@/lib/money";

/** Fiscal years that have plan or actuals, plus the current one, newest first. */
export async function listBudgetFiscalYears(orgId: string, startMonth: number, today = new Date()): Promise<number[]> {
  // Four index probes (min/max of (orgId, month) on the plan and on the ledger summary, whose
  // months are the ledger's months): Prisma's aggregate() wraps the table in a subquery, which
  // hides the min/max-by-index shortcut and read every ledger line of the org (~0.1 s at 1M lines).
  const [row] = await db.$queryRaw<{ dates: (Date | null)[] }[]>`
    SELECT ARRAY[
      (SELECT MIN("month") FROM "BudgetLine" WHERE "orgId" = ${orgId}), (SELECT MAX("month") FROM "BudgetLine" WHERE "orgId" = ${orgId}),
      (SELECT MIN("month") FROM "ActualMonthly" WHERE "orgId" = ${orgId}), (SELECT MAX("month") FROM "ActualMonthly" WHERE "orgId" = ${orgId})
    ] AS "dates"`;
  const current = fiscalYearOf(today, startMonth);
  const years = row.dates.filter((d): d is Date => d !== null).map((d) => fiscalYearOf(d, startMonth));
  const min = Math.max(Math.min(current, ...years), current - 10);
  const max = Math.min(Math.max(current, ...years), current + 5);
  const out: number[] = [];
  for (let fy = max; fy >= min; fy--) out.push(fy);
  return out;
}

export type ImportBatchRow = {
  id: string;
  kind: "ACTUALS" | "BUDGET" | "HIRING_PLAN";
  fileName: string;
  rowCount: number;
  insertedCount: number;
  skippedCount: number;
  status: "COMPLETED" | "REVERTED";
  createdAt: string;
  createdBy: string;
  revertedAt: string | null;
};

/** Recent imports, newest first. */
export async function listImportBatches(orgId: string, take = 20): Promise<ImportBatchRow[]> {
  const rows = await db.importBatch.findMany({
    // PEOPLE names saved HRIS mappings only: a people sync records no import batch.
    where: { orgId, kind: { in: ["ACTUALS", "BUDGET", "HIRING_PLAN"] } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      fileName: true,
      rowCount: true,
      insertedCount: true,
      skippedCount: true,
      status: true,
      createdAt: true,
      revertedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    kind: r.kind as ImportBatchRow["kind"],
    createdAt: r.createdAt.toISOString(),
    revertedAt: r.revertedAt?.toISOString() ?? null,
    createdBy: r.createdBy.name,
  }));
}

export type PlanGrid = {
  fiscalYear: number;
  /** ISO first days of the 12 fiscal months */
  months: string[];
  rows: {
    orgUnitId: string;
    unitName: string;
    unitCode: string;
    depth: number;
    category: BudgetCategory;
    cells: Record<string, number>;
    totalCents: number;
  }[];
  monthTotals: Record<string, number>;
  totalCents: number;
  /** Units whose PERSONNEL plan line is withheld from this reader (lib/privacy/plan-lines.ts); the totals include it. */
  hiddenPersonnelUnits: string[];
  /** With a unit window: its units, the unit first, then its children by name. */
  units: { id: string; name: string; code: string; depth: number }[];
};

/**
 * The plan of a fiscal year as unit × category rows of monthly cells. Row, month and grand
 * totals come from the same SQL (GROUPING SETS). The PERSONNEL rows of `hidePersonnelOf` are
 * left out of the rows (never sent) but not out of the totals: a total is the same for every
 * reader (what the rows leave out is a safe group: docs/privacy.md).
 */
export async function getPlanGrid(
  orgId: string,
  fiscalYear: number,
  startMonth: number,
  hidePersonnelOf: ReadonlySet<string>,
  by: "month" | "quarter" = "month",
  window?: { unitId: string | null },
): Promise<PlanGrid> {
  const { start, end } = fiscalYearRange(fiscalYear, startMonth);
  const months = fiscalMonths(fiscalYear, startMonth)
    .filter((_, i) => by === "month" || i % 3 === 0)
    .map(toDateString);
  // Quarter view: each line counts in its fiscal quarter's first month.
  const bucket =
    by === "quarter"
      ? Prisma.sql`(b."month" - make_interval(months => ((extract(month from b."month")::int - ${startMonth}::int + 12) % 3)))::date`
      : Prisma.sql`b."month"`;
  const rows = await db.$queryRaw<
    { orgUnitId: string | null; category: BudgetCategory | null; month: Date | null; cents: bigint; g: number }[]
  >`
    SELECT b."orgUnitId", b."category", b."bucket" AS "month", SUM(b."amountCents")::bigint AS "cents",
           GROUPING(b."orgUnitId", b."category", b."bucket")::int AS "g"
    FROM (
      -- The bucket is computed once here: GROUPING() needs the very expression it groups by.
      SELECT b."orgUnitId", b."category", b."amountCents", ${bucket} AS "bucket"
      FROM "BudgetLine" b
      WHERE b."orgId" = ${orgId} AND b."month" BETWEEN ${toDateString(start)}::date AND ${toDateString(end)}::date
        ${window ? Prisma.sql`AND b."orgUnitId" IN (${gridUnitsSql(orgId, window.unitId)})` : Prisma.empty}
    ) b
    GROUP BY GROUPING SETS ((b."orgUnitId", b."category", b."bucket"), (b."orgUnitId", b."category"), (b."bucket"), ())`;
  const units = window
    ? await db.$queryRaw<{ id: string; name: string; code: string; depth: number }[]>`
        SELECT u."id", u."name", u."code", u."depth" FROM "OrgUnit" u
        WHERE u."orgId" = ${orgId} AND u."id" IN (${gridUnitsSql(orgId, window.unitId)})
        ORDER BY u."depth", u."name", u."code"`
    : await db.orgUnit.findMany({ where: { orgId }, select: { id: true, name: true, code: true, depth: true } });
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byRow = new Map<string, PlanGrid["rows"][number]>();
  const monthTotals: Record<string, number> = {};
  const hiddenWithLines = new Set<string>();
  let totalCents = 0;
  for (const r of rows) {
    const cents = centsToNumber(r.cents);
    if (r.g === 0 || r.g === 1) {
      if (r.category === "PERSONNEL" && hidePersonnelOf.has(r.orgUnitId!)) {
        hiddenWithLines.add(r.orgUnitId!);
        continue;
      }
      const key = `${r.orgUnitId}|${r.category}`;
      const u = unitById.get(r.orgUnitId!)!;
      const row = byRow.get(key) ?? {
        orgUnitId: u.id,
        unitName: u.name,
        unitCode: u.code,
        depth: u.depth,
        category: r.category!,
        cells: {},
        totalCents: 0,
      };
      if (r.g === 0) row.cells[toDateString(r.month!)] = cents;
      else row.totalCents = cents;
      byRow.set(key, row);
    } else if (r.g === 6) monthTotals[toDateString(r.month!)] = cents;
    else if (r.g === 7) totalCents = cents;
  }
  const order = Object.keys(BudgetCategoryEnum);
  const sorted = [...byRow.values()].sort(
    (a, b) =>
      (window ? a.depth - b.depth : 0) || a.unitCode.localeCompare(b.unitCode) || order.indexOf(a.category) - order.indexOf(b.category),
  );
  const hiddenNames = [...hiddenWithLines].map((id) => unitById.get(id)?.name ?? id).sort();
  return { fiscalYear, months, rows: sorted, monthTotals, totalCents, hiddenPersonnelUnits: hiddenNames, units: window ? units : [] };
}

/**
 * The units the plan grid edits at once: a unit and its direct children (the org's top units
 * and theirs when none is chosen). A large org's whole plan is 4,000 rows of 12 inputs; deeper
 * units are reached by picking a child.
 */
function gridUnitsSql(orgId: string, unitId: string | null): Prisma.Sql {
  return unitId
    ? Prisma.sql`SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId} AND "depth" <= 1`
    : Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId} AND "depth" <= 1`;
}
