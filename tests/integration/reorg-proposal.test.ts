import { beforeEach, describe, expect, it } from "vitest";

import { toDateString } from "@/lib/fiscal";
import { addDaysIso } from "@/lib/headcount/position-helpers";
import { applyReorg } from "@/lib/org/reorg/apply-reorg";
import { addReorgStep, createReorg, removeReorgStep } from "@/lib/org/reorg/edit-reorg";
import { getReorg, listReorgs } from "@/lib/org/reorg/queries";
import { cancelReorg, scheduleReorg } from "@/lib/org/reorg/schedule-reorg";
import { createOrgWithRoles, createUnit } from "@/tests/factories/org";
import { refused, resetDb, testDb } from "@/tests/support/db";

// Managers propose reorgs inside their subtree; directors and admins apply them
// (lib/org/reorg/proposal.ts). The manager of the fixture manages deptA (and teamA below it).

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let manager: string;
let director: string;
const label = (u: { name: string; code: string }) => `${u.name} (${u.code})`;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  manager = acme.members.manager.user.id;
  director = acme.members.director.user.id;
});

async function proposal() {
  const r = await createReorg.run(manager, acme.org.slug, { name: "Platform split" });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

describe("reorg proposals", () => {
  it("a manager drafts inside their subtree; a director sees it as a proposal and applies it", async () => {
    const { deptA, teamA } = acme.units;
    const teamC = await createUnit(db, acme.org.id, { parentId: deptA.id, name: "Team C", code: "TEAM-C" });
    const p = await proposal();
    const added = await addReorgStep.run(manager, acme.org.slug, {
      reorgId: p.reorgId,
      version: p.version,
      step: { kind: "move", unit: teamC.id, parent: teamA.id },
    });
    expect(added).toMatchObject({ ok: true });
    const version = added.ok ? added.data.version : 0;

    // Applying, scheduling and cancelling are the director's.
    for (const call of [
      () => applyReorg.run(manager, acme.org.slug, { reorgId: p.reorgId, version }),
      () =>
        scheduleReorg.run(manager, acme.org.slug, { reorgId: p.reorgId, version, effectiveOn: addDaysIso(toDateString(new Date()), 3) }),
      () => cancelReorg.run(manager, acme.org.slug, { reorgId: p.reorgId, version }),
    ])
      expect(await refused(call)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const rows = await listReorgs(acme.org.id);
    expect(rows).toEqual([expect.objectContaining({ id: p.reorgId, proposal: true, status: "DRAFT" })]);
    expect(await applyReorg.run(director, acme.org.slug, { reorgId: p.reorgId, version })).toMatchObject({ ok: true });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: teamC.id } })).parentId).toBe(teamA.id);
  });

  it("refuses a step touching a unit outside the manager's subtree, naming it, and writes nothing", async () => {
    const { deptA, deptB, teamB, teamA } = acme.units;
    const p = await proposal();
    const outside = [
      { kind: "move" as const, unit: teamA.id, parent: deptB.id },
      { kind: "move" as const, unit: teamB.id, parent: deptA.id },
      { kind: "lead" as const, unit: teamB.id, leadId: null },
      { kind: "create" as const, parent: deptB.id, name: "New", code: "NEW-1", unitKind: "TEAM" as const, leadId: null },
    ];
    for (const step of outside) {
      const r = await refused(() => addReorgStep.run(manager, acme.org.slug, { reorgId: p.reorgId, version: p.version, step }));
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const message = (r as { message: string }).message;
      expect(message).toContain(`is outside the part of the organization you manage (${label(deptA)} and below)`);
      expect(message).toMatch(new RegExp(`^(${label(deptB).replace(/[()]/g, "\\$&")}|${label(teamB).replace(/[()]/g, "\\$&")})`));
    }
    // A person of another subtree cannot be moved in either.
    const bob = await db.person.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: teamB.id,
        name: "Bob",
        title: "Engineer",
        level: "IC3",
        startDate: new Date("2024-01-01"),
        annualCompCents: 1n,
      },
    });
    const r = await refused(() =>
      addReorgStep.run(manager, acme.org.slug, {
        reorgId: p.reorgId,
        version: p.version,
        step: { kind: "person", personId: bob.id, unit: teamA.id },
      }),
    );
    expect((r as { message: string }).message).toMatch(new RegExp(`^${label(teamB).replace(/[()]/g, "\\$&")} is outside`));
  });

  it("a manager neither sees nor edits another member's reorg", async () => {
    const d = await createReorg.run(director, acme.org.slug, { name: "Director's plan" });
    if (!d.ok) throw new Error(JSON.stringify(d));
    const r = await refused(() =>
      addReorgStep.run(manager, acme.org.slug, {
        reorgId: d.data.reorgId,
        version: d.data.version,
        step: { kind: "lead", unit: acme.units.teamA.id, leadId: null },
      }),
    );
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      await refused(() => removeReorgStep.run(manager, acme.org.slug, { reorgId: d.data.reorgId, version: d.data.version, index: 0 })),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const mine = await proposal();
    expect((await listReorgs(acme.org.id, manager)).map((x) => x.id)).toEqual([mine.reorgId]);
    expect(await getReorg(acme.org.id, d.data.reorgId, manager)).toBeNull();
    // A director's own draft is not a proposal.
    expect((await listReorgs(acme.org.id)).find((x) => x.id === d.data.reorgId)?.proposal).toBe(false);
  });
});
