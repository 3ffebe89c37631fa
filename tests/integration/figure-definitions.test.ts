import { beforeAll, describe, expect, it } from "vitest";

import { getDeliveryFigures, getPeopleFigures } from "@/lib/dashboard/director";
import { planVsActual, unfilledCostByUnit } from "@/lib/headcount/plan";
import { parsePositionFilter, positionFilterQuery, type PositionFilter } from "@/lib/headcount/position-filter";
import { countPositions, listPositions } from "@/lib/headcount/queries";
import { listOrgUnits } from "@/lib/org/queries";
import { getDeliveryReview } from "@/lib/projects/review";
import { EVERY_ROW } from "@/lib/projects/review-lists";
import { getContractSummary, listUpcomingRenewals } from "@/lib/vendors/queries";
import { renewalDecisionLabel } from "@/lib/vendors/renewal";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Each definition of the glossary (lib/figures/definitions.ts) that issue 17 settled, on a
// hand-built fixture whose numbers are counted by hand in the comments. Calendar fiscal year,
// today 2026-06-17 (a Wednesday, FY2026 Q2 = Apr–Jun); weekly updates due Friday, 2 grace days.
//   division ─ deptA ─ teamA
//            └ deptB ─ teamB

const db = testDb();
const NOW = new Date("2026-06-17T12:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const orgId = f.org.id;
  const { teamA, teamB, deptA } = f.units;
  await db.organization.update({ where: { id: orgId }, data: { updateCadence: "WEEKLY", updateDueWeekday: "FRIDAY", updateGraceDays: 2 } });
  const person = (name: string, orgUnitId: string, managerId: string | null, userId: string | null = null) =>
    db.person.create({
      data: { orgId, name, title: "Eng", level: "M1", orgUnitId, managerId, userId, startDate: d("2020-01-01"), annualCompCents: 0n },
    });
  const boss = await person("Dana Director", f.units.division.id, null, f.members.director.user.id);
  const mgr = await person("Mona Manager", deptA.id, boss.id, f.members.manager.user.id);
  const lead = await person("Lee Lead", teamA.id, mgr.id);
  await db.orgUnit.update({ where: { id: teamB.id }, data: { leadId: mgr.id } });

  const project = async (
    name: string,
    orgUnitId: string,
    status: "ACTIVE" | "PAUSED" | "PLANNED" | "DONE",
    health: "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "UNKNOWN",
    extra: Record<string, unknown> = {},
  ) =>
    (ids[name] = (
      await db.project.create({
        data: { orgId, orgUnitId, name, status, health, leadId: lead.id, startDate: d("2026-01-05"), createdAt: d("2026-01-01"), ...extra },
      })
    ).id);
  // Last cycle's due day was Fri Jun 12 (grace to Jun 14); this cycle's is Fri Jun 19.
  await project("active at risk, current", teamA.id, "ACTIVE", "AT_RISK", { lastUpdateAt: new Date("2026-06-16T10:00:00Z") });
  await project("active off track, due", teamB.id, "ACTIVE", "OFF_TRACK", { lastUpdateAt: new Date("2026-06-10T10:00:00Z") });
  await project("active on track, stale", teamA.id, "ACTIVE", "ON_TRACK", { lastUpdateAt: new Date("2026-05-20T10:00:00Z") });
  await project("paused at risk", teamA.id, "PAUSED", "AT_RISK", { lastUpdateAt: new Date("2026-04-01T10:00:00Z") });
  await project("planned off track", teamB.id, "PLANNED", "OFF_TRACK");
  await project("done off track", teamB.id, "DONE", "OFF_TRACK", { completedDate: d("2026-06-01") });
  await project("archived at risk", teamA.id, "ACTIVE", "AT_RISK", { archivedAt: d("2026-06-01") });

  // Latest updates: awaiting acknowledgement unless acknowledged. The manager reviews projects led
  // by Lee (Lee's manager) and, for a project without a lead, teamB's (she leads it).
  const update = (project: string, authorId: string, at: string, acknowledged = false) =>
    db.statusUpdate.create({
      data: {
        orgId,
        projectId: ids[project],
        authorId,
        health: "AT_RISK",
        summary: project,
        createdAt: new Date(at),
        ...(acknowledged ? { acknowledgedAt: new Date(at), acknowledgedById: f.members.director.user.id } : {}),
      },
    });
  await update("active at risk, current", f.members.viewer.user.id, "2026-06-16T10:00:00Z"); // awaiting, the manager's
  await update("active off track, due", f.members.manager.user.id, "2026-06-10T10:00:00Z"); // awaiting, but she wrote it
  await update("active on track, stale", f.members.viewer.user.id, "2026-05-20T10:00:00Z", true); // acknowledged
  await update("paused at risk", f.members.viewer.user.id, "2026-04-01T10:00:00Z"); // awaiting (paused projects are live)
  await update("done off track", f.members.viewer.user.id, "2026-05-30T10:00:00Z"); // done: not counted

  const position = async (
    key: string,
    orgUnitId: string,
    status: "PLANNED" | "OPEN" | "BACKFILL" | "FILLED" | "CLOSED",
    extra: Record<string, unknown> = {},
  ) =>
    (ids[key] = (
      await db.position.create({
        data: { orgId, orgUnitId, title: key, level: "IC3", status, annualCompCents: 1n, budgetFiscalYear: 2026, ...extra },
      })
    ).id);
  await position("open, opened May 28", teamA.id, "OPEN", { openedAt: d("2026-05-28"), targetStartDate: d("2026-06-30") });
  await position("open, budgeted next year", teamA.id, "OPEN", {
    openedAt: d("2026-06-07"),
    budgetFiscalYear: 2027,
    targetStartDate: d("2026-08-01"),
  });
  await position("backfill, vacant since Jun 2", teamB.id, "BACKFILL", {
    vacantFrom: d("2026-06-02"),
    openedAt: d("2026-05-01"),
    targetStartDate: d("2026-06-20"),
  });
  await position("backfill, holder leaves Jun 30", teamA.id, "BACKFILL", {
    vacantFrom: d("2026-07-01"),
    openedAt: d("2026-06-10"),
    targetStartDate: d("2026-06-25"),
  });
  await position("planned", teamA.id, "PLANNED", { targetStartDate: d("2026-06-15") });
  await position("filled", teamA.id, "FILLED");
  await position("closed", teamB.id, "CLOSED");

  // Contracts: today Jun 17, the 90-day window ends Sep 15.
  const vendor = await db.vendor.create({ data: { orgId, name: "Vendor" } });
  const contract = (name: string, orgUnitId: string, end: string, notice: string | null, status: "ACTIVE" | "DRAFT" = "ACTIVE") =>
    db.contract.create({
      data: {
        orgId,
        vendorId: vendor.id,
        orgUnitId,
        category: "SOFTWARE",
        name,
        annualAmountCents: 100_000n,
        startDate: d("2025-01-01"),
        endDate: d(end),
        renewalNoticeDate: notice ? d(notice) : null,
        status,
      },
    });
  await contract("notice in window, ends later", teamA.id, "2026-12-31", "2026-08-01"); // due
  await contract("notice passed 5 days ago, ends in December", teamA.id, "2026-12-31", "2026-06-12"); // due: the decision is overdue
  await contract("no notice, ends in window", teamB.id, "2026-09-15", null); // due (last day of the window)
  await contract("no notice, ends after window", teamB.id, "2026-09-16", null); // not due
  await contract("notice after window", teamA.id, "2026-12-31", "2026-09-20"); // not due, even if it ends later
  await contract("ended yesterday", teamA.id, "2026-06-16", "2026-05-01"); // not due: ended
  await contract("draft", teamA.id, "2026-07-01", null, "DRAFT"); // not due: not active
});

