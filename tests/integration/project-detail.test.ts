import { beforeEach, describe, expect, it } from "vitest";

import { getProjectStaffing } from "@/lib/headcount/staffing";
import { getProjectDetail } from "@/lib/projects/detail";
import { loadHealthFacts } from "@/lib/projects/health-facts";
import { suggestHealth } from "@/lib/projects/health-rules";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The project page reads each panel with one joined statement; these tests pin what each
// statement returns (tenant scope, reviewer fallback, both dependency directions, the audit
// filter, the health counts) against rows written directly.

const db = testDb();
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const NOW = new Date("2026-06-15T12:00:00Z");
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

async function person(orgId: string, orgUnitId: string, name: string, extra: { managerId?: string; userId?: string } = {}) {
  return db.person.create({
    data: { orgId, orgUnitId, name, title: `${name}'s title`, level: "IC3", startDate: d("2024-01-01"), annualCompCents: 1n, ...extra },
  });
}

async function project(orgId: string, orgUnitId: string, name: string, extra: Record<string, unknown> = {}) {
  return db.project.create({ data: { orgId, orgUnitId, name, ...extra } });
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

describe("project page reads", () => {
  it("returns the project with its team, lead, reviewer, initiative, history, milestones, dependencies and audit", async () => {
    const { org, units } = acme;
    const author = acme.members.manager.user;
    const acker = acme.members.director.user;
    const manager = await person(org.id, units.deptA.id, "Mona", { userId: acker.id });
    const lead = await person(org.id, units.teamA.id, "Lee", { managerId: manager.id });
    const initiative = await db.initiative.create({ data: { orgId: org.id, orgUnitId: units.deptA.id, name: "Grow", fiscalYear: 2026 } });
    const p = await project(org.id, units.teamA.id, "Atlas", {
      leadId: lead.id,
      initiativeId: initiative.id,
      status: "ACTIVE",
      health: "AT_RISK",
      budgetCents: 500_000n,
      startDate: d("2026-01-05"),
      targetDate: d("2026-12-31"),
      lastUpdateAt: new Date("2026-06-10T09:00:00Z"),
    });
    const blocker = await project(org.id, units.teamB.id, "Blocker", { health: "OFF_TRACK" });
    const waiter = await project(org.id, units.teamB.id, "Waiter", { health: "ON_TRACK" });
    const dep1 = await db.projectDependency.create({ data: { orgId: org.id, blockerId: blocker.id, blockedId: p.id, note: "API" } });
    const dep2 = await db.projectDependency.create({ data: { orgId: org.id, blockerId: p.id, blockedId: waiter.id, note: "" } });
    const old = await db.statusUpdate.create({
      data: {
        orgId: org.id,
        projectId: p.id,
        authorId: author.id,
        health: "ON_TRACK",
        summary: "Old",
        createdAt: new Date("2026-06-01T09:00:00Z"),
        acknowledgedById: acker.id,
        acknowledgedAt: new Date("2026-06-02T09:00:00Z"),
      },
    });
    const latest = await db.statusUpdate.create({
      data: {
        orgId: org.id,
        projectId: p.id,
        authorId: author.id,
        health: "AT_RISK",
        summary: "New",
        body: "**b**",
        suggestedHealth: "OFF_TRACK",
        overrideReason: "ok",
        createdAt: new Date("2026-06-10T09:00:00Z"),
      },
    });
    const m2 = await db.milestone.create({ data: { orgId: org.id, projectId: p.id, name: "Beta", dueDate: d("2026-09-01") } });
    const m1 = await db.milestone.create({
      data: { orgId: org.id, projectId: p.id, name: "Alpha", dueDate: d("2026-03-01"), doneDate: d("2026-03-03") },
    });
    await db.actualEntry.create({
      data: {
        orgId: org.id,
        orgUnitId: units.teamA.id,
        bookedOn: d("2026-05-01"),
        category: "SOFTWARE",
        amountCents: 620_000n,
        projectId: p.id,
      },
    });

    const detail = await getProjectDetail(org.id, p.id, NOW);
    expect(detail).toMatchObject({
      id: p.id,
      name: "Atlas",
      status: "ACTIVE",
      health: "AT_RISK",
      budgetCents: 500_000,
      spentCents: 620_000,
      startDate: "2026-01-05",
      targetDate: "2026-12-31",
      completedDate: null,
      archivedAt: null,
      version: 1,
      team: { id: units.teamA.id, name: units.teamA.name, code: units.teamA.code },
      lead: { id: lead.id, name: "Lee", title: "Lee's title" },
      initiative: { id: initiative.id, name: "Grow" },
      reviewer: { name: "Mona", userId: acker.id },
    });
    expect(detail!.updates).toEqual([
      {
        id: latest.id,
        health: "AT_RISK",
        summary: "New",
        body: "**b**",
        createdAt: "2026-06-10T09:00:00.000Z",
        editedAt: null,
        author: author.name,
        authorId: author.id,
        suggestedHealth: "OFF_TRACK",
        overrideReason: "ok",
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
      {
        id: old.id,
        health: "ON_TRACK",
        summary: "Old",
        body: "",
        createdAt: "2026-06-01T09:00:00.000Z",
        editedAt: null,
        author: author.name,
        authorId: author.id,
        suggestedHealth: null,
        overrideReason: null,
        acknowledgedAt: "2026-06-02T09:00:00.000Z",
        acknowledgedBy: acker.name,
      },
    ]);
    expect(detail!.milestones).toEqual([
      { id: m1.id, name: "Alpha", dueDate: "2026-03-01", doneDate: "2026-03-03" },
      { id: m2.id, name: "Beta", dueDate: "2026-09-01", doneDate: null },
    ]);
    expect(detail!.blockedBy).toEqual([{ id: blocker.id, dependencyId: dep1.id, name: "Blocker", health: "OFF_TRACK", note: "API" }]);
    expect(detail!.blocks).toEqual([{ id: waiter.id, dependencyId: dep2.id, name: "Waiter", health: "ON_TRACK", note: "" }]);
    // The page's suggestion is the one the post-update path computes from the same rows.
    const facts = await loadHealthFacts(db, org.id, p.id, "2026-06-15");
    expect(detail!.suggestion).toEqual(suggestHealth(facts!));
    expect(detail!.suggestion.health).toBe("OFF_TRACK");
  });

  it("falls back to the unit's lead as reviewer, and counts team positions when nothing is allocated", async () => {
    const { org, units } = acme;
    const unitLead = await person(org.id, units.teamA.id, "Una");
    await db.orgUnit.update({ where: { id: units.teamA.id }, data: { leadId: unitLead.id } });
    const lead = await person(org.id, units.teamA.id, "Solo");
    const p = await project(org.id, units.teamA.id, "Fallback", { leadId: lead.id, status: "ACTIVE" });
    await db.position.createMany({
      data: [
        {
          orgId: org.id,
          orgUnitId: units.teamA.id,
          title: "Open",
          level: "IC3",
          status: "OPEN",
          annualCompCents: 1n,
          budgetFiscalYear: 2026,
        },
        {
          orgId: org.id,
          orgUnitId: units.teamA.id,
          title: "Filled",
          level: "IC3",
          status: "FILLED",
          annualCompCents: 1n,
          budgetFiscalYear: 2026,
        },
        {
          orgId: org.id,
          orgUnitId: units.teamB.id,
          title: "Elsewhere",
          level: "IC3",
          status: "OPEN",
          annualCompCents: 1n,
          budgetFiscalYear: 2026,
        },
      ],
    });
    const detail = await getProjectDetail(org.id, p.id, NOW);
    expect(detail).toMatchObject({
      reviewer: { name: "Una", userId: null },
      lead: { name: "Solo" },
      initiative: null,
      spentCents: null,
      updates: [],
      blockedBy: [],
      blocks: [],
    });
    expect((await loadHealthFacts(db, org.id, p.id, "2026-06-15"))?.openPositions).toBe(1);
    expect(detail!.suggestion).toEqual(suggestHealth((await loadHealthFacts(db, org.id, p.id, "2026-06-15"))!));
    const noLead = await project(org.id, units.teamB.id, "Nobody");
    expect(await getProjectDetail(org.id, noLead.id, NOW)).toMatchObject({ lead: null, reviewer: null });
  });

  it("finds nothing for another org's project, and another org's rows never leak into a project", async () => {
    const mine = await project(acme.org.id, acme.units.teamA.id, "Mine");
    const theirs = await project(globex.org.id, globex.units.teamA.id, "Theirs");
    expect(await getProjectDetail(acme.org.id, theirs.id, NOW)).toBeNull();
    expect(await getProjectStaffing(acme.org.id, theirs.id, NOW)).toBeNull();
    expect(await getProjectDetail(acme.org.id, "no-such-id", NOW)).toBeNull();
    expect(await getProjectStaffing(acme.org.id, mine.id, NOW)).toEqual({ people: [], waitingOn: [], openInOwningTeam: 0 });
  });
});
