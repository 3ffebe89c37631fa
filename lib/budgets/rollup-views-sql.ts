import "server-only";

import type { FinancePart } from "@/lib/budgets/rollup";
import type { Period } from "@/lib/budgets/period";
import { SUMS, type Statement } from "@/lib/budgets/rollup-prepare";
import { TOP_LIMIT } from "@/lib/budgets/rollup-rows";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";

// The ONE statement of a finance request (lib/budgets/rollup.ts runs it): each requested view is
// a set of branches of a UNION ALL over the prepared facts (lib/budgets/rollup-prepare.ts).

/** One requested view: a period inside the prepared one, and the parts wanted besides the totals. */
type ViewSpec = { period: Period; want: Set<FinancePart> };

export function viewSql(p: Statement, specs: ViewSpec[]): Prisma.Sql {
  return Prisma.sql`WITH ${p.basis.mode === "asof" ? Prisma.sql`RECURSIVE` : Prisma.empty} ${p.ctes},
    ${sumsCte(p, specs)},
    ${Prisma.join(
      specs.map((spec, i) => viewCte(p, spec, i)),
      ",\n",
    )}
    ${Prisma.join(
      specs.flatMap((spec, i) => viewBranches(p, spec, i)),
      " UNION ALL ",
    )}`;
}

const inPeriod = (col: Prisma.Sql, period: Period) =>
  Prisma.sql`${col} BETWEEN ${toDateString(period.start)}::date AND ${toDateString(period.end)}::date`;

/** A view of the whole prepared period (its sums need no month filter). */
const whole = (p: Statement, spec: ViewSpec) =>
  spec.period.start.getTime() === p.period.start.getTime() && spec.period.end.getTime() === p.period.end.getTime();

// The cells read ONCE, in one hashed pass: summed per unit × category (a few thousand rows at
// most) and per month (a dozen), `uc` telling the two apart. A view of part of the period (the
// dashboard's quarter) gets its own filtered sums per unit × category, and `n<i>` counts its
// cells so that a unit × category without any in its months is left out of it. The forecast cell
// of a month does not depend on the window it was computed for (forecast-sql.ts: every rule is
// per month; a key that only exists in other months adds nothing), so a quarter read from the
// year's facts equals the quarter computed on its own (tests/integration/finance-rollup.test.ts
// compares them).
function sumsCte(p: Statement, specs: ViewSpec[]): Prisma.Sql {
  const parts = specs.flatMap((spec, i) => {
    if (whole(p, spec)) return [];
    const f = Prisma.sql`FILTER (WHERE ${inPeriod(Prisma.sql`a."month"`, spec.period)})`;
    return [
      Prisma.sql`, COUNT(*) ${f} AS ${Prisma.raw(`"n${i}"`)}, SUM(a."plan") ${f} AS ${Prisma.raw(`"plan${i}"`)},
      SUM(a."actual") ${f} AS ${Prisma.raw(`"actual${i}"`)}, SUM(a."forecast") ${f} AS ${Prisma.raw(`"forecast${i}"`)}`,
    ];
  });
  return Prisma.sql`sums AS (
      SELECT GROUPING(a."month") = 1 AS "uc", a."unitId", a."category", a."month",
             SUM(a."plan") AS "plan", SUM(a."actual") AS "actual", SUM(a."forecast") AS "forecast", SUM(a."planLines") AS "planLines" ${parts.length ? Prisma.join(parts, " ") : Prisma.empty}
      FROM cells a
      GROUP BY GROUPING SETS ((a."unitId", a."category"), (a."month"))
    )`;
}

// Each view's sums per unit × category: the tree, the categories and the top variances all read these.
function viewCte(p: Statement, spec: ViewSpec, i: number): Prisma.Sql {
  const name = Prisma.raw(`v${i}`);
  if (whole(p, spec)) return Prisma.sql`${name} AS (SELECT "unitId", "category", "plan", "actual", "forecast" FROM sums WHERE "uc")`;
  const col = (c: string) => Prisma.raw(`"${c}${i}" AS "${c}"`);
  return Prisma.sql`${name} AS (SELECT "unitId", "category", ${col("plan")}, ${col("actual")}, ${col("forecast")} FROM sums WHERE "uc" AND ${Prisma.raw(`"n${i}"`)} > 0)`;
}