const scope = (unitId: string | null = null, viewer = f.members.manager.user.id) => ({ orgId: f.org.id, unitId, viewerUserId: viewer });

describe("delivery definitions", () => {
  it("at risk and off track are active projects only: the tiles and the list count the same rows", async () => {
    const fig = await getDeliveryFigures(f.org.id, null, NOW);
    // Active, unarchived: at risk (current), off track (due), on track (stale).
    expect(fig.health).toEqual({ ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 1, UNKNOWN: 0 });
    expect(fig.active).toBe(3);
    const review = await getDeliveryReview(scope(), EVERY_ROW, NOW);
    expect(review.atRisk.map((p) => p.name)).toEqual(["active off track, due", "active at risk, current"]);
    expect(review.counts.atRisk).toBe(fig.health.AT_RISK + fig.health.OFF_TRACK);
    // The at-risk row carries its unacknowledged latest update (to acknowledge it there).
    expect(review.atRisk.find((p) => p.name === "active at risk, current")?.pending?.summary).toBe("active at risk, current");
  });

  it("updates due and stale are two figures that never overlap; paused and planned projects owe nothing", async () => {
    const review = await getDeliveryReview(scope(), EVERY_ROW, NOW);
    expect(review.due.map((p) => p.name)).toEqual(["active off track, due"]);
    expect(review.stale.map((p) => p.name)).toEqual(["active on track, stale"]);
    expect([review.counts.due, review.counts.stale]).toEqual([1, 1]);
  });

  it("awaiting acknowledgement counts every live project's unacknowledged latest update; yours only those you review and did not write", async () => {
    const review = await getDeliveryReview(scope(), EVERY_ROW, NOW);
    expect(review.awaiting.map((u) => u.summary)).toEqual(["active at risk, current", "active off track, due", "paused at risk"]);
    expect(review.counts.awaiting).toBe(3);
    // The manager reviews all three (Lee's manager), but wrote the one on "active off track, due".
    expect(review.mine.map((u) => u.summary)).toEqual(["active at risk, current", "paused at risk"]);
    // The total does not depend on who reads it; "yours" does. The manager's own update is the
    // next person up's to acknowledge: the director's.
    const director = await getDeliveryReview(scope(null, f.members.director.user.id), EVERY_ROW, NOW);
    expect([director.counts.awaiting, director.counts.mine]).toEqual([3, 1]);
    expect(director.mine.map((u) => u.summary)).toEqual(["active off track, due"]);
  });

  it("a unit's review holds that subtree only (the dashboard's 'See all' from a department)", async () => {
    const deptB = await getDeliveryReview(scope(f.units.deptB.id), EVERY_ROW, NOW);
    expect(deptB.atRisk.map((p) => p.name)).toEqual(["active off track, due"]);
    expect(deptB.counts).toEqual({ atRisk: 1, due: 1, stale: 0, awaiting: 1, mine: 0 });
    const fig = await getDeliveryFigures(f.org.id, f.units.deptB.id, NOW);
    expect(fig.health.AT_RISK + fig.health.OFF_TRACK).toBe(deptB.counts.atRisk);
  });
});

