import { beforeEach, describe, expect, it } from "vitest";

import type { Action } from "@/lib/action";
import { acknowledgeUpdate } from "@/lib/projects/acknowledge-update";
import { createProject } from "@/lib/projects/create-project";
import { addDependency, removeDependency } from "@/lib/projects/dependencies";
import { completeMilestone, createMilestone, updateMilestone } from "@/lib/projects/milestones";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { archiveProject, setProjectStatus } from "@/lib/projects/set-project-status";
import { updateProject } from "@/lib/projects/update-project";
import { createInitiative, updateInitiative } from "@/lib/roadmap/initiatives";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// Every delivery mutation against the same unhappy paths: bad input (every field error, nothing
// written), a role without the permission, a MANAGER outside their scope, an id from another
// org (NOT_FOUND, nothing written), and, where the record is versioned, a concurrent edit.

const db = testDb();
type World = Awaited<ReturnType<typeof world>>;
let w: World;

async function world() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  const mk = (orgId: string, orgUnitId: string, name: string) =>
    db.project.create({
      data: { orgId, orgUnitId, name, status: "ACTIVE", startDate: new Date("2026-01-05"), targetDate: new Date("2027-06-30") },
    });
  const inScope = await mk(acme.org.id, acme.units.teamA.id, "In scope");
  const outScope = await mk(acme.org.id, acme.units.teamB.id, "Out of scope");
  const foreign = await mk(globex.org.id, globex.units.teamA.id, "Foreign");
  const third = await mk(acme.org.id, acme.units.teamA.id, "Third");
  const otherB = await mk(acme.org.id, acme.units.teamB.id, "Other B");
  const otherB2 = await mk(acme.org.id, acme.units.teamB.id, "Other B2");
  const ms = (projectId: string, orgId: string) =>
    db.milestone.create({ data: { orgId, projectId, name: "Beta", dueDate: new Date("2027-01-15") } });
  const upd = (projectId: string, orgId: string, authorId: string) =>
    db.statusUpdate.create({ data: { orgId, projectId, authorId, health: "ON_TRACK", summary: "Fine" } });
  const dep = (orgId: string, blockerId: string, blockedId: string) =>
    db.projectDependency.create({ data: { orgId, blockerId, blockedId } });
  const init = (orgId: string, orgUnitId: string) => db.initiative.create({ data: { orgId, orgUnitId, name: "Init", fiscalYear: 2027 } });
  return {
    acme,
    globex,
    p: { inScope, outScope, foreign, third, otherB, otherB2 },
    m: {
      inScope: await ms(inScope.id, acme.org.id),
      outScope: await ms(outScope.id, acme.org.id),
      foreign: await ms(foreign.id, globex.org.id),
    },
    u: {
      inScope: await upd(inScope.id, acme.org.id, acme.members.viewer.user.id),
      outScope: await upd(outScope.id, acme.org.id, acme.members.viewer.user.id),
      foreign: await upd(foreign.id, globex.org.id, globex.members.viewer.user.id),
    },
    d: {
      inScope: await dep(acme.org.id, third.id, inScope.id),
      outScope: await dep(acme.org.id, outScope.id, otherB.id),
      foreign: await dep(globex.org.id, foreign.id, (await mk(globex.org.id, globex.units.teamB.id, "Foreign 2")).id),
    },
    i: {
      inScope: await init(acme.org.id, acme.units.deptA.id),
      outScope: await init(acme.org.id, acme.units.deptB.id),
      foreign: await init(globex.org.id, globex.units.deptA.id),
    },
  };
}

beforeEach(async () => {
  await resetDb();
  w = await world();
});

