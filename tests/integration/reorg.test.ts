import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";

import { toDateString } from "@/lib/fiscal";
import { addDaysIso } from "@/lib/headcount/position-helpers";
import { moveUnit } from "@/lib/org/move-unit";
import { listOrgUnits } from "@/lib/org/queries";
import { applyReorg } from "@/lib/org/reorg/apply-reorg";
import { applyDueReorgs } from "@/lib/org/reorg/due-reorgs";
import { addReorgStep, createReorg } from "@/lib/org/reorg/edit-reorg";
import { previewReorg } from "@/lib/org/reorg/preview-reorg";
import { getReorg } from "@/lib/org/reorg/queries";
import type { ZReorgStep } from "@/lib/org/reorg/schemas";
import { cancelReorg, scheduleReorg } from "@/lib/org/reorg/schedule-reorg";
import { createOrgWithRoles, createUnit } from "@/tests/factories/org";
import { closureMismatches } from "@/tests/support/closure";
import { refused, resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// Reorgs through the real pipeline: the preview is what the apply does, a scheduled reorg is
// applied once however often (and however concurrently) the scheduler runs, a cancelled one
// never, and every refusal names the unit and writes nothing.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
let director: string;
let teamC: Awaited<ReturnType<typeof createUnit>>;
const today = toDateString(new Date());
const monthStart = `${today.slice(0, 7)}-01`;
const d = (s: string) => new Date(`${s}T00:00:00Z`);
type Step = z.input<typeof ZReorgStep>;
const label = (u: { name: string; code: string }) => `${u.name} (${u.code})`;

const person = (orgUnitId: string, name: string, managerId: string | null = null) =>
  db.person.create({
    data: {
      orgId: acme.org.id,
      orgUnitId,
      name,
      managerId,
      title: "Engineer",
      level: "IC3",
      startDate: d("2024-01-01"),
      annualCompCents: 10_000_000n,
    },
  });

async function draft(steps: Step[], name = "Spring reorg") {
  const r = await createReorg.run(director, acme.org.slug, { name });
  if (!r.ok) throw new Error(JSON.stringify(r));
  let version = r.data.version;
  for (const step of steps) {
    const added = await addReorgStep.run(director, acme.org.slug, { reorgId: r.data.reorgId, version, step });
    if (!added.ok) throw new Error(JSON.stringify(added));
    version = added.data.version;
  }
  return { reorgId: r.data.reorgId, version };
}

const viewer = () => ({
  user: { id: director },
  role: "DIRECTOR" as const,
  org: { id: acme.org.id, slug: acme.org.slug, currency: acme.org.currency, fiscalYearStartMonth: acme.org.fiscalYearStartMonth },
});

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  director = acme.members.director.user.id;
  teamC = await createUnit(db, acme.org.id, { parentId: acme.units.deptA.id, name: "Team C", code: "TEAM-C" });
});