describe("people definitions", () => {
  const params = (unitId: string | null) => ({ unitId, fiscalYear: 2026, period: "q2" as const });

  it("open positions: open or backfill, vacant today, any budget year — the same in the panel, the list, the plan, the teams page and the unfilled cost", async () => {
    const p = await getPeopleFigures(f.org.id, 1, params(null), NOW);
    // Open (2, one budgeted next year) + the backfill vacant since Jun 2; not the backfill whose holder is still in post.
    expect(p.openPositions).toBe(3);
    const open = await listPositions(f.org.id, { readsPay: true }, { filter: p.positionFilters.open });
    expect(open.map((r) => r.title).sort()).toEqual(["backfill, vacant since Jun 2", "open, budgeted next year", "open, opened May 28"]);
    expect((await planVsActual(f.org.id, { unitId: null, fiscalYear: 2026, startMonth: 1, today: NOW })).map((r) => r.open)).toEqual([
      null,
      3,
      null,
      null,
    ]);
    const units = await listOrgUnits(f.org.id, NOW);
    expect(units.find((u) => u.id === f.units.division.id)?.openPositions).toBe(3);
    const [teamA] = await unfilledCostByUnit(f.org.id, f.units.teamA.id, { readsPay: true }, NOW);
    // teamA: unfilled = 2 open + the backfill not vacant yet + planned = 4, of which open today 2.
    expect([teamA.positions, teamA.open]).toEqual([4, 2]);
    expect(await countPositions(f.org.id, { unitId: f.units.teamA.id, filter: { status: "unfilled" } })).toBe(4);
  });

  it("days open count from the vacancy (a backfill) or the opening day", async () => {
    const p = await getPeopleFigures(f.org.id, 1, params(null), NOW);
    // Jun 17 − May 28 = 20, − Jun 7 = 10, − Jun 2 = 15: average 15.
    expect(p.oldest.map((o) => [o.title, o.daysOpen])).toEqual([
      ["open, opened May 28", 20],
      ["backfill, vacant since Jun 2", 15],
      ["open, budgeted next year", 10],
    ]);
    expect(p.avgDaysOpen).toBe(15);
  });

  it("planned starts: open or backfill with a target start in the quarter (not planned positions)", async () => {
    const p = await getPeopleFigures(f.org.id, 1, params(null), NOW);
    // Jun 30, Jun 20 and Jun 25 (the backfill whose holder leaves Jun 30 counts: it is being hired for).
    expect(p.quarter?.hiring).toBe(3);
    expect(p.positionFilters.starts).toEqual({ status: "starting", from: "2026-04-01", to: "2026-06-30" });
    expect(await countPositions(f.org.id, { filter: p.positionFilters.starts! })).toBe(3);
  });

  it("the positions list's URL round-trips each figure's filter; bad input lists every position", () => {
    for (const filter of [
      { status: "open", on: "2026-06-17" },
      { status: "starting", from: "2026-04-01", to: "2026-06-30" },
      { status: "unfilled" },
    ] as PositionFilter[]) {
      const q = new URLSearchParams(positionFilterQuery(filter, "u1", 2026));
      expect([q.get("unit"), q.get("fy")]).toEqual(["u1", "2026"]);
      expect(parsePositionFilter(Object.fromEntries(q), "2026-01-01")).toEqual(filter);
    }
    expect(parsePositionFilter({ status: "starting", from: "2026-07-01", to: "2026-06-01" }, "2026-01-01")).toEqual({ status: "all" });
    expect(parsePositionFilter({ status: "open", on: "yesterday" }, "2026-01-01")).toEqual({ status: "open", on: "2026-01-01" });
    expect(parsePositionFilter({ status: "hired" }, "2026-01-01")).toEqual({ status: "all" });
  });
});