const projectInput = (w: World, unitId: string, extra: Record<string, unknown> = {}) => ({
  name: "Warehouse Mapping",
  description: "Map every aisle.",
  orgUnitId: unitId,
  leadId: "",
  initiativeId: "",
  startDate: "2026-12-01",
  targetDate: "2027-03-31",
  budget: "250,000.00",
  ...extra,
});
const initiativeInput = (unitId: string, extra: Record<string, unknown> = {}) => ({
  name: "Enterprise readiness",
  objective: "Win enterprise deals.",
  orgUnitId: unitId,
  fiscalYear: "2027",
  period: "H1",
  status: "ACTIVE",
  ...extra,
});

type Case = {
  name: string;
  action: Action<never, unknown>;
  /** Inputs for a target in the manager's scope, outside it, and in another org. */
  input: (w: World, target: "inScope" | "outScope" | "foreign") => Record<string, unknown>;
  bad: (w: World) => Record<string, unknown>;
  badFields: string[];
  /** What the happy path (as the manager, in scope) must have written. */
  check: (w: World, data: unknown) => Promise<void>;
  /** Roles without the permission. */
  deniedRoles: ("viewer" | "finance" | "admin")[];
  /** How a foreign id shows up: NOT_FOUND for looked-up records, VALIDATION for references in a create. */
  foreignCode?: "NOT_FOUND" | "VALIDATION";
};

const unitOf = (w: World, t: "inScope" | "outScope" | "foreign") =>
  t === "foreign" ? w.globex.units.teamA.id : t === "inScope" ? w.acme.units.teamA.id : w.acme.units.teamB.id;

