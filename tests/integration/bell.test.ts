import { beforeAll, describe, expect, it } from "vitest";

import { BELL_ITEMS } from "@/lib/projects/bell-items";
import type { Member } from "@/lib/auth";
import type { UpdateCadence, Weekday } from "@/lib/generated/prisma/enums";
import { bellScopeOf, getBell } from "@/lib/projects/bell";
import { getNotifications } from "@/tests/oracles/notifications";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The shell's bell computes staleness in SQL (lib/projects/bell.ts); the delivery review computes
// it in JS (lib/projects/staleness.ts via getNotifications). They must agree item for item, on
// every cadence, due weekday, grace and around cycle and fiscal-year boundaries.

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const orgId = acme.org.id;
  await db.organization.update({ where: { id: orgId }, data: { fiscalYearStartMonth: 2 } });
  const person = (name: string, orgUnitId: string, managerId: string | null, userId: string | null = null) =>
    db.person.create({
      data: {
        orgId,
        name,
        title: "Eng",
        level: "M1",
        orgUnitId,
        managerId,
        userId,
        startDate: new Date("2020-01-01"),
        annualCompCents: 0n,
      },
    });
  const director = await person("Dana Director", acme.units.division.id, null, acme.members.director.user.id);
  const manager = await person("Mona Manager", acme.units.deptA.id, director.id, acme.members.manager.user.id);
  const lead = await person("Lee Lead", acme.units.teamA.id, manager.id);
  await db.orgUnit.update({ where: { id: acme.units.teamB.id }, data: { leadId: manager.id } });
  // Latest updates on every day from 2027-01-01 to 2027-02-05 (across FY27 → FY28 on Feb 1),
  // with and without a lead, plus never-reported projects starting on various days.
  let i = 0;
  for (let d = 0; d < 36; d++) {
    const day = new Date(Date.UTC(2027, 0, 1 + d, 10 + (d % 12)));
    const unit = d % 2 ? acme.units.teamA.id : acme.units.teamB.id;
    await db.project.create({
      data: {
        orgId,
        orgUnitId: unit,
        name: `P${String(i++).padStart(3, "0")}`,
        status: "ACTIVE",
        leadId: d % 3 ? lead.id : null,
        lastUpdateAt: day,
        createdAt: new Date("2026-06-01"),
      },
    });
  }
  for (let d = 0; d < 20; d += 3) {
    await db.project.create({
      data: {
        orgId,
        orgUnitId: acme.units.teamA.id,
        name: `N${d}`,
        status: "ACTIVE",
        leadId: lead.id,
        startDate: new Date(Date.UTC(2027, 0, 10 + d)),
        createdAt: new Date("2027-01-12T23:30:00Z"),
      },
    });
  }
  await db.project.create({
    data: { orgId, orgUnitId: acme.units.teamA.id, name: "Paused", status: "PAUSED", createdAt: new Date("2026-01-01") },
  });
  await db.project.create({
    data: {
      orgId,
      orgUnitId: acme.units.teamA.id,
      name: "Archived",
      status: "ACTIVE",
      archivedAt: new Date(),
      createdAt: new Date("2026-01-01"),
    },
  });
  // Unacknowledged latest updates: by others, by the director, on track and not.
  const projects = await db.project.findMany({ where: { orgId }, orderBy: { name: "asc" }, take: 12 });
  for (const [k, p] of projects.entries()) {
    await db.statusUpdate.create({
      data: {
        orgId,
        projectId: p.id,
        authorId: k % 4 === 0 ? acme.members.director.user.id : acme.members.viewer.user.id,
        health: k % 3 === 0 ? "ON_TRACK" : "AT_RISK",
        summary: `update ${k}`,
        createdAt: new Date(Date.UTC(2027, 0, 2, k)),
      },
    });
  }
  const member = (who: "director" | "manager"): Member => ({
    user: { id: acme.members[who].user.id, email: acme.members[who].user.email, name: who },
    org: { id: orgId, slug: acme.org.slug, name: acme.org.name, currency: "USD", fiscalYearStartMonth: 2 },
    readsPay: who === "director",
    role: who === "director" ? "DIRECTOR" : "MANAGER",
    scopeUnitId: who === "manager" ? acme.units.deptA.id : null,
  });
  return { acme, member };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

const at = (day: string) => new Date(`${day}T23:59:00Z`);
const WEEKDAYS: Weekday[] = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
const cadences: [UpdateCadence, number][] = [
  ["WEEKLY", 0],
  ["WEEKLY", 2],
  ["BIWEEKLY", 0],
  ["BIWEEKLY", 3],
  ["WEEKLY", 9], // grace longer than the cycle
];

describe("the bell in SQL equals the review's rule in JS", () => {
  it.each(cadences)("%s with %i grace days, every due weekday, around the FY27/FY28 boundary", async (updateCadence, updateGraceDays) => {
    let compared = 0;
    for (const updateDueWeekday of WEEKDAYS) {
      await db.organization.update({ where: { id: w.acme.org.id }, data: { updateCadence, updateDueWeekday, updateGraceDays } });
      for (const today of ["2027-01-15", "2027-01-29", "2027-01-31", "2027-02-01", "2027-02-03", "2027-02-10"]) {
        for (const who of ["director", "manager"] as const) {
          const reference = await getNotifications(w.member(who), at(today));
          const bell = await getBell(bellScopeOf(w.member(who)), at(today));
          const ctx = `${updateDueWeekday} ${today} ${who}`;
          expect(bell.total, ctx).toBe(reference.length);
          expect(bell.items, ctx).toEqual(reference.slice(0, BELL_ITEMS));
          if (reference.length) compared++;
        }
      }
    }
    // The fixture is not vacuous: most combinations have items to compare.
    expect(compared).toBeGreaterThan(40);
  });

  it("shows stale, due and acknowledgement items (the fixture covers every kind)", async () => {
    await db.organization.update({
      where: { id: w.acme.org.id },
      data: { updateCadence: "WEEKLY", updateDueWeekday: "FRIDAY", updateGraceDays: 2 },
    });
    const mgr = await getBell(bellScopeOf(w.member("manager")), at("2027-02-03"));
    const kinds = new Set((await getNotifications(w.member("manager"), at("2027-02-03"))).map((n) => n.kind));
    expect(kinds).toEqual(new Set(["stale", "due", "acknowledge"]));
    expect(mgr.total).toBeGreaterThan(BELL_ITEMS);
    expect(mgr.items).toHaveLength(BELL_ITEMS);
    expect(mgr.items.some((n) => n.detail.includes("escalated to"))).toBe(true);
  });

  it("is empty for roles without a bell", async () => {
    const viewer: Member = {
      ...w.member("director"),
      role: "VIEWER",
      user: { ...w.member("director").user, id: w.acme.members.viewer.user.id },
    };
    expect(await getBell(bellScopeOf(viewer), at("2027-02-03"))).toEqual({ total: 0, items: [] });
    // Who has a bell follows the permission table (updates:acknowledge), not a list of roles.
    for (const role of ["ADMIN", "FINANCE", "VIEWER"] as const) expect(bellScopeOf({ ...w.member("director"), role })).toBeNull();
    expect(bellScopeOf(w.member("director"))).toMatchObject({ unitId: null, reach: "org" });
    expect(bellScopeOf(w.member("manager"))).toMatchObject({ unitId: w.member("manager").scopeUnitId, reach: "scope" });
  });
});