describe("renewals due", () => {
  it("notice date (else end date) within 90 days, passed notices until the end date; the same list, count and sum everywhere", async () => {
    const all = await listUpcomingRenewals(f.org.id, NOW);
    // Soonest decision first: the passed notice (Jun 12), the notice on Aug 1, the end on Sep 15.
    expect(all.rows.map((c) => c.name)).toEqual([
      "notice passed 5 days ago, ends in December",
      "notice in window, ends later",
      "no notice, ends in window",
    ]);
    const summary = await getContractSummary(f.org.id, NOW);
    expect([all.total, summary.renewingCount, summary.renewingAnnualCents]).toEqual([3, 3, 300_000]);
    expect(all.rows.map((c) => renewalDecisionLabel(c, "2026-06-17"))).toEqual([
      "Notice passed 5 days ago · ends Dec 31, 2026",
      "Notice by Aug 1, 2026",
      "Ends Sep 15, 2026",
    ]);
    // A unit's renewals are its subtree's, on the dashboard and the vendors page alike.
    const teamB = await listUpcomingRenewals(f.org.id, NOW, f.units.deptB.id);
    expect(teamB.rows.map((c) => c.name)).toEqual(["no notice, ends in window"]);
    expect((await getContractSummary(f.org.id, NOW, f.units.deptB.id)).renewingCount).toBe(1);
  });
});
