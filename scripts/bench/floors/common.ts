import type pg from "pg";

// The SQL floor of each key page: the figures the page shows, computed by hand-written SQL, one
// query per panel, run in parallel on a pool as the app's panels are. What PostgreSQL itself
// needs for the page's numbers, with no ORM, no rendering and no HTTP. Kept as the bench's
// yardstick (ratio to floor) and as an independent second computation of the figures
// (tests/integration/bench-floors.test.ts compares them with the app's). Plan and actual come
// from the summary MoneyMonthly (one row per unit × category × month), the forecast's run-rates
// from ActualMonthly, as the app reads them; pools run with jit=off, as the app's do.

export type FloorInput = {
  orgId: string;
  deptId: string;
  projectId: string;
  today: string;
  /** Current fiscal quarter and year (calendar fiscal year in the generated orgs). */
  qStart: string;
  qEnd: string;
  fyStart: string;
  fyEnd: string;
};

export type Q = { text: string; values: unknown[] };
export const q = (text: string, ...values: unknown[]): Q => ({ text, values });

export const scope = (unit: string | null) =>
  unit
    ? `SELECT "descendantId" AS id FROM "OrgUnitClosure" WHERE "orgId" = $1 AND "ancestorId" = '${unit}'`
    : `SELECT id FROM "OrgUnit" WHERE "orgId" = $1`;

// Half-even rounding to a whole number, written for the floors (x − floor(x) = ½ exactly: the
// even neighbour, 2 × round(x / 2); otherwise round()).
export const he = (x: string) => `(CASE WHEN (${x}) - floor(${x}) = 0.5 THEN 2 * round((${x}) / 2) ELSE round(${x}) END)`;

/** One "request" of a page's SQL floor: its panel queries in parallel. */
export async function runFloor(pool: pg.Pool, queries: Q[]): Promise<void> {
  await Promise.all(queries.map((x) => pool.query(x.text, x.values)));
}
