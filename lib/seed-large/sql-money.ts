import { CATEGORIES, CATEGORY_WEIGHTS, categoryCase, type GenContext, id, lit, r, ri } from "@/lib/seed-large/context";
import { PLAN_FISCAL_YEARS } from "@/lib/seed-large/plan";
import type { Statement } from "@/lib/seed-large/sql-org";

// Positions, allocations, vendors, contracts, the monthly plan (every unit × category × month of
// three fiscal years) and the ledger. Amounts are sized so that plan and actuals are of the same
// order: ~7 ledger lines averaging $2,500 per unit, category and month.

const PLAN_CELL_CENTS = 1_800_000;

export function moneyStatements(ctx: GenContext): Statement[] {
  const { plan, today, planStart, units } = ctx;
  const org = lit(ctx.orgId);
  const months = PLAN_FISCAL_YEARS * 12;
  const cats = `ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(",")}]`;
  const weights = `ARRAY[${CATEGORY_WEIGHTS.join(",")}]`;
  const ledgerDays = `(${lit(today)}::date - ${lit(planStart)}::date + 1)`;
  const PJ = plan.projects;
  return [
    {
      label: "positions (people)",
      sql: `INSERT INTO "Position" (id, "orgId", "orgUnitId", title, level, status, "personId", "backfillForId", "targetStartDate", "annualCompCents",
                                    "budgetFiscalYear", "openedAt", "filledAt", "closedAt", "vacantFrom", "compBandMinCents", "compBandMaxCents", "updatedAt")
            SELECT ${id(ctx, "pos", `substr(p.id, ${plan.tag.length + 3})`)}, ${org}, p."orgUnitId", p.title, p.level,
                   (CASE WHEN p."endDate" IS NULL THEN 'FILLED' WHEN ${r("p.n", 70)} < 0.5 THEN 'BACKFILL' ELSE 'CLOSED' END)::"PositionStatus",
                   CASE WHEN p."endDate" IS NULL THEN p.id END,
                   CASE WHEN p."endDate" IS NOT NULL AND ${r("p.n", 70)} < 0.5 THEN p.id END,
                   CASE WHEN p."endDate" IS NOT NULL AND ${r("p.n", 70)} < 0.5 THEN p."endDate" + 60 ELSE p."startDate" END,
                   p."annualCompCents", extract(year FROM p."startDate")::int,
                   -- a backfill reopens when its holder gives notice; the offer fills a seat weeks before the start
                   CASE WHEN p."endDate" IS NOT NULL AND ${r("p.n", 70)} < 0.5 THEN LEAST(p."endDate" - 30, ${lit(today)}::date - 1) ELSE p."startDate" - 75 END,
                   CASE WHEN p."endDate" IS NULL THEN p."startDate" - 21 + interval '17 hours' END,
                   CASE WHEN p."endDate" IS NOT NULL AND ${r("p.n", 70)} >= 0.5 THEN p."endDate"::timestamp END,
                   CASE WHEN p."endDate" IS NOT NULL AND ${r("p.n", 70)} < 0.5 THEN p."endDate" + 1 END,
                   p."annualCompCents" * 85 / 100, p."annualCompCents" * 115 / 100, now()
            FROM (SELECT *, substr(id, ${plan.tag.length + 3})::int AS n FROM "Person" WHERE "orgId" = ${org}) p`,
    },
    {
      label: "positions (open, planned, closed)",
      sql: `INSERT INTO "Position" (id, "orgId", "orgUnitId", title, level, status, "targetStartDate", "annualCompCents", "budgetFiscalYear",
                                    "budgetFiscalQuarter", "openedAt", "closedAt", "compBandMinCents", "compBandMaxCents", "updatedAt")
            SELECT ${id(ctx, "pos", `${plan.people} + n`)}, ${org}, ${id(ctx, "u", `${ctx.workFirst} + ${ri("n", 71, ctx.workCount)}`)},
                   'Software Engineer', 'L4', x.status::"PositionStatus", x.target, 12000000 + ${ri("n", 72, 8000000)},
                   extract(year FROM x.target)::int, CASE WHEN ${r("n", 73)} < 0.5 THEN extract(quarter FROM x.target)::int END,
                   CASE WHEN x.status = 'OPEN' THEN ${lit(today)}::date - ${ri("n", 74, 90)} + interval '10 hours' END,
                   CASE WHEN x.status = 'CLOSED' THEN ${lit(today)}::date - ${ri("n", 75, 300)} + interval '10 hours' END,
                   10000000, 22000000, now()
            FROM (SELECT n, CASE WHEN ${r("n", 76)} < 0.4 THEN 'OPEN' WHEN ${r("n", 76)} < 0.8 THEN 'PLANNED' ELSE 'CLOSED' END AS status,
                         ${lit(today)}::date - 60 + ${ri("n", 77, 360)} AS target
                  FROM generate_series(1, ${plan.extraPositions}) n) x`,
    },
    {
      label: "allocations",
      sql: `INSERT INTO "Allocation" (id, "orgId", "projectId", "personId", percent, "startDate", "endDate", "updatedAt")
            SELECT ${id(ctx, "al", "x.n")}, ${org}, ${id(ctx, "pj", `1 + ${ri("x.n", 60, PJ)}`)}, p.id, 10 * (2 + ${ri("x.n", 61, 9)}),
                   ${lit(today)}::date - ${ri("x.n", 62, 300)},
                   CASE WHEN ${r("x.n", 63)} < 0.3 THEN ${lit(today)}::date + 30 + ${ri("x.n", 64, 170)} END, now()
            FROM (SELECT n, 1 + (n - 1) % ${plan.people} AS person FROM generate_series(1, ${plan.allocations}) n) x
            JOIN "Person" p ON p.id = ${id(ctx, "p", "x.person")} AND p."endDate" IS NULL`,
    },
    {
      label: "vendors",
      sql: `INSERT INTO "Vendor" (id, "orgId", name, "updatedAt")
            SELECT ${id(ctx, "v", "n")}, ${org}, 'Vendor ' || lpad(n::text, 4, '0'), now() FROM generate_series(1, ${plan.vendors}) n`,
    },
    {
      label: "contracts",
      sql: `INSERT INTO "Contract" (id, "orgId", "vendorId", "orgUnitId", category, name, "annualAmountCents", "startDate", "endDate",
                                    "renewalNoticeDate", "autoRenew", "ownerId", status, "updatedAt")
            SELECT ${id(ctx, "c", "n")}, ${org}, ${id(ctx, "v", `1 + ${ri("n", 80, plan.vendors)}`)}, ${id(ctx, "u", "x.unit")},
                   (ARRAY['SOFTWARE','CLOUD','CONTRACTORS','HARDWARE','TRAINING','OTHER'])[1 + ${ri("n", 81, 6)}]::"BudgetCategory",
                   'Contract ' || n, 1000000 + ${ri("n", 82, 50000000)}::bigint, x.start, x.stop, x.stop - 60, ${r("n", 83)} < 0.4,
                   ${id(ctx, "p", "x.unit")},
                   (CASE WHEN ${r("n", 84)} < 0.03 THEN 'CANCELLED' WHEN x.stop >= ${lit(today)}::date THEN 'ACTIVE' ELSE 'EXPIRED' END)::"ContractStatus", now()
            FROM (SELECT n, 1 + ${ri("n", 85, units)} AS unit, ${lit(today)}::date - ${ri("n", 86, 1000)} AS start,
                         ${lit(today)}::date - ${ri("n", 86, 1000)} + 365 * (1 + ${ri("n", 87, 3)}) - 1 AS stop
                  FROM generate_series(1, ${plan.contracts}) n) x`,
    },
    {
      label: "plan lines",
      sql: `INSERT INTO "BudgetLine" (id, "orgId", "orgUnitId", month, category, "amountCents", "updatedAt")
            SELECT ${id(ctx, "b", "(u * " + months + " + m) * 8 + c")}, ${org}, ${id(ctx, "u", "u")},
                   (${lit(planStart)}::date + make_interval(months => m))::date, (${cats})[c]::"BudgetCategory",
                   round(${PLAN_CELL_CENTS * 8} * (${weights})[c] * (0.8 + 0.4 * ${r(`(u * ${months} + m) * 8 + c`, 90)}))::bigint, now()
            FROM generate_series(1, ${units}) u, generate_series(0, ${months - 1}) m, generate_series(1, 8) c`,
    },
    {
      label: "ledger lines",
      sql: `INSERT INTO "ActualEntry" (id, "orgId", "orgUnitId", "bookedOn", category, "amountCents", "vendorId", "projectId", memo, "externalRef", "createdAt")
            SELECT ${id(ctx, "a", "n")}, ${org}, ${id(ctx, "u", `1 + ${ri("n", 50, units)}`)},
                   ${lit(planStart)}::date + ${ri("n", 51, ledgerDays)}, x.cat,
                   (500 + ${ri("n", 52, 500000)})::bigint * (CASE WHEN ${r("n", 53)} < 0.03 THEN -1 ELSE 1 END),
                   CASE WHEN x.cat <> 'PERSONNEL' AND ${r("n", 54)} < 0.5 THEN ${id(ctx, "v", `1 + ${ri("n", 55, plan.vendors)}`)} END,
                   CASE WHEN ${r("n", 56)} < 0.2 THEN ${id(ctx, "pj", `1 + ${ri("n", 57, PJ)}`)} END,
                   '', ${lit(`GL-${plan.tag}-`)} || n, ${lit(today)}::date - 1 + interval '6 hours'
            FROM (SELECT n, ${categoryCase(r("n", 58))} AS cat FROM generate_series(1, ${plan.actuals}) n) x`,
    },
  ];
}
