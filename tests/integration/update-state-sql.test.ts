import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import type { Member } from "@/lib/auth";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { EVERY_ROW } from "@/lib/projects/review-lists";
import { dayString } from "@/lib/dates";
import { updateState, type CadenceSettings } from "@/lib/projects/staleness";
import { staleBefore, updateStateOfRow, updateStateSql, type UpdateStateRow } from "@/lib/projects/staleness-sql";
import { listProjects, listProjectsPage } from "@/lib/projects/queries";
import { createOrgWithRoles } from "@/tests/factories/org";
import { fuzzRuns, seedFor } from "@/tests/support/fuzz";
import { resetDb, testDb } from "@/tests/support/db";

// The update state computed in SQL (lib/projects/staleness-sql.ts) equals updateState()
// (lib/projects/staleness.ts, the definition) on random cadences, days and projects: first the
// arithmetic alone on many rows at once, then through the delivery review's query on real
// project rows (timestamps to UTC dates, since = the later of start and creation, status).

const db = testDb();
const DAY = 86_400_000;

const cadence: fc.Arbitrary<CadenceSettings> = fc.record({
  updateCadence: fc.constantFrom("WEEKLY" as const, "BIWEEKLY" as const),
  updateDueWeekday: fc.constantFrom(
    "SUNDAY" as const,
    "MONDAY" as const,
    "TUESDAY" as const,
    "WEDNESDAY" as const,
    "THURSDAY" as const,
    "FRIDAY" as const,
    "SATURDAY" as const,
  ),
  updateGraceDays: fc.integer({ min: 0, max: 6 }),
});
// Days from 2024-01-01 to 2028-12-31 (day numbers 19723 … 21549), and offsets before/after today.
const todayN = fc.integer({ min: 19_723, max: 21_549 });

describe("update state in SQL", () => {
  it("equals updateState() on random cadences, days, last updates and start dates", async () => {
    const row = fc.record({
      active: fc.boolean(),
      lastBack: fc.option(fc.integer({ min: 0, max: 140 }), { nil: null }),
      sinceBack: fc.integer({ min: -30, max: 200 }),
    });
    await fc.assert(
      fc.asyncProperty(cadence, todayN, fc.array(row, { minLength: 1, maxLength: 60 }), async (c, t, rows) => {
        const today = dayString(t);
        const inputs = rows.map((r) => ({
          today,
          active: r.active,
          lastUpdate: r.lastBack === null ? null : dayString(t - r.lastBack),
          since: dayString(t - r.sinceBack),
        }));
        const out = await db.$queryRaw<(UpdateStateRow & { i: bigint })[]>`
          SELECT x.i, ${updateStateSql(c, today, { active: Prisma.sql`x.active`, lastUpdate: Prisma.sql`x.last`, since: Prisma.sql`x.since` })}
          FROM unnest(${inputs.map((r) => r.active)}::boolean[], ${inputs.map((r) => r.lastUpdate)}::text[]::date[], ${inputs.map((r) => r.since)}::text[]::date[])
               WITH ORDINALITY AS x(active, last, since, i)
          ORDER BY x.i`;
        expect(out.map((r) => updateStateOfRow(r, c, today))).toEqual(inputs.map((r) => updateState(r, c)));
      }),
      { seed: seedFor("update-state-sql"), numRuns: fuzzRuns(200) },
    );
  });

  it("staleBefore(): an active project is stale exactly when its reference day is before that day", () => {
    fc.assert(
      fc.property(cadence, todayN, fc.integer({ min: -30, max: 200 }), fc.boolean(), (c, t, back, hasUpdate) => {
        const today = dayString(t);
        const day = dayString(t - back);
        const state = updateState(
          { today, active: true, lastUpdate: hasUpdate ? day : null, since: hasUpdate ? dayString(t - 400) : day },
          c,
        );
        expect(day < staleBefore(c, today)).toBe(state.state === "stale");
      }),
      { seed: seedFor("update-state-stale-before"), numRuns: fuzzRuns(2000) },
    );
  });
});

describe("the delivery review's lists", () => {
  let w: Awaited<ReturnType<typeof createOrgWithRoles>>;
  let director: Member;
  beforeAll(async () => {
    await resetDb();
    w = await createOrgWithRoles(db);
    director = {
      user: { id: w.members.director.user.id, email: w.members.director.user.email, name: "director" },
      org: { id: w.org.id, slug: w.org.slug, name: w.org.name, currency: "USD", fiscalYearStartMonth: 1 },
      readsPay: true,
      role: "DIRECTOR",
      scopeUnitId: null,
    };
  });

  it("hold each project by updateState() on its dates (UTC days of the timestamps)", async () => {
    const moment = fc.record({ daysBack: fc.integer({ min: -20, max: 120 }), minute: fc.constantFrom(0, 1, 719, 1439) });
    const project = fc.record({
      status: fc.constantFrom("ACTIVE", "ACTIVE", "PAUSED", "PLANNED"),
      last: fc.option(moment, { nil: null }),
      start: fc.option(moment, { nil: null }),
      created: moment,
    });
    await fc.assert(
      fc.asyncProperty(cadence, todayN, fc.array(project, { minLength: 1, maxLength: 8 }), async (c, t, projects) => {
        await db.project.deleteMany({ where: { orgId: w.org.id } });
        await db.organization.update({ where: { id: w.org.id }, data: c });
        const today = dayString(t);
        const ts = (m: { daysBack: number; minute: number }) => new Date((t - m.daysBack) * DAY + m.minute * 60_000);
        const expected = new Map<string, ReturnType<typeof updateState>>();
        for (const [i, p] of projects.entries()) {
          const created = ts(p.created);
          const start = p.start && ts(p.start);
          const last = p.last && ts(p.last);
          const row = await db.project.create({
            data: {
              orgId: w.org.id,
              orgUnitId: w.units.teamA.id,
              name: `P${i}`,
              status: p.status as never,
              createdAt: created,
              startDate: start,
              lastUpdateAt: last,
            },
          });
          const since = start && start > created ? start : created;
          expected.set(
            row.id,
            updateState(
              {
                today,
                active: p.status === "ACTIVE",
                lastUpdate: last ? last.toISOString().slice(0, 10) : null,
                since: since.toISOString().slice(0, 10),
              },
              c,
            ),
          );
        }
        const now = new Date(t * DAY + 43_200_000);
        const review = await getDeliveryReview(reviewScopeOf(director), EVERY_ROW, now);
        const listed = new Map([...review.due, ...review.stale].map((p) => [p.id, p.update]));
        for (const [id, state] of expected) {
          if (state.state === "due" || state.state === "stale") expect(listed.get(id)).toEqual(state);
          else expect(listed.has(id)).toBe(false);
        }
        expect(review.counts).toMatchObject({ due: review.due.length, stale: review.stale.length });
        const missed = review.stale.map((p) => (p.update.state === "stale" ? p.update.missedCycles : 0));
        expect(missed).toEqual([...missed].sort((a, b) => b - a));
        // The projects list's "stale only" filter (a where on the dates, staleProjectWhere) holds
        // the same projects, and its count is the dashboard's "Stale" figure (review.counts.stale).
        const staleOnly = await listProjects(w.org.id, { stale: true }, now);
        expect(new Map(staleOnly.map((p) => [p.id, p.update]))).toEqual(new Map([...expected].filter(([, s]) => s.state === "stale")));
        expect((await listProjectsPage(w.org.id, { stale: true }, {}, now)).paging.total).toBe(review.counts.stale);
      }),
      { seed: seedFor("update-state-sql-review"), numRuns: fuzzRuns(60) },
    );
  });
});