const CASES: Case[] = [
  {
    name: "project.create",
    action: createProject as never,
    input: (w, t) => projectInput(w, unitOf(w, t)),
    bad: (w) => projectInput(w, w.acme.units.teamA.id, { name: "", startDate: "2026-13-01", budget: "lots", status: "DREAMING" }),
    badFields: ["budget", "name", "startDate", "status"],
    check: async (w, data) => {
      const p = await db.project.findUniqueOrThrow({ where: { id: (data as { id: string }).id } });
      expect(p).toMatchObject({ orgId: w.acme.org.id, name: "Warehouse Mapping", budgetCents: 25_000_000n, status: "PLANNED" });
    },
    deniedRoles: ["viewer", "finance", "admin"],
    foreignCode: "VALIDATION",
  },
  {
    name: "project.update",
    action: updateProject as never,
    input: (w, t) => ({
      id: w.p[t].id,
      version: 1,
      ...projectInput(w, t === "foreign" ? w.globex.units.teamA.id : unitOf(w, t), { name: "Renamed" }),
    }),
    bad: (w) => ({ id: w.p.inScope.id, version: 1, ...projectInput(w, w.acme.units.teamA.id, { name: "x", targetDate: "soon" }) }),
    badFields: ["name", "targetDate"],
    check: async (w) => {
      const p = await db.project.findUniqueOrThrow({ where: { id: w.p.inScope.id } });
      expect(p).toMatchObject({ name: "Renamed", version: 2 });
      const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "project.update", entityId: w.p.inScope.id } });
      expect(ev.before).toMatchObject({ name: "In scope" });
      expect(ev.after).toMatchObject({ name: "Renamed" });
    },
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "project.status.change",
    action: setProjectStatus as never,
    input: (w, t) => ({ id: w.p[t].id, version: 1, status: "DONE" }),
    bad: (w) => ({ id: w.p.inScope.id, version: "x", status: "FINISHED" }),
    badFields: ["status", "version"],
    check: async (w) => {
      const p = await db.project.findUniqueOrThrow({ where: { id: w.p.inScope.id } });
      expect(p.status).toBe("DONE");
      expect(p.completedDate).not.toBeNull();
    },
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "project.archive",
    action: archiveProject as never,
    input: (w, t) => ({ id: w.p[t].id, version: 1, archived: true }),
    bad: () => ({ id: "", version: 0, archived: "maybe" }),
    badFields: ["archived", "id", "version"],
    check: async (w) => expect((await db.project.findUniqueOrThrow({ where: { id: w.p.inScope.id } })).archivedAt).not.toBeNull(),
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "status-update.post",
    action: postStatusUpdate as never,
    input: (w, t) => ({ projectId: w.p[t].id, health: "AT_RISK", summary: "Vendor slipped a week", body: "**Next:** chase vendor" }),
    bad: (w) => ({ projectId: w.p.inScope.id, health: "GREEN", summary: "", body: "x".repeat(20_001) }),
    badFields: ["body", "health", "summary"],
    check: async (w) => {
      const p = await db.project.findUniqueOrThrow({ where: { id: w.p.inScope.id } });
      expect(p.health).toBe("AT_RISK");
      expect(p.healthChangedAt).not.toBeNull();
      expect(p.lastUpdateAt).not.toBeNull();
      const u = await db.statusUpdate.findFirstOrThrow({ where: { projectId: p.id, summary: "Vendor slipped a week" } });
      expect(u).toMatchObject({
        health: "AT_RISK",
        suggestedHealth: "ON_TRACK",
        overrideReason: null,
        authorId: w.acme.members.manager.user.id,
      });
    },
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "status-update.acknowledge",
    action: acknowledgeUpdate as never,
    input: (w, t) => ({ updateId: w.u[t].id }),
    bad: () => ({ updateId: "" }),
    badFields: ["updateId"],
    check: async (w) => {
      const u = await db.statusUpdate.findUniqueOrThrow({ where: { id: w.u.inScope.id } });
      expect(u.acknowledgedById).toBe(w.acme.members.manager.user.id);
      expect(u.acknowledgedAt).not.toBeNull();
    },
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "milestone.create",
    action: createMilestone as never,
    input: (w, t) => ({ projectId: w.p[t].id, name: "Pilot", dueDate: "2027-02-01" }),
    bad: (w) => ({ projectId: w.p.inScope.id, name: "", dueDate: "2027-02-30" }),
    badFields: ["dueDate", "name"],
    check: async (w) => expect(await db.milestone.count({ where: { projectId: w.p.inScope.id, name: "Pilot" } })).toBe(1),
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "milestone.update",
    action: updateMilestone as never,
    input: (w, t) => ({ id: w.m[t].id, name: "Beta 2", dueDate: "2027-02-15" }),
    bad: (w) => ({ id: w.m.inScope.id, name: "B", dueDate: "" }),
    badFields: ["dueDate", "name"],
    check: async (w) =>
      expect(await db.milestone.findUniqueOrThrow({ where: { id: w.m.inScope.id } })).toMatchObject({
        name: "Beta 2",
        dueDate: new Date("2027-02-15"),
      }),
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "milestone.complete",
    action: completeMilestone as never,
    input: (w, t) => ({ id: w.m[t].id, done: true, doneDate: "2026-11-20" }),
    bad: (w) => ({ id: w.m.inScope.id, done: "yes", doneDate: "yesterday" }),
    badFields: ["done", "doneDate"],
    check: async (w) =>
      expect((await db.milestone.findUniqueOrThrow({ where: { id: w.m.inScope.id } })).doneDate).toEqual(new Date("2026-11-20")),
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "dependency.add",
    action: addDependency as never,
    // In scope: the manager's project waits on a project of another department (cross-team).
    input: (w, t) =>
      t === "foreign"
        ? { blockerId: w.p.foreign.id, blockedId: w.p.inScope.id }
        : t === "inScope"
          ? { blockerId: w.p.outScope.id, blockedId: w.p.inScope.id, note: "Needs their API" }
          : { blockerId: w.p.outScope.id, blockedId: w.p.otherB2.id },
    bad: (w) => ({ blockerId: w.p.inScope.id, blockedId: w.p.inScope.id }),
    badFields: ["blockerId"],
    check: async (w) =>
      expect(await db.projectDependency.count({ where: { blockerId: w.p.outScope.id, blockedId: w.p.inScope.id } })).toBe(1),
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "dependency.remove",
    action: removeDependency as never,
    input: (w, t) => ({ id: w.d[t].id }),
    bad: () => ({ id: "" }),
    badFields: ["id"],
    check: async (w) => expect(await db.projectDependency.count({ where: { id: w.d.inScope.id } })).toBe(0),
    deniedRoles: ["viewer", "finance", "admin"],
  },
  {
    name: "initiative.create",
    action: createInitiative as never,
    input: (w, t) =>
      initiativeInput(t === "foreign" ? w.globex.units.deptA.id : t === "inScope" ? w.acme.units.deptA.id : w.acme.units.deptB.id),
    bad: (w) => initiativeInput(w.acme.units.deptA.id, { name: "", fiscalYear: "next", period: "Q5" }),
    badFields: ["fiscalYear", "name", "period"],
    check: async (w) =>
      expect(await db.initiative.findFirstOrThrow({ where: { orgId: w.acme.org.id, name: "Enterprise readiness" } })).toMatchObject({
        fiscalYear: 2027,
        fiscalHalf: 1,
        fiscalQuarter: null,
      }),
    deniedRoles: ["viewer", "finance", "admin"],
    foreignCode: "VALIDATION",
  },
  {
    name: "initiative.update",
    action: updateInitiative as never,
    input: (w, t) => ({
      id: w.i[t].id,
      expectedUpdatedAt: w.i[t].updatedAt.toISOString(),
      ...initiativeInput(t === "foreign" ? w.globex.units.deptA.id : t === "inScope" ? w.acme.units.deptA.id : w.acme.units.deptB.id, {
        period: "Q3",
      }),
    }),
    bad: (w) => ({ id: w.i.inScope.id, expectedUpdatedAt: "now", ...initiativeInput(w.acme.units.deptA.id, { name: "" }) }),
    badFields: ["expectedUpdatedAt", "name"],
    check: async (w) =>
      expect(await db.initiative.findUniqueOrThrow({ where: { id: w.i.inScope.id } })).toMatchObject({
        fiscalQuarter: 3,
        name: "Enterprise readiness",
      }),
    deniedRoles: ["viewer", "finance", "admin"],
  },
];

