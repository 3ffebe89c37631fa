import "server-only";

import { db } from "@/lib/db";
import { fiscalMonths, fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { BudgetCategory as BudgetCategoryEnum, type BudgetCategory } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { centsToNumber } from "@/lib/money";

// Budget vs actual for one fiscal year. Variance = actual − plan to date (positive = over
// budget), where "plan to date" is the plan of the months elapsed so far (all months of a past
// year, none of a future one): comparing year-to-date actuals with a full-year plan would show
// every unit under budget until the last month.

export type BudgetRow = {
  orgUnitId: string;
  unitName: string;
  unitCode: string;
  depth: number;
  category: BudgetCategory;
  /** Full fiscal-year plan */
  planCents: number;
  /** Plan of the months up to and including the as-of month (the current one for this year) */
  planToDateCents: number;
  actualCents: number;
  varianceCents: number;
  /** Variance as % of plan to date; null when there is no plan to date */
  variancePct: number | null;
  /** Tree order of the unit, then category order */
  order: number;
};

export type BudgetTotals = { planCents: number; planToDateCents: number; actualCents: number; varianceCents: number; variancePct: number | null };

export type BudgetReport = {
  fiscalYear: number;
  /** ISO dates: first and last day of the fiscal year, and the last day of the last month counted */
  start: string;
  end: string;
  asOf: string;
  rows: BudgetRow[];
  totals: BudgetTotals;
};

type RawRow = Omit<BudgetRow, "planCents" | "planToDateCents" | "actualCents" | "varianceCents" | "order"> & {
  planCents: bigint;
  planToDateCents: bigint;
  actualCents: bigint;
  varianceCents: bigint;
};

/** The fiscal year's first and last day, and the last day of the last month counted "to date". */
function budgetWindow(fiscalYear: number, startMonth: number, today: Date) {
  const range = fiscalYearRange(fiscalYear, startMonth);
  const asOfDate = today < range.start ? new Date(range.start.getTime() - 86_400_000) : today > range.end ? range.end : today;
  // Whole months on both sides: the as-of month's plan and all of its actuals, even those
  // booked later in the month (ledgers often book on the last day).
  const asOf = toDateString(new Date(Date.UTC(asOfDate.getUTCFullYear(), asOfDate.getUTCMonth() + 1, 0)));
  return { start: toDateString(range.start), end: toDateString(range.end), asOf };
}

export async function getBudgetReport(orgId: string, fiscalYear: number, startMonth: number, today = new Date()): Promise<BudgetReport> {
  const { start, end, asOf } = budgetWindow(fiscalYear, startMonth, today);
  // Plan and actuals are grouped separately (each GROUP BY unit × category) and then joined, so
  // a unit with actuals but no plan (or the reverse) still shows up.
  const [rows, totals] = await Promise.all([
    db.$queryRaw<RawRow[]>`
      WITH ${budgetCtes(orgId, start, end, asOf)}
      SELECT u."id" AS "orgUnitId", u."name" AS "unitName", u."code" AS "unitCode", u."depth",
             COALESCE(p."category", a."category")::text AS "category",
             COALESCE(p."plan", 0)::bigint AS "planCents",
             COALESCE(p."planToDate", 0)::bigint AS "planToDateCents",
             COALESCE(a."actual", 0)::bigint AS "actualCents",
             (COALESCE(a."actual", 0) - COALESCE(p."planToDate", 0))::bigint AS "varianceCents",
             ROUND((COALESCE(a."actual", 0) - p."planToDate") * 100.0 / NULLIF(p."planToDate", 0), 1)::float8 AS "variancePct"
      FROM plan p
      FULL OUTER JOIN actual a ON a."orgUnitId" = p."orgUnitId" AND a."category" = p."category"
      JOIN "OrgUnit" u ON u."id" = COALESCE(p."orgUnitId", a."orgUnitId") AND u."orgId" = ${orgId}
      LEFT JOIN LATERAL (
        SELECT array_agg(an."name" ORDER BY c."depth" DESC) AS "names"
        FROM "OrgUnitClosure" c JOIN "OrgUnit" an ON an."id" = c."ancestorId" AND an."orgId" = c."orgId"
        WHERE c."orgId" = u."orgId" AND c."descendantId" = u."id"
      ) path ON TRUE
      ORDER BY path."names", u."code", COALESCE(p."category", a."category")`,
    getBudgetTotals(orgId, fiscalYear, startMonth, today),
  ]);

  return {
    fiscalYear,
    start,
    end,
    asOf,
    rows: rows.map((r, order) => ({
      ...r,
      planCents: centsToNumber(r.planCents),
      planToDateCents: centsToNumber(r.planToDateCents),
      actualCents: centsToNumber(r.actualCents),
      varianceCents: centsToNumber(r.varianceCents),
      order,
    })),
    totals,
  };
}

/** Org-wide plan, plan to date and actuals of a fiscal year: one SQL aggregate. */
export async function getBudgetTotals(orgId: string, fiscalYear: number, startMonth: number, today = new Date()): Promise<BudgetTotals & { asOf: string }> {
  const { start, end, asOf } = budgetWindow(fiscalYear, startMonth, today);
  const [t] = await db.$queryRaw<{ planCents: bigint; planToDateCents: bigint; actualCents: bigint }[]>`
    WITH ${budgetCtes(orgId, start, end, asOf)}
    SELECT COALESCE((SELECT SUM("plan") FROM plan), 0)::bigint AS "planCents",
           COALESCE((SELECT SUM("planToDate") FROM plan), 0)::bigint AS "planToDateCents",
           COALESCE((SELECT SUM("actual") FROM actual), 0)::bigint AS "actualCents"`;
  const planToDate = centsToNumber(t?.planToDateCents);
  const actual = centsToNumber(t?.actualCents);
  return {
    asOf,
    planCents: centsToNumber(t?.planCents),
    planToDateCents: planToDate,
    actualCents: actual,
    varianceCents: actual - planToDate,
    // Rounded to 0.1 % like the rows; display only.
    variancePct: planToDate === 0 ? null : Math.round(((actual - planToDate) * 1000) / planToDate) / 10,
  };
}

function budgetCtes(orgId: string, start: string, end: string, asOf: string) {
  return Prisma.sql`
    plan AS (
      SELECT "orgUnitId", "category", SUM("amountCents") AS "plan",
             COALESCE(SUM("amountCents") FILTER (WHERE "month" <= ${asOf}::date), 0) AS "planToDate"
      FROM "BudgetLine"
      WHERE "orgId" = ${orgId} AND "month" BETWEEN ${start}::date AND ${end}::date
      GROUP BY "orgUnitId", "category"
    ),
    actual AS (
      SELECT "orgUnitId", "category", SUM("amountCents") AS "actual"
      FROM "ActualMonthly" -- the ledger summed per month (whole months: asOf is a month's last day)
      WHERE "orgId" = ${orgId} AND "month" BETWEEN ${start}::date AND ${asOf}::date
      GROUP BY "orgUnitId", "category"
    )`;
}

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
    where: { orgId },
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
    createdAt: r.createdAt.toISOString(),
    revertedAt: r.revertedAt?.toISOString() ?? null,
    createdBy: r.createdBy.name,
  }));
}


export type PlanGrid = {
  fiscalYear: number;
  /** ISO first days of the 12 fiscal months */
  months: string[];
  rows: { orgUnitId: string; unitName: string; unitCode: string; depth: number; category: BudgetCategory; cells: Record<string, number>; totalCents: number }[];
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
  const rows = await db.$queryRaw<{ orgUnitId: string | null; category: BudgetCategory | null; month: Date | null; cents: bigint; g: number }[]>`
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
      const row = byRow.get(key) ?? { orgUnitId: u.id, unitName: u.name, unitCode: u.code, depth: u.depth, category: r.category!, cells: {}, totalCents: 0 };
      if (r.g === 0) row.cells[toDateString(r.month!)] = cents;
      else row.totalCents = cents;
      byRow.set(key, row);
    } else if (r.g === 6) monthTotals[toDateString(r.month!)] = cents;
    else if (r.g === 7) totalCents = cents;
  }
  const order = Object.keys(BudgetCategoryEnum);
  const sorted = [...byRow.values()].sort((a, b) => (window ? a.depth - b.depth : 0) || a.unitCode.localeCompare(b.unitCode) || order.indexOf(a.category) - order.indexOf(b.category));
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
