import { beforeEach, describe, expect, it } from "vitest";

import type { Member } from "@/lib/auth";
import { exportProjectsCsv } from "@/lib/projects/export";
import { listProjects } from "@/lib/projects/queries";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { ALL, EVERY_ROW, NONE } from "@/lib/projects/review-lists";
import { getNotifications } from "@/tests/oracles/notifications";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Reads that compute staleness and escalation from dates (weekly, due Friday, 2 grace days):
// the reporting line is walked in SQL, the cycle arithmetic is lib/projects/staleness.ts.

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  await db.organization.update({
    where: { id: acme.org.id },
    data: { updateCadence: "WEEKLY", updateDueWeekday: "FRIDAY", updateGraceDays: 2, fiscalYearStartMonth: 2 },
  });
  const person = (name: string, orgUnitId: string, managerId: string | null, userId: string | null = null) =>
    db.person.create({
      data: {
        orgId: acme.org.id,
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
  const project = (name: string, orgUnitId: string, lastUpdateAt: Date | null, extra: Record<string, unknown> = {}) =>
    db.project.create({
      data: {
        orgId: acme.org.id,
        orgUnitId,
        name,
        status: "ACTIVE",
        leadId: lead.id,
        lastUpdateAt,
        startDate: new Date("2026-01-05"),
        createdAt: new Date("2026-01-01"),
        ...extra,
      },
    });
  // Last updated Friday 2027-01-22 (FY27, which ends 2027-01-31).
  const staleA = await project("Stale in A", acme.units.teamA.id, new Date("2027-01-22T10:00:00Z"), { health: "AT_RISK" });
  const freshB = await project("Fresh in B", acme.units.teamB.id, new Date("2027-01-27T10:00:00Z"), { health: "OFF_TRACK" });
  const member = (who: "director" | "manager"): Member => ({
    user: { id: acme.members[who].user.id, email: acme.members[who].user.email, name: who },
    org: { id: acme.org.id, slug: acme.org.slug, name: acme.org.name, currency: "USD", fiscalYearStartMonth: 2 },
    readsPay: who === "director",
    role: who === "director" ? "DIRECTOR" : "MANAGER",
    scopeUnitId: who === "manager" ? acme.units.deptA.id : null,
  });
  return { acme, lead, manager, director, staleA, freshB, member };
}

beforeEach(async () => {
  await resetDb();
  w = await setup();
});

const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe("staleness and escalation across cycle and fiscal-year boundaries", () => {
  it.each([
    // today, state of "Stale in A", escalated to
    ["2027-01-29", "due", null], // due day of the next cycle
    ["2027-01-31", "due", null], // last grace day, last day of FY27
    ["2027-02-01", "stale", "Mona Manager"], // first day of FY28: one cycle missed → the lead's manager
    ["2027-02-08", "stale", "Dana Director"], // two cycles → the manager's manager
    ["2027-03-15", "stale", "Dana Director"], // many cycles: capped at the top of the line
  ] as const)("on %s the project is %s, escalated to %s", async (today, state, target) => {
    const review = await getDeliveryReview(reviewScopeOf(w.member("director")), EVERY_ROW, at(today));
    const inDue = review.due.find((p) => p.id === w.staleA.id);
    const inStale = review.stale.find((p) => p.id === w.staleA.id);
    if (state === "due") {
      expect(inDue).toBeDefined();
      expect(inStale).toBeUndefined();
    } else {
      expect(inStale?.escalatedTo?.name).toBe(target);
      expect(inDue).toBeUndefined();
    }
  });

  it("tells the person it escalated to that it is them", async () => {
    const review = await getDeliveryReview(reviewScopeOf(w.member("manager")), EVERY_ROW, at("2027-02-01"));
    expect(review.stale.find((p) => p.id === w.staleA.id)?.escalatedTo).toEqual({ name: "Mona Manager", isMe: true });
  });

  it("uses the org's cadence: biweekly gives one more week before the project is stale", async () => {
    await db.organization.update({ where: { id: w.acme.org.id }, data: { updateCadence: "BIWEEKLY" } });
    // Biweekly Fridays: 2027-01-22 and 2027-02-05 are due days; 2027-02-01 is inside the next cycle.
    const review = await getDeliveryReview(reviewScopeOf(w.member("director")), EVERY_ROW, at("2027-02-01"));
    expect(review.stale.map((p) => p.id)).not.toContain(w.staleA.id);
    expect(review.due.map((p) => p.id)).toContain(w.staleA.id);
  });
});

describe("review scope and acknowledgement lists", () => {
  it("shows a manager only their subtree, a director everything", async () => {
    const mgr = await getDeliveryReview(reviewScopeOf(w.member("manager")), EVERY_ROW, at("2027-01-28"));
    const dir = await getDeliveryReview(reviewScopeOf(w.member("director")), EVERY_ROW, at("2027-01-28"));
    expect(mgr.atRisk.map((p) => p.name)).toEqual(["Stale in A"]);
    expect(dir.atRisk.map((p) => p.name)).toEqual(["Fresh in B", "Stale in A"]); // off track first
  });

  it("lists each project's latest unacknowledged update, flagged for its reviewer", async () => {
    const author = w.acme.members.viewer.user.id;
    const mk = (summary: string, createdAt: string, acknowledged = false) =>
      db.statusUpdate.create({
        data: {
          orgId: w.acme.org.id,
          projectId: w.staleA.id,
          authorId: author,
          health: "AT_RISK",
          summary,
          createdAt: new Date(createdAt),
          ...(acknowledged ? { acknowledgedAt: new Date(), acknowledgedById: w.acme.members.director.user.id } : {}),
        },
      });
    await mk("older", "2027-01-15T10:00:00Z");
    await mk("latest", "2027-01-22T10:00:00Z");
    const review = await getDeliveryReview(reviewScopeOf(w.member("manager")), EVERY_ROW, at("2027-01-28"));
    expect(review.awaiting.map((u) => [u.summary, u.mine])).toEqual([["latest", true]]);
    expect(review.mine.map((u) => u.summary)).toEqual(["latest"]);
    expect([review.counts.awaiting, review.counts.mine]).toEqual([1, 1]);
    const bell = await getNotifications(w.member("manager"), at("2027-01-28"));
    expect(bell.filter((n) => n.kind === "acknowledge").map((n) => n.detail)).toEqual(["latest"]);
    await mk("acked", "2027-01-26T10:00:00Z", true);
    expect((await getDeliveryReview(reviewScopeOf(w.member("manager")), EVERY_ROW, at("2027-01-28"))).awaiting).toEqual([]);
  });
});

describe("counts and slices", () => {
  it("counts the whole scope and returns only the slice asked for, clamped to the last page", async () => {
    for (const name of ["R1", "R2", "R3", "R4", "R5"]) {
      await db.project.create({
        data: {
          orgId: w.acme.org.id,
          orgUnitId: w.acme.units.teamA.id,
          name,
          status: "ACTIVE",
          health: "AT_RISK",
          startDate: new Date("2026-01-05"),
        },
      });
    }
    const review = (atRisk: { skip: number; take: number | null }) =>
      getDeliveryReview(
        reviewScopeOf(w.member("director")),
        { atRisk, due: NONE, stale: { skip: 0, take: 1 }, awaiting: NONE, mine: NONE },
        at("2027-02-01"),
      );
    // Off track first, then by name: Fresh in B, R1 … R5, Stale in A.
    const all = await review(ALL);
    expect(all.atRisk.map((p) => p.name)).toEqual(["Fresh in B", "R1", "R2", "R3", "R4", "R5", "Stale in A"]);
    const page2 = await review({ skip: 2, take: 2 });
    expect(page2.atRisk.map((p) => p.name)).toEqual(["R2", "R3"]);
    expect(page2.counts).toEqual({ atRisk: 7, due: 1, stale: 6, awaiting: 0, mine: 0 }); // Fresh in B owes this cycle's update
    expect(page2.due).toEqual([]);
    // The stale list: most missed cycles first (the R projects never reported since 2026-01-05).
    expect(page2.stale.map((p) => p.name)).toEqual(["R1"]);
    expect((await review({ skip: 100, take: 2 })).atRisk.map((p) => p.name)).toEqual(["Stale in A"]);
  });
});

describe("projects list filters and CSV export", () => {
  it("filters by org unit subtree, health and stale only", async () => {
    const ids = async (f: Parameters<typeof listProjects>[1]) =>
      (await listProjects(w.acme.org.id, f, at("2027-02-01"))).map((p) => p.name).sort();
    expect(await ids({ unit: w.acme.units.deptA.id })).toEqual(["Stale in A"]);
    expect(await ids({ unit: w.acme.units.division.id })).toEqual(["Fresh in B", "Stale in A"]);
    expect(await ids({ health: "OFF_TRACK" })).toEqual(["Fresh in B"]);
    expect(await ids({ stale: true })).toEqual(["Stale in A"]);
    expect(await ids({ archived: true })).toEqual([]);
  });

  it("exports the org's filtered list, with formula-looking text defused", async () => {
    await db.project.update({ where: { id: w.freshB.id }, data: { name: '=HYPERLINK("http://evil")' } });
    const out = await new Response(exportProjectsCsv(w.acme.org, new URLSearchParams("health=OFF_TRACK"))).text();
    const lines = out.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1].startsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
    // Another org's export never holds Acme's projects.
    const other = await createOrgWithRoles(db);
    expect((await new Response(exportProjectsCsv(other.org, new URLSearchParams())).text()).trim().split("\r\n")).toHaveLength(1);
  });
});