describe.each(CASES)("$name", (c) => {
  it("happy path as a manager in scope: writes and audits", async () => {
    const auditBefore = await db.auditEvent.count();
    const result = await c.action.run(w.acme.members.manager.user.id, w.acme.org.slug, c.input(w, "inScope"));
    expect(result).toMatchObject({ ok: true });
    await c.check(w, (result as { data: unknown }).data);
    expect(await db.auditEvent.count()).toBe(auditBefore + 1);
  });

  it("bad input: every field error at once, nothing written", async () => {
    const before = await rowCounts();
    const result = await c.action.run(w.acme.members.director.user.id, w.acme.org.slug, c.bad(w));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(c.badFields);
    expect(await rowCounts()).toEqual(before);
  });

  it("wrong role: FORBIDDEN, nothing written", async () => {
    for (const role of c.deniedRoles) {
      const before = await rowCounts();
      const result = await c.action.run(w.acme.members[role].user.id, w.acme.org.slug, c.input(w, "inScope"));
      expect(result, role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await rowCounts()).toEqual(before);
    }
  });

  it("MANAGER outside their scope: FORBIDDEN, nothing written", async () => {
    const before = await rowCounts();
    const result = await c.action.run(w.acme.members.manager.user.id, w.acme.org.slug, c.input(w, "outScope"));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });

  it("a director may act outside any manager's scope", async () => {
    const result = await c.action.run(w.acme.members.director.user.id, w.acme.org.slug, c.input(w, "outScope"));
    expect(result).toMatchObject({ ok: true });
  });

  it("an id from another org is refused and nothing is written", async () => {
    const before = await rowCounts();
    const result = await c.action.run(w.acme.members.director.user.id, w.acme.org.slug, c.input(w, "foreign"));
    expect(result).toMatchObject({ ok: false, code: c.foreignCode ?? "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("concurrent edits", () => {
  it.each([
    [
      "project.update",
      updateProject,
      (w: World) => ({ id: w.p.inScope.id, version: 1, ...projectInput(w, w.acme.units.teamA.id, { name: "Second" }) }),
    ],
    ["project.status.change", setProjectStatus, (w: World) => ({ id: w.p.inScope.id, version: 1, status: "PAUSED" })],
    ["project.archive", archiveProject, (w: World) => ({ id: w.p.inScope.id, version: 1, archived: true })],
  ] as const)("%s on a stale version is a CONFLICT with a clear message, and overwrites nothing", async (_n, action, input) => {
    const first = await updateProject.run(w.acme.members.director.user.id, w.acme.org.slug, {
      id: w.p.inScope.id,
      version: 1,
      ...projectInput(w, w.acme.units.teamA.id, { name: "First" }),
    });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });
    const before = await rowCounts();
    const second = await (action as Action<never, unknown>).run(w.acme.members.manager.user.id, w.acme.org.slug, input(w));
    expect(second).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(/changed this project since you opened it/),
    });
    expect(await rowCounts()).toEqual(before);
    expect(await db.project.findUniqueOrThrow({ where: { id: w.p.inScope.id } })).toMatchObject({
      name: "First",
      status: "ACTIVE",
      archivedAt: null,
      version: 2,
    });
  });

  it("two racing edits from the same version: exactly one wins", async () => {
    const results = await Promise.all(
      ["A", "B"].map((n) =>
        updateProject.run(w.acme.members.director.user.id, w.acme.org.slug, {
          id: w.p.inScope.id,
          version: 1,
          ...projectInput(w, w.acme.units.teamA.id, { name: `Edit ${n}` }),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "CONFLICT")).toHaveLength(1);
  });

  it("initiative.update on a stale form is a CONFLICT", async () => {
    const input = { id: w.i.inScope.id, expectedUpdatedAt: w.i.inScope.updatedAt.toISOString(), ...initiativeInput(w.acme.units.deptA.id) };
    expect(await updateInitiative.run(w.acme.members.director.user.id, w.acme.org.slug, { ...input, name: "First" })).toMatchObject({
      ok: true,
    });
    const second = await updateInitiative.run(w.acme.members.manager.user.id, w.acme.org.slug, { ...input, name: "Second" });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.initiative.findUniqueOrThrow({ where: { id: w.i.inScope.id } })).name).toBe("First");
  });

  it("acknowledging twice: the second is a CONFLICT", async () => {
    expect(await acknowledgeUpdate.run(w.acme.members.director.user.id, w.acme.org.slug, { updateId: w.u.inScope.id })).toMatchObject({
      ok: true,
    });
    expect(await acknowledgeUpdate.run(w.acme.members.manager.user.id, w.acme.org.slug, { updateId: w.u.inScope.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect((await db.statusUpdate.findUniqueOrThrow({ where: { id: w.u.inScope.id } })).acknowledgedById).toBe(
      w.acme.members.director.user.id,
    );
  });
});

describe("dependencies", () => {
  it("refuses a direct cycle with a clear message and writes nothing", async () => {
    // third blocks inScope already: inScope → third would close the loop.
    const before = await rowCounts();
    const result = await addDependency.run(w.acme.members.manager.user.id, w.acme.org.slug, {
      blockerId: w.p.inScope.id,
      blockedId: w.p.third.id,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { blockerId: [expect.stringMatching(/Third already blocks In scope.*cycle/)] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a transitive cycle (A→B→C, then C→A)", async () => {
    const run = (blockerId: string, blockedId: string) =>
      addDependency.run(w.acme.members.director.user.id, w.acme.org.slug, { blockerId, blockedId });
    // third → inScope exists; add inScope → outScope; then outScope → third closes third → inScope → outScope → third.
    expect(await run(w.p.inScope.id, w.p.outScope.id)).toMatchObject({ ok: true });
    const before = await rowCounts();
    expect(await run(w.p.outScope.id, w.p.third.id)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "That dependency would create a cycle.",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a duplicate", async () => {
    const result = await addDependency.run(w.acme.members.manager.user.id, w.acme.org.slug, {
      blockerId: w.p.third.id,
      blockedId: w.p.inScope.id,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { blockerId: ["That dependency already exists."] } });
  });
});

describe("status updates and suggested health", () => {
  it("requires a reason when the author claims better health than suggested, and records it", async () => {
    // An overdue milestone makes the rules suggest AT_RISK.
    await db.milestone.update({ where: { id: w.m.inScope.id }, data: { dueDate: new Date("2025-01-01") } });
    const base = { projectId: w.p.inScope.id, health: "ON_TRACK", summary: "All good" };
    const before = await rowCounts();
    const missing = await postStatusUpdate.run(w.acme.members.manager.user.id, w.acme.org.slug, base);
    expect(missing).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { overrideReason: [expect.stringMatching(/say briefly why/)] },
    });
    expect(await rowCounts()).toEqual(before);

    const ok = await postStatusUpdate.run(w.acme.members.manager.user.id, w.acme.org.slug, {
      ...base,
      overrideReason: "Beta moved, agreed with PM",
    });
    expect(ok).toMatchObject({ ok: true, data: { suggestedHealth: "AT_RISK" } });
    const u = await db.statusUpdate.findFirstOrThrow({ where: { projectId: w.p.inScope.id, summary: "All good" } });
    expect(u).toMatchObject({ health: "ON_TRACK", suggestedHealth: "AT_RISK", overrideReason: "Beta moved, agreed with PM" });
  });

  it("does not store a reason when none was needed, and keeps healthChangedAt when health is unchanged", async () => {
    await postStatusUpdate.run(w.acme.members.manager.user.id, w.acme.org.slug, {
      projectId: w.p.inScope.id,
      health: "OFF_TRACK",
      summary: "Bad week",
    });
    const first = await db.project.findUniqueOrThrow({ where: { id: w.p.inScope.id } });
    await postStatusUpdate.run(w.acme.members.manager.user.id, w.acme.org.slug, {
      projectId: w.p.inScope.id,
      health: "OFF_TRACK",
      summary: "Still bad",
      overrideReason: "ignored",
    });
    const second = await db.project.findUniqueOrThrow({ where: { id: w.p.inScope.id } });
    expect(second.healthChangedAt).toEqual(first.healthChangedAt);
    expect(second.lastUpdateAt!.getTime()).toBeGreaterThanOrEqual(first.lastUpdateAt!.getTime());
    expect((await db.statusUpdate.findFirstOrThrow({ where: { summary: "Still bad" } })).overrideReason).toBeNull();
  });

  it("uses tagged actuals for the spend rule", async () => {
    await db.project.update({ where: { id: w.p.inScope.id }, data: { budgetCents: 100_00n } });
    await db.actualEntry.create({
      data: {
        orgId: w.acme.org.id,
        orgUnitId: w.acme.units.teamA.id,
        bookedOn: new Date("2026-10-01"),
        category: "SOFTWARE",
        amountCents: 150_00n,
        projectId: w.p.inScope.id,
      },
    });
    const result = await postStatusUpdate.run(w.acme.members.manager.user.id, w.acme.org.slug, {
      projectId: w.p.inScope.id,
      health: "OFF_TRACK",
      summary: "Over budget",
    });
    expect(result).toMatchObject({ ok: true, data: { suggestedHealth: "OFF_TRACK" } });
  });

  it("nobody acknowledges their own update", async () => {
    await postStatusUpdate.run(w.acme.members.director.user.id, w.acme.org.slug, {
      projectId: w.p.inScope.id,
      health: "AT_RISK",
      summary: "Mine",
    });
    const mine = await db.statusUpdate.findFirstOrThrow({ where: { summary: "Mine" } });
    const result = await acknowledgeUpdate.run(w.acme.members.director.user.id, w.acme.org.slug, { updateId: mine.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
