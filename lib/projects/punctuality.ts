import "server-only";

import { db } from "@/lib/db";
import { addDaysIso, dayNumber, dayString } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { cycleIndex, grid } from "@/lib/projects/staleness";

// `update-punctuality` (docs/figures.md): of the update cycles of a unit's active projects that
// ended in the last 12 weeks, the share in which an update was posted. Cycles are those of
// lib/projects/staleness.ts — cycle k runs (E_{k-1}, E_k], E_k = due day + grace, and an update
// counts for the cycle its day falls in — so a project is stale today exactly when the last cycle
// counted here is one it missed. As for staleness, a project owes nothing for the cycle it started
// in (its start, or creation, is its reference day), so its cycles are the ones after it.

/** Cycles counted are those that ended within this many days before today. */
const WINDOW_DAYS = 84;

export type UpdatePunctuality = {
  /** cycles that ended in the window, over the unit's active projects */
  cycles: number;
  /** of those, the cycles in which at least one update was posted */
  onTime: number;
  /** onTime / cycles in percent, one decimal; null when there is no cycle */
  pct: number | null;
  /** the first and last day of the window */
  from: string;
  to: string;
};

/**
 * `update-punctuality` of the active, unarchived projects owned by `unitId` or any unit below it,
 * as of `now`. One query; the cycle grid and the window's cycle indexes come from staleness.ts.
 */
export async function updatePunctuality(orgId: string, unitId: string, now = new Date()): Promise<UpdatePunctuality> {
  const today = todayString(now);
  const g = grid(await getCadence(orgId));
  const kToday = cycleIndex(dayNumber(today), g);
  const from = addDaysIso(today, -WINDOW_DAYS);
  // Cycles that ended on or after `from` and before today: E_k >= from and k < kToday.
  const kFirst = cycleIndex(dayNumber(from), g);
  const kLast = kToday - 1;
  /** The first day of cycle kFirst: updates before it count for no cycle in the window. */
  const firstDay = dayString((kFirst - 1) * g.length + g.offset + g.grace + 1);
  const kOf = (date: Prisma.Sql) =>
    Prisma.sql`ceil(((${date}) - DATE '1970-01-01' - ${g.offset + g.grace}::int)::numeric / ${g.length}::int)::int`;
  const [r] = await db.$queryRaw<{ cycles: number; onTime: number }[]>`
    WITH proj AS (
      SELECT p."id", ${kOf(Prisma.sql`GREATEST(p."startDate", p."createdAt")::date`)} AS "k0"
      FROM "Project" p
      JOIN "OrgUnitClosure" c ON c."orgId" = ${orgId} AND c."ancestorId" = ${unitId} AND c."descendantId" = p."orgUnitId"
      WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status = 'ACTIVE'
    ),
    cyc AS (
      SELECT proj."id", k FROM proj, generate_series(GREATEST(proj."k0" + 1, ${kFirst}::int), ${kLast}::int) AS k
    ),
    posted AS (
      SELECT DISTINCT su."projectId", ${kOf(Prisma.sql`su."createdAt"::date`)} AS k
      FROM "StatusUpdate" su JOIN proj ON proj."id" = su."projectId"
      WHERE su."orgId" = ${orgId} AND su."createdAt" >= ${firstDay}::date AND su."createdAt" < ${today}::date
    )
    SELECT COUNT(*)::int AS "cycles", COUNT(posted.k)::int AS "onTime"
    FROM cyc LEFT JOIN posted ON posted."projectId" = cyc."id" AND posted.k = cyc.k`;
  return {
    cycles: r.cycles,
    onTime: r.onTime,
    pct: r.cycles ? Math.round((r.onTime / r.cycles) * 1000) / 10 : null,
    from,
    to: addDaysIso(today, -1),
  };
}
