import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";

import { toDateString } from "@/lib/fiscal";
import { addDaysIso } from "@/lib/headcount/position-helpers";
import { closeUnit } from "@/lib/org/close-unit";
import { createUnit } from "@/lib/org/create-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { applyReorg } from "@/lib/org/reorg/apply-reorg";
import { addReorgStep, createReorg } from "@/lib/org/reorg/edit-reorg";
import { scheduleReorg } from "@/lib/org/reorg/schedule-reorg";
import type { ZReorgStep } from "@/lib/org/reorg/schemas";
import { setUnitLead } from "@/lib/org/set-unit-lead";
import { updateUnit } from "@/lib/org/update-unit";
import { createOrgWithRoles, createUnit as makeUnit } from "@/tests/factories/org";
import { refused, resetDb, testDb } from "@/tests/support/db";

// Issue 21's list of bad input, one test each: every refusal is a clear message naming the unit,
// and nothing is written (every table's fingerprint is unchanged).

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
let director: string;
const today = toDateString(new Date());
const label = (u: { name: string; code: string }) => `${u.name} (${u.code})`;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  director = acme.members.director.user.id;
});

/** The refusal's every message (summary and field errors) in one string, after checking nothing was written. */
async function refusal(call: () => Promise<unknown>): Promise<string> {
  const result = (await refused(call)) as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return [result.message ?? "", ...Object.values(result.fieldErrors ?? {}).flat()].join(" | ");
}

const person = (orgId: string, orgUnitId: string, name = "Pat") =>
  db.person.create({
    data: { orgId, orgUnitId, name, title: "Engineer", level: "IC3", startDate: new Date("2024-01-01"), annualCompCents: 1n },
  });

async function draft(name: string, step: z.input<typeof ZReorgStep>) {
  const r = await createReorg.run(director, acme.org.slug, { name });
  if (!r.ok) throw new Error(JSON.stringify(r));
  const added = await addReorgStep.run(director, acme.org.slug, { reorgId: r.data.reorgId, version: r.data.version, step });
  if (!added.ok) throw new Error(JSON.stringify(added));
  return { reorgId: r.data.reorgId, version: added.data.version };
}

describe("bad input in the org tree and reorgs", () => {
  it("a cycle: a unit under its own child, or itself", async () => {
    const { deptA, teamA } = acme.units;
    expect(await refusal(() => moveUnit.run(director, acme.org.slug, { unitId: deptA.id, version: 1, parentId: teamA.id }))).toContain(
      `${label(teamA)} is inside ${label(deptA)}: moving ${deptA.name} under it would make a cycle.`,
    );
    expect(await refusal(() => moveUnit.run(director, acme.org.slug, { unitId: deptA.id, version: 1, parentId: deptA.id }))).toContain(
      `${label(deptA)} cannot be its own parent.`,
    );
  });

  it("moving a unit under its own descendant, however deep", async () => {
    const { division, teamA } = acme.units;
    const deep = await makeUnit(db, acme.org.id, { parentId: teamA.id, name: "Deep", code: "DEEP-1" });
    expect(await refusal(() => moveUnit.run(director, acme.org.slug, { unitId: division.id, version: 1, parentId: deep.id }))).toContain(
      `${label(deep)} is inside ${label(division)}`,
    );
  });

  it("closing a non-empty unit without a target", async () => {
    const { teamA } = acme.units;
    await person(acme.org.id, teamA.id);
    expect(await refusal(() => closeUnit.run(director, acme.org.slug, { unitId: teamA.id, version: 1, targetId: "" }))).toContain(
      `${label(teamA)} is not empty: 1 person`,
    );
  });

  it("a duplicate code, ignoring case: new unit, recode, and a reorg's new unit", async () => {
    const { deptA, teamA, teamB } = acme.units;
    const clash = `The code ${teamA.code} is already used by ${teamA.name}.`;
    const base = { parentId: deptA.id, name: "Payments", code: teamA.code.toLowerCase(), kind: "TEAM", leadId: "" };
    expect(await refusal(() => createUnit.run(director, acme.org.slug, base))).toContain(clash);
    expect(
      await refusal(() =>
        updateUnit.run(director, acme.org.slug, { unitId: teamB.id, version: 1, name: teamB.name, code: teamA.code, kind: "TEAM" }),
      ),
    ).toContain(clash);
    const r = await createReorg.run(director, acme.org.slug, { name: "Dupes" });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(
      await refusal(() =>
        addReorgStep.run(director, acme.org.slug, {
          reorgId: r.data.reorgId,
          version: r.data.version,
          step: { kind: "create", parent: deptA.id, name: "Payments", code: teamA.code, unitKind: "TEAM", leadId: "" },
        }),
      ),
    ).toContain(clash);
  });

  it("a lead from another org: new unit, lead change, and a reorg's lead step", async () => {
    const { deptA, teamA } = acme.units;
    const foreign = await person(globex.org.id, globex.units.teamA.id, "Outsider");
    const base = { parentId: deptA.id, name: "Payments", code: "PAY-9", kind: "TEAM", leadId: foreign.id };
    expect(await refusal(() => createUnit.run(director, acme.org.slug, base))).toContain(
      "That person is not in this organization, so they cannot lead Payments (PAY-9).",
    );
    expect(await refusal(() => setUnitLead.run(director, acme.org.slug, { unitId: teamA.id, version: 1, leadId: foreign.id }))).toContain(
      `That person is not in this organization, so they cannot lead ${label(teamA)}.`,
    );
    const r = await createReorg.run(director, acme.org.slug, { name: "Leads" });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const message = await refusal(() =>
      addReorgStep.run(director, acme.org.slug, {
        reorgId: r.data.reorgId,
        version: r.data.version,
        step: { kind: "lead", unit: teamA.id, leadId: foreign.id },
      }),
    );
    expect(message).toContain(`That person is not in this organization, so they cannot lead ${label(teamA)}.`);
    expect(message).not.toContain("Outsider");
  });

  it("an effective date in a closed period", async () => {
    const { teamA, deptB } = acme.units;
    const d = await draft("Autumn", { kind: "move", unit: teamA.id, parent: deptB.id });
    const lastMonth = addDaysIso(`${today.slice(0, 7)}-01`, -1);
    const message = await refusal(() => scheduleReorg.run(director, acme.org.slug, { ...d, effectiveOn: lastMonth }));
    expect(message).toContain(`“Autumn”: ${lastMonth} is in a closed period`);
    expect(message).toContain(" It changes ");
    for (const u of [deptB, teamA]) expect(message).toContain(label(u));
  });

  it("a reorg that conflicts with another scheduled one, when scheduling and when applying", async () => {
    const { teamA, deptB, teamB } = acme.units;
    const first = await draft("First", { kind: "move", unit: teamA.id, parent: deptB.id });
    const tomorrow = addDaysIso(today, 1);
    expect(await scheduleReorg.run(director, acme.org.slug, { ...first, effectiveOn: tomorrow })).toMatchObject({ ok: true });
    const second = await draft("Second", { kind: "lead", unit: teamA.id, leadId: (await person(acme.org.id, teamB.id)).id });
    const conflict = `${label(teamA)} is also changed by the scheduled reorg “First” (${tomorrow})`;
    expect(await refusal(() => scheduleReorg.run(director, acme.org.slug, { ...second, effectiveOn: addDaysIso(today, 2) }))).toContain(
      conflict,
    );
    expect(await refusal(() => applyReorg.run(director, acme.org.slug, second))).toContain(conflict);
  });
});