// The branches of one view.
function viewBranches(p: Statement, spec: ViewSpec, i: number): Prisma.Sql[] {
  const { want } = spec;
  const start = toDateString(spec.period.start);
  const end = toDateString(spec.period.end);
  const v = Prisma.raw(`v${i}`);
  const none = Prisma.sql`NULL::bigint AS "cumPlan", NULL::bigint AS "cumActual", NULL::bigint AS "cumForecast", NULL::jsonb AS "sources"`;
  const branches: Prisma.Sql[] = [
    want.has("categories")
      ? // Per category, plus the scope's total (the grouping set () row, category NULL). The
        // forecast basis: how many of the scope's forecast cells (fc holds only the scope's units)
        // of the category each rule set.
        Prisma.sql`(SELECT ${i}::int AS "view", 'cat' AS "part", a."category"::text AS "key", NULL::text AS "key2", ${SUMS}, NULL::bigint AS "cumPlan", NULL::bigint AS "cumActual", NULL::bigint AS "cumForecast",
              (SELECT jsonb_object_agg(s."source", s."n") FROM (
                 SELECT "source", COUNT(*)::int AS "n" FROM fc
                 WHERE fc."category" = a."category" AND ${inPeriod(Prisma.sql`fc."month"`, spec.period)}
                 GROUP BY "source") s) AS "sources"
       FROM ${v} a
       GROUP BY GROUPING SETS ((a."category"), ()))`
      : // The scope's total only.
        Prisma.sql`(SELECT ${i}::int AS "view", 'cat' AS "part", NULL::text AS "key", NULL::text AS "key2", ${SUMS}, ${none} FROM ${v} a)`,
  ];
  // Whether the scope has a plan for the period at all, and for how many of its months: plan
  // lines of the scope's units (before PERSONNEL's salary-safe re-attribution, which moves
  // amounts, not the existence of a plan), counted per month in the cells. A zero line is a
  // plan ("nothing planned").
  branches.push(Prisma.sql`(SELECT ${i}, 'plan', NULL, NULL, COALESCE(SUM(s."planLines"), 0)::bigint, (COUNT(*) FILTER (WHERE s."planLines" > 0))::bigint, 0::bigint, NULL::float8, ${none}
     FROM sums s WHERE NOT s."uc" AND ${inPeriod(Prisma.sql`s."month"`, spec.period)})`);
  const { orgId, unitId } = p.scope;
  if (want.has("tree") || want.has("children")) {
    // Every unit of the scope, or only the root's children (the roots for the whole org). One row
    // per unit before the closure join (the join then multiplies units, not cells).
    // "As it was" reads the tree of its day (tree-asof-sql.ts) instead of today's.
    const asof = p.basis.mode === "asof";
    const parentIs = unitId ? Prisma.sql`"parentId" = ${unitId}` : Prisma.sql`"parentId" IS NULL`;
    const units = want.has("tree")
      ? Prisma.sql`scope`
      : asof
        ? Prisma.sql`(SELECT "id" FROM asof_units WHERE ${parentIs})`
        : Prisma.sql`(SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId} AND ${parentIs})`;
    const closure = asof
      ? Prisma.sql`asof_closure c ON c."ancestorId" = s."id"`
      : Prisma.sql`"OrgUnitClosure" c ON c."orgId" = ${p.scope.orgId} AND c."ancestorId" = s."id"`;
    branches.push(Prisma.sql`(SELECT ${i}, 'tree', s."id", NULL, ${SUMS}, ${none}
       FROM ${units} s
       LEFT JOIN ${closure}
       LEFT JOIN (SELECT a."unitId", SUM(a."plan") AS "plan", SUM(a."actual") AS "actual", SUM(a."forecast") AS "forecast" FROM ${v} a GROUP BY a."unitId") a
         ON a."unitId" = c."descendantId"
       GROUP BY s."id")`);
  }
  if (want.has("months")) {
    branches.push(Prisma.sql`(SELECT ${i}, 'month', to_char(x."month", 'YYYY-MM-DD'), NULL, x."plan"::bigint, x."actual"::bigint, x."forecast"::bigint, NULL::float8,
              (SUM(x."plan") OVER w)::bigint, (SUM(x."actual") OVER w)::bigint, (SUM(x."forecast") OVER w)::bigint, NULL::jsonb
       FROM (
         -- Every month of the view, with or without facts (a dozen rows: summed per month first).
         SELECT mo."month", COALESCE(a."plan", 0) AS "plan", COALESCE(a."actual", 0) AS "actual", COALESCE(a."forecast", 0) AS "forecast"
         FROM (SELECT generate_series(${start}::date, ${end}::date, interval '1 month')::date AS "month") mo
         LEFT JOIN sums a ON NOT a."uc" AND a."month" = mo."month"
       ) x WINDOW w AS (ORDER BY x."month"))`);
  }
  if (want.has("top")) {
    const top = (where: Prisma.Sql, limit: number) => Prisma.sql`(SELECT ${i}, 'top', a."unitId", a."category"::text, ${SUMS}, ${none}
       FROM ${v} a
       WHERE ${where}
       GROUP BY a."unitId", a."category"
       HAVING COALESCE(SUM(a."forecast"), 0) <> COALESCE(SUM(a."plan"), 0)
       ORDER BY ABS(COALESCE(SUM(a."forecast"), 0) - COALESCE(SUM(a."plan"), 0)) DESC, a."unitId", a."category"::text
       LIMIT ${limit})`;
    // A reader without pay access sees a unit's Personnel variance only where it stands alone
    // (rollup-rows.ts topVariances): the largest of the other categories are read apart, so
    // withheld Personnel rows never crowd them out of the list.
    if (p.scope.payReader) branches.push(top(Prisma.sql`true`, TOP_LIMIT));
    else branches.push(top(Prisma.sql`a."category" <> 'PERSONNEL'`, TOP_LIMIT), top(Prisma.sql`a."category" = 'PERSONNEL'`, TOP_LIMIT));
  }
  return branches;
}