describe("preview and apply", () => {
  it("the preview equals what applying changes, and both equal the tree read afterwards", async () => {
    const { deptA, deptB, teamA, teamB } = acme.units;
    const max = await person(deptA.id, "Max");
    const mia = await person(deptB.id, "Mia");
    const lee = await person(deptB.id, "Lee");
    const ann = await person(teamA.id, "Ann", max.id);
    const bob = await person(teamA.id, "Bob", max.id);
    await person(teamA.id, "Gone", max.id).then((p) => db.person.update({ where: { id: p.id }, data: { endDate: d("2025-01-31") } }));
    const position = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: teamA.id,
        title: "SRE",
        level: "IC4",
        status: "OPEN",
        annualCompCents: 1n,
        budgetFiscalYear: 2027,
        openedAt: new Date(),
      },
    });
    const project = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: teamA.id, name: "Atlas", status: "ACTIVE" } });
    const vendor = await db.vendor.create({ data: { orgId: acme.org.id, name: "Acme Tools" } });
    const contract = await db.contract.create({
      data: {
        orgId: acme.org.id,
        vendorId: vendor.id,
        orgUnitId: teamA.id,
        category: "SOFTWARE",
        name: "IDE seats",
        annualAmountCents: 120_000n,
        startDate: d("2026-01-01"),
        endDate: d("2030-12-31"),
        status: "ACTIVE",
      },
    });
    const line = await db.budgetLine.create({
      data: { orgId: acme.org.id, orgUnitId: teamA.id, month: d(monthStart), category: "SOFTWARE", amountCents: 12_345n },
    });
    await db.budgetLine.create({
      data: { orgId: acme.org.id, orgUnitId: teamC.id, month: d(monthStart), category: "SOFTWARE", amountCents: 1_000n },
    });

    const steps: Step[] = [
      { kind: "create", parent: deptB.id, name: "Platform", code: "PLAT", unitKind: "GROUP", leadId: lee.id },
      { kind: "move", unit: teamB.id, parent: "new:plat" },
      { kind: "merge", unit: teamA.id, target: teamC.id },
      { kind: "person", personId: bob.id, unit: teamB.id, managerId: mia.id },
      { kind: "lead", unit: deptB.id, leadId: mia.id },
    ];
    const { reorgId, version } = await draft(steps);
    const beforePreview = await tableFingerprints();
    const preview = await previewReorg(viewer(), reorgId);
    expect(await tableFingerprints(), "the preview wrote nothing").toEqual(beforePreview);
    expect(preview.ok, JSON.stringify(preview)).toBe(true);
    if (!preview.ok) return;

    const applied = await applyReorg.run(director, acme.org.slug, { reorgId, version });
    expect(applied.ok, JSON.stringify(applied)).toBe(true);
    if (!applied.ok) return;
    const platform = await db.orgUnit.findFirstOrThrow({ where: { orgId: acme.org.id, code: "PLAT" } });
    // Ids of units created by the steps differ between the rolled-back preview and the apply.
    const sameIds = (json: unknown) => JSON.parse(JSON.stringify(json).replaceAll(platform.id, "PLATFORM"));
    const previewPlatform = preview.impact.units.find((u) => u.code === "PLAT")!.id;
    expect(sameIds(applied.data.impact)).toEqual(JSON.parse(JSON.stringify(preview.impact).replaceAll(previewPlatform, "PLATFORM")));
    expect((await getReorg(acme.org.id, reorgId))?.impact).toEqual(applied.data.impact);

    const impact = applied.data.impact;
    // Rows that changed unit: what was live in teamA (not Gone), and Bob once more, to teamB.
    expect(impact.rowCounts).toEqual({ person: 2, position: 1, project: 1, contract: 1, planLine: 1 });
    expect(impact.rows.map((r) => [r.kind, r.id, r.from.id, r.to?.id])).toEqual([
      ["contract", contract.id, teamA.id, teamC.id],
      ["person", ann.id, teamA.id, teamC.id],
      ["person", bob.id, teamA.id, teamB.id],
      ["planLine", line.id, teamA.id, teamC.id],
      ["position", position.id, teamA.id, teamC.id],
      ["project", project.id, teamA.id, teamC.id],
    ]);
    // Heads and budget per unit: before → after, and "after" is what the tree says now.
    const byId = new Map(impact.units.map((u) => [u.id, u]));
    expect(byId.get(deptA.id)).toMatchObject({ headsBefore: 3, headsAfter: 2, budgetBefore: 13_345, budgetAfter: 13_345 });
    expect(byId.get(deptB.id)).toMatchObject({
      headsBefore: 2,
      headsAfter: 3,
      leadBefore: null,
      leadAfter: "Mia",
      budgetBefore: 0,
      budgetAfter: 0,
    });
    expect(byId.get(teamA.id)).toMatchObject({ state: "closed", headsBefore: 2, headsAfter: 0, budgetBefore: 12_345, budgetAfter: 0 });
    expect(byId.get(teamC.id)).toMatchObject({ headsBefore: 0, headsAfter: 1, budgetBefore: 1_000, budgetAfter: 13_345 });
    expect(byId.get(teamB.id)).toMatchObject({ parentBefore: deptB.name, parentAfter: "Platform", headsBefore: 0, headsAfter: 1 });
    expect(byId.get(platform.id)).toMatchObject({ state: "new", leadAfter: "Lee", headsBefore: 0, headsAfter: 1 });
    expect(byId.has(acme.units.division.id), "the division's totals did not change").toBe(false);
    const tree = new Map((await listOrgUnits(acme.org.id)).map((u) => [u.id, u]));
    for (const u of impact.units.filter((x) => x.state !== "closed")) expect(tree.get(u.id)?.headCount, u.name).toBe(u.headsAfter);
    expect(impact.spans).toEqual([
      { personId: max.id, name: "Max", before: 2, after: 1 },
      { personId: mia.id, name: "Mia", before: 0, after: 1 },
    ]);

    // Each step wrote its own audit event under its own action, tagged with the reorg.
    const audit = await db.auditEvent.findMany({
      where: {
        orgId: acme.org.id,
        actorId: director,
        action: { in: ["org-unit.create", "org-unit.move", "org-unit.merge", "person.move", "org-unit.set-lead", "reorg.apply"] },
      },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "org-unit.create",
      "org-unit.merge",
      "org-unit.move",
      "org-unit.set-lead",
      "person.move",
      "reorg.apply",
    ]);
    for (const a of audit.filter((x) => x.action !== "reorg.apply"))
      expect((a.after as { reorgId?: string }).reorgId, a.action).toBe(reorgId);
    expect(await db.reorg.findUniqueOrThrow({ where: { id: reorgId } })).toMatchObject({ status: "APPLIED", appliedById: director });
    expect(await closureMismatches(db, acme.org.id)).toEqual([]);
  });

  it("refuses a step that makes a cycle at apply time, naming the units; the preview says the same; nothing written", async () => {
    const { deptA, deptB, teamB } = acme.units;
    // Each step alone is fine; the second only makes a cycle after the first.
    const { reorgId, version } = await draft([
      { kind: "move", unit: deptB.id, parent: acme.units.teamA.id },
      { kind: "move", unit: deptA.id, parent: teamB.id },
    ]);
    const message = `Step 2 (move unit): ${label(teamB)} is inside ${label(deptA)}: moving ${deptA.name} under it would make a cycle.`;
    expect(await previewReorg(viewer(), reorgId)).toEqual({ ok: false, message });
    expect(await refused(() => applyReorg.run(director, acme.org.slug, { reorgId, version }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message,
    });
  });

  it("refuses a step naming another org's unit when it is added", async () => {
    const { reorgId, version } = await draft([]);
    const r = await refused(() =>
      addReorgStep.run(director, acme.org.slug, {
        reorgId,
        version,
        step: { kind: "move", unit: acme.units.teamA.id, parent: globex.units.deptA.id },
      }),
    );
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "step.parent": ["That org unit does not exist."] } });
    const foreign = await refused(() => applyReorg.run(globex.members.director.user.id, globex.org.slug, { reorgId, version }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("scheduled reorgs", () => {
  it("applies a due reorg once, however often and however concurrently the scheduler runs", async () => {
    const tomorrow = addDaysIso(today, 1);
    const { reorgId, version } = await draft([{ kind: "move", unit: acme.units.teamA.id, parent: acme.units.deptB.id }]);
    expect(await scheduleReorg.run(director, acme.org.slug, { reorgId, version, effectiveOn: tomorrow })).toMatchObject({ ok: true });

    expect(await applyDueReorgs(new Date())).toEqual({ applied: [], failed: [] });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: acme.units.teamA.id } })).parentId).toBe(acme.units.deptA.id);

    const due = new Date(`${tomorrow}T06:00:00Z`);
    const runs = await Promise.all([applyDueReorgs(due), applyDueReorgs(due)]);
    expect(runs.flatMap((r) => r.applied)).toEqual([reorgId]);
    expect(await applyDueReorgs(due)).toEqual({ applied: [], failed: [] });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: acme.units.teamA.id } })).parentId).toBe(acme.units.deptB.id);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "reorg.apply" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "org-unit.move" } })).toBe(1);
    expect(await db.orgUnitHistory.count({ where: { unitId: acme.units.teamA.id, change: "moved" } })).toBe(1);
    expect(await db.reorg.findUniqueOrThrow({ where: { id: reorgId } })).toMatchObject({ status: "APPLIED", appliedById: director });
  });

  it("never applies a cancelled reorg; a cancelled or applied one cannot be cancelled or applied again", async () => {
    const { reorgId, version } = await draft([{ kind: "move", unit: acme.units.teamA.id, parent: acme.units.deptB.id }]);
    expect(await scheduleReorg.run(director, acme.org.slug, { reorgId, version, effectiveOn: today })).toMatchObject({ ok: true });
    const cancelled = await cancelReorg.run(director, acme.org.slug, { reorgId, version: version + 1 });
    expect(cancelled).toMatchObject({ ok: true });
    expect(await refused(() => applyDueReorgs(new Date()))).toEqual({ applied: [], failed: [] });
    expect(await refused(() => cancelReorg.run(director, acme.org.slug, { reorgId, version: version + 2 }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "“Spring reorg” is cancelled: it cannot be cancelled.",
    });
    expect(await refused(() => applyReorg.run(director, acme.org.slug, { reorgId, version: version + 2 }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "“Spring reorg” was cancelled.",
    });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: acme.units.teamA.id } })).parentId).toBe(acme.units.deptA.id);
  });

  it("refuses a day in a closed period or in the past, naming the field; nothing written", async () => {
    const { reorgId, version } = await draft([{ kind: "move", unit: acme.units.teamA.id, parent: acme.units.deptB.id }]);
    const lastMonth = addDaysIso(monthStart, -1);
    const closed = await refused(() => scheduleReorg.run(director, acme.org.slug, { reorgId, version, effectiveOn: lastMonth }));
    expect(closed).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        effectiveOn: [expect.stringMatching(new RegExp(`^${lastMonth} is in a closed period \\(months before .+ are closed\\)`))],
      },
    });
    if (today !== monthStart) {
      const past = await refused(() =>
        scheduleReorg.run(director, acme.org.slug, { reorgId, version, effectiveOn: addDaysIso(today, -1) }),
      );
      expect(past).toMatchObject({
        ok: false,
        fieldErrors: { effectiveOn: [`${addDaysIso(today, -1)} is in the past: a reorg takes effect today or later.`] },
      });
    }
    expect(await refused(() => scheduleReorg.run(director, acme.org.slug, { reorgId, version, effectiveOn: "2027-02-30" }))).toMatchObject({
      ok: false,
      fieldErrors: { effectiveOn: expect.any(Array) },
    });
  });

  it("refuses a reorg touching a unit another scheduled reorg changes, naming the unit; nothing written", async () => {
    const first = await draft([{ kind: "move", unit: acme.units.teamA.id, parent: acme.units.deptB.id }], "First");
    const tomorrow = addDaysIso(today, 1);
    expect(await scheduleReorg.run(director, acme.org.slug, { ...first, effectiveOn: tomorrow })).toMatchObject({ ok: true });
    const anna = await person(acme.units.teamA.id, "Anna");
    const second = await draft([{ kind: "person", personId: anna.id, unit: teamC.id }], "Second");
    const message = `${label(acme.units.teamA)} is also changed by the scheduled reorg “First” (${tomorrow}).`;
    expect(await refused(() => scheduleReorg.run(director, acme.org.slug, { ...second, effectiveOn: addDaysIso(today, 2) }))).toMatchObject(
      { ok: false, code: "VALIDATION", message },
    );
    expect(await refused(() => applyReorg.run(director, acme.org.slug, second))).toMatchObject({ ok: false, code: "VALIDATION", message });
  });

  it("marks a scheduled reorg that no longer works as failed, with the reason, and changes nothing else", async () => {
    const { deptA, deptB, teamB } = acme.units;
    const { reorgId, version } = await draft([{ kind: "move", unit: deptA.id, parent: teamB.id }]);
    expect(await scheduleReorg.run(director, acme.org.slug, { reorgId, version, effectiveOn: today })).toMatchObject({ ok: true });
    // Meanwhile someone moves deptB under deptA (a single edit: a reorg touching deptA would be
    // refused as conflicting); the scheduled move would now make a cycle.
    const moved = await moveUnit.run(director, acme.org.slug, { unitId: deptB.id, version: 1, parentId: deptA.id });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    const unitsBefore = await db.orgUnit.findMany({ where: { orgId: acme.org.id }, orderBy: { id: "asc" } });
    const result = await applyDueReorgs(new Date());
    const message = `Step 1 (move unit): ${label(teamB)} is inside ${label(deptA)}: moving ${deptA.name} under it would make a cycle.`;
    expect(result).toEqual({ applied: [], failed: [{ reorgId, message }] });
    expect(await db.reorg.findUniqueOrThrow({ where: { id: reorgId } })).toMatchObject({ status: "FAILED", failure: message });
    expect(await db.orgUnit.findMany({ where: { orgId: acme.org.id }, orderBy: { id: "asc" } })).toEqual(unitsBefore);
    expect(await applyDueReorgs(new Date())).toEqual({ applied: [], failed: [] });
  });
});
