import { Prisma } from "@/lib/generated/prisma/client";
import { dayNumber, dayString } from "@/lib/dates";
import { cycleIndex, dueOf, grid, MAX_ESCALATION_LEVEL, type CadenceSettings, type UpdateState } from "@/lib/projects/staleness";

// updateState() (lib/projects/staleness.ts) for many rows at once, in SQL. The grid (cycle
// length, due-day offset, grace) and today's cycle come from staleness.ts and are passed as
// parameters; the SQL does only the per-row part: kLast = cycleIndex(reference day) =
// ceil((n - offset - grace) / length) on day numbers, and the state it gives. What is the same for
// every row (today's due date, overdue, the next due date) is derived here from the same grid.
// tests/integration/update-state-sql.test.ts checks it equal to updateState() on random input.

export type UpdateStateRow = {
  /** state of the row ('not-required' | 'current' | 'due' | 'stale') */
  updState: UpdateState["state"];
  /** missed cycles, for stale rows */
  updMissed: number | null;
  /** first day after the first missed cycle (day number), for stale rows */
  updStaleSince: number | null;
};

/**
 * The select-list columns "updState", "updMissed", "updStaleSince" of a row (UpdateStateRow).
 * Which state a row is in depends only on where its reference day (the latest update's date, else
 * `since`) falls against two dates that are the same for every row: kLast = cycleIndex(n) =
 * ceil((n - offset - grace) / length) is at least k exactly when n >= (k - 1) * length + offset +
 * grace + 1 (n an integer). So the state is two date comparisons per row; the cycle arithmetic is
 * done only for the missed cycles of stale rows.
 * @param row SQL expressions of the row: `active` a boolean, `lastUpdate` the latest update's
 *   date (NULL when none), `since` the project's start (or creation) date, both of type date
 */
export function updateStateSql(
  c: CadenceSettings,
  today: string,
  row: { active: Prisma.Sql; lastUpdate: Prisma.Sql; since: Prisma.Sql },
): Prisma.Sql {
  const g = grid(c);
  const kToday = cycleIndex(dayNumber(today), g);
  /** The first day whose cycle index is k. */
  const firstDayOf = (k: number) => dayString((k - 1) * g.length + g.offset + g.grace + 1);
  const ref = Prisma.sql`COALESCE(${row.lastUpdate}, ${row.since})`;
  const kLast = Prisma.sql`ceil(((${ref} - DATE '1970-01-01') - ${g.offset + g.grace}::int)::numeric / ${g.length}::int)::int`;
  const stale = Prisma.sql`(${row.active}) AND ${ref} < ${firstDayOf(kToday - 1)}::date`;
  return Prisma.sql`
    CASE WHEN NOT (${row.active}) THEN 'not-required'
         WHEN ${ref} >= ${firstDayOf(kToday)}::date THEN CASE WHEN ${row.lastUpdate} IS NULL THEN 'due' ELSE 'current' END
         WHEN ${ref} >= ${firstDayOf(kToday - 1)}::date THEN 'due'
         ELSE 'stale' END AS "updState",
    CASE WHEN ${stale} THEN ${kToday - 1}::int - ${kLast} END AS "updMissed",
    CASE WHEN ${stale} THEN (${kLast} + 1) * ${g.length}::int + ${g.offset + g.grace + 1}::int END AS "updStaleSince"`;
}

/**
 * updateStateSql of a project row (alias `p`, a Project or a row of projectsCte's proj): active,
 * its latest update's date, its start (or creation) date. The review and the managers' pages
 * read stale and due projects through this one expression.
 */
export function projectUpdateStateSql(c: CadenceSettings, today: string, alias = "p"): Prisma.Sql {
  const p = Prisma.raw(alias);
  return updateStateSql(c, today, {
    // Active as ACTIVE_SQL (lib/projects/attention.ts), which this module cannot import (server-only).
    active: Prisma.sql`${p}.status = 'ACTIVE'`,
    lastUpdate: Prisma.sql`${p}."lastUpdateAt"::date`,
    since: Prisma.sql`GREATEST(${p}."startDate", ${p}."createdAt")::date`,
  });
}

/** The UpdateState of a row read with updateStateSql (same cadence and today). */
export function updateStateOfRow(r: UpdateStateRow, c: CadenceSettings, today: string): UpdateState {
  const g = grid(c);
  const t = dayNumber(today);
  const kToday = cycleIndex(t, g);
  const due = dueOf(kToday, g);
  switch (r.updState) {
    case "not-required":
      return { state: "not-required" };
    case "current":
      return { state: "current", nextDue: dayString(dueOf(kToday + 1, g)) };
    case "due":
      return { state: "due", dueDate: dayString(due), overdue: t > due };
    case "stale": {
      const missed = Number(r.updMissed);
      return {
        state: "stale",
        dueDate: dayString(due),
        missedCycles: missed,
        staleSince: dayString(Number(r.updStaleSince)),
        escalationLevel: Math.min(missed, MAX_ESCALATION_LEVEL),
      };
    }
  }
}

/**
 * "Stale today" as a condition on the reference day alone: an active project is stale exactly when
 * its reference day (the latest update's date, else the later of its start and creation dates) is
 * before the day returned. cycleIndex is non-decreasing in the day, so kLast < kToday - 1 (the
 * stale branch of updateState) is ceil((n - offset - grace) / length) <= kToday - 2, i.e.
 * n <= (kToday - 2) * length + offset + grace. Tested equal to updateState() on random input
 * (tests/integration/update-state-sql.test.ts).
 */
export function staleBefore(c: CadenceSettings, today: string): string {
  const g = grid(c);
  const kToday = cycleIndex(dayNumber(today), g);
  return dayString((kToday - 2) * g.length + g.offset + g.grace + 1);
}

/**
 * The projects whose update state is 'stale' today, as a Prisma where (so a list filtered on it
 * counts and pages in the database). Timestamps compare with midnight UTC of staleBefore(): a
 * timestamp's UTC date is before that day exactly when the timestamp is before its midnight.
 */
export function staleProjectWhere(c: CadenceSettings, today: string): Prisma.ProjectWhereInput {
  const before = new Date(`${staleBefore(c, today)}T00:00:00Z`);
  return {
    status: "ACTIVE",
    OR: [{ lastUpdateAt: { lt: before } }, { lastUpdateAt: null, startDate: { lt: before }, createdAt: { lt: before } }],
  };
}
