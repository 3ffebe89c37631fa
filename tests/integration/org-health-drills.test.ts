import { beforeAll, describe, expect, it } from "vitest";

import { toDateString } from "@/lib/fiscal";
import { countPositions } from "@/lib/headcount/queries";
import { parsePositionFilter, type PositionFilter } from "@/lib/headcount/position-filter";
import { getOrgHealth } from "@/lib/org-health";
import { orgHealthDrills, peopleHref, positionsHref } from "@/lib/org-health/drills";
import { parsePeopleFilter, type PeopleFilter } from "@/lib/people/list-filter";
import { trailingYear } from "@/lib/org-health/window";
import { listPeople } from "@/lib/people/queries";
import { seedDemo } from "@/lib/seed";
import { seedLarge } from "@/lib/seed-large";
import { LARGE_SLUG } from "@/lib/seed-large/plan";
import { resetDb, testDb } from "@/tests/support/db";

// Each org health figure against the list it links to: the people or positions list, with the
// filter read back from the link's URL, holds exactly as many rows as the figure counts — for the
// whole org, a unit with units below it and a leaf, on the demo org (lib/seed) and a generated org
// (lib/seed-large at a small scale). The generated org's departures are marked regretted or not
// first (the demo seed records its own), so the regret split is not all zero. Only equalities
// are asserted, plus that the figures are not empty.

const db = testDb();
const TODAY = new Date("2026-12-06T12:00:00Z");
const DAY = toDateString(TODAY);
type Case = { slug: string; orgId: string; scopes: { label: string; unitId: string | null }[] };
const cases: Case[] = [];

async function orgCase(slug: string): Promise<Case> {
  const org = await db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  // The depth-1 unit with the most people below it, and the leaf below it with the most people.
  const [dept] = await db.$queryRaw<{ id: string }[]>`
    SELECT c."ancestorId" AS id FROM "OrgUnitClosure" c
    JOIN "OrgUnit" a ON a.id = c."ancestorId" AND a.depth = 1 AND a."closedOn" IS NULL
    JOIN "Person" p ON p."orgUnitId" = c."descendantId" AND p."orgId" = c."orgId"
    WHERE c."orgId" = ${org.id} GROUP BY c."ancestorId" ORDER BY count(*) DESC, c."ancestorId" LIMIT 1`;
  const [leaf] = await db.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM "OrgUnitClosure" c
    JOIN "OrgUnit" u ON u.id = c."descendantId" AND u."closedOn" IS NULL AND NOT EXISTS (SELECT 1 FROM "OrgUnit" k WHERE k."parentId" = u.id)
    JOIN "Person" p ON p."orgUnitId" = u.id
    WHERE c."orgId" = ${org.id} AND c."ancestorId" = ${dept.id} GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1`;
  return {
    slug,
    orgId: org.id,
    scopes: [
      { label: "org", unitId: null },
      { label: "department", unitId: dept.id },
      { label: "leaf", unitId: leaf.id },
    ],
  };
}

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { today: TODAY });
  await seedLarge(process.env.DATABASE_URL!, { scale: 0.02, smallOrgs: 0, today: TODAY });
  // The generated org has no departure this year at this scale: six people leave on 30 September.
  await db.$executeRaw`
    UPDATE "Person" SET "endDate" = '2026-09-30' WHERE "id" IN (
      SELECT p."id" FROM "Person" p JOIN "Organization" o ON o."id" = p."orgId" AND o."slug" = ${LARGE_SLUG}
      WHERE p."endDate" IS NULL AND p."startDate" < '2026-01-01' ORDER BY p."id" LIMIT 6)`;
  // The demo seed records regret for its departures; here the generated org's: of the trailing
  // year's departures by id, the first regretted, the second not, the third not recorded, and so on.
  const w = trailingYear(DAY);
  await db.$executeRaw`
    UPDATE "Person" p SET "departureRegretted" = CASE n.k % 3 WHEN 1 THEN true WHEN 2 THEN false END
    FROM (SELECT pe."id", row_number() OVER (ORDER BY pe."id") AS k
          FROM "Person" pe JOIN "Organization" o ON o."id" = pe."orgId" AND o."slug" = ${LARGE_SLUG}
          WHERE pe."endDate" BETWEEN ${w.from}::date AND ${w.to}::date) n
    WHERE p."id" = n."id"`;
  cases.push(await orgCase("acme"), await orgCase(LARGE_SLUG));
}, 600_000);

/** The people list behind a link: its filter read back from the URL, then listed. */
async function peopleRows(c: Case, href: string): Promise<number> {
  const q = new URL(href, "http://x").searchParams;
  const filter: PeopleFilter = parsePeopleFilter(Object.fromEntries(q), "1999-01-01");
  return (await listPeople(c.orgId, { readsPay: false }, TODAY, q.get("unit"), filter)).length;
}
async function positionRows(c: Case, href: string): Promise<number> {
  const q = new URL(href, "http://x").searchParams;
  const filter: PositionFilter = parsePositionFilter(Object.fromEntries(q), "1999-01-01");
  return countPositions(c.orgId, { unitId: q.get("unit"), filter });
}

describe.each(["acme", LARGE_SLUG])("%s", (slug) => {
  const mine = () => cases.find((c) => c.slug === slug)!;
  const drills = orgHealthDrills(DAY);

  it("layers, managers and ICs, tenure bands: each count equals its people list", async () => {
    const c = mine();
    for (const s of c.scopes) {
      const h = await getOrgHealth({ orgId: c.orgId, unitId: s.unitId, day: DAY });
      const ctx = `${slug} ${s.label}`;
      const icTotal = h.layers.reduce((n, l) => n + l.ics, 0);
      if (s.unitId === null) expect(icTotal, `${ctx}: no ICs at all`).toBeGreaterThan(0);
      for (const l of h.layers)
        expect(await peopleRows(c, peopleHref(slug, drills.layer(l.layers), s.unitId)), `${ctx} layer ${l.layers}`).toBe(l.ics);
      // The managers the span table lists and the ICs the layers count are the two halves of the people in post.
      expect(await peopleRows(c, peopleHref(slug, drills.managers, s.unitId)), `${ctx} managers`).toBe(h.spans.length);
      expect(await peopleRows(c, peopleHref(slug, drills.ics, s.unitId)), `${ctx} ICs`).toBe(icTotal);
      // The ratio table: its first rows (the scope itself, then the units below it).
      for (const u of h.ratio.slice(0, 6)) {
        expect(await peopleRows(c, peopleHref(slug, drills.managers, u.id)), `${ctx} ratio managers ${u.name}`).toBe(u.managers);
        expect(await peopleRows(c, peopleHref(slug, drills.ics, u.id)), `${ctx} ratio ICs ${u.name}`).toBe(u.ics);
      }
      if (s.unitId) expect(h.ratio[0]).toMatchObject({ id: s.unitId, managers: h.spans.length, ics: icTotal });
      for (let band = 0; band < 4; band++) {
        const n = h.tenure.find((t) => t.band === band)?.people ?? 0;
        expect(await peopleRows(c, peopleHref(slug, drills.tenure(band), s.unitId)), `${ctx} tenure ${band}`).toBe(n);
      }
      expect(
        h.tenure.reduce((n, t) => n + t.people, 0),
        `${ctx} in post`,
      ).toBe(h.spans.length + icTotal);
    }
  });

  it("attrition: departures, regretted and not regretted equal their people lists", async () => {
    const c = mine();
    let regretted = 0;
    let departures = 0;
    for (const s of c.scopes) {
      const h = await getOrgHealth({ orgId: c.orgId, unitId: s.unitId, day: DAY });
      const ctx = `${slug} ${s.label}`;
      const a = h.attrition;
      if (s.unitId === null) [regretted, departures] = [a.regretted, a.departures];
      expect(await peopleRows(c, peopleHref(slug, drills.departures, s.unitId)), `${ctx} departures`).toBe(a.departures);
      expect(await peopleRows(c, peopleHref(slug, drills.regretted(true), s.unitId)), `${ctx} regretted`).toBe(a.regretted);
      expect(await peopleRows(c, peopleHref(slug, drills.regretted(false), s.unitId)), `${ctx} not regretted`).toBe(a.nonRegretted);
      for (const u of h.attritionUnits.slice(0, 4)) {
        expect(await peopleRows(c, peopleHref(slug, drills.regretted(true), u.id)), `${ctx} regretted ${u.name}`).toBe(u.regretted);
      }
    }
    expect(departures, `${slug}: no departure in the window`).toBeGreaterThan(0);
    expect(regretted, `${slug}: no regretted departure in the window`).toBeGreaterThan(0);
  });

  it("time to fill: the positions it measures equal the positions list", async () => {
    const c = mine();
    for (const s of c.scopes) {
      const h = await getOrgHealth({ orgId: c.orgId, unitId: s.unitId, day: DAY });
      const ctx = `${slug} ${s.label}`;
      expect(await positionRows(c, positionsHref(slug, drills.filled, s.unitId)), `${ctx} filled`).toBe(h.fill.filled);
      if (s.unitId === null) expect(h.fill.filled, `${ctx}: no position filled in the window`).toBeGreaterThan(0);
      for (const u of h.fillUnits.slice(0, 6))
        expect(await positionRows(c, positionsHref(slug, drills.filled, u.id)), `${ctx} filled in ${u.name}`).toBe(u.filled);
    }
  });
});
