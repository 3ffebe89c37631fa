import { row } from "@/tests/support/authz/matrix";
import type { OrgFx } from "@/tests/support/authz/fixture";
import { createUnit } from "@/tests/factories/org";
import { testDb } from "@/tests/support/db";

// The org tree edits: directors and admins apply them; managers (in or out of scope), finance
// and viewers may not. Every cell works on fresh units below the org's teamA.
// Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN (see matrix.ts).
const fresh = (fx: OrgFx) => createUnit(testDb(), fx.org.id, { parentId: fx.unit.id });
/** A draft reorg moving a fresh unit under another fresh one (no two cells touch the same units). */
const draftReorg = async (fx: OrgFx, by: string | null = null) => {
  const [unit, parent] = [await fresh(fx), await fresh(fx)];
  return testDb().reorg.create({
    data: {
      orgId: fx.org.id,
      name: `Reorg ${fx.uid()}`,
      // A manager edits only their own proposals: the draft is the caller's.
      createdById: by ?? fx.users.director,
      steps: [{ kind: "move", unit: unit.id, parent: parent.id }],
      unitIds: [parent.id, unit.id].sort(),
    },
  });
};
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export const ORG_ROWS = [
  row("org-unit.create", "ok ok F F F F N U V", async (fx) => ({
    parentId: fx.unit.id,
    name: "New team",
    code: `NT-${fx.uid()}`,
    kind: "TEAM",
    leadId: (await fx.make.person()).id,
  })),
  row("org-unit.update", "ok ok F F F F N U N", async (fx) => {
    const u = await fresh(fx);
    return { unitId: u.id, version: 1, name: "Renamed team", code: `RN-${fx.uid()}`, kind: "OTHER" };
  }),
  row("org-unit.set-lead", "ok ok F F F F N U N", async (fx) => ({
    unitId: (await fresh(fx)).id,
    version: 1,
    leadId: (await fx.make.person()).id,
  })),
  row("org-unit.set-acting-lead", "ok ok F F F F N U N", async (fx) => ({
    unitId: (await fresh(fx)).id,
    version: 1,
    actingLeadId: (await fx.make.person()).id,
  })),
  row("org-unit.move", "ok ok F F F F N U N", async (fx) => ({ unitId: (await fresh(fx)).id, version: 1, parentId: fx.units.deptB.id })),
  row("org-unit.merge", "ok ok F F F F N U N", async (fx) => {
    const [a, b] = [await fresh(fx), await fresh(fx)];
    await fx.make.person({ unitId: a.id });
    return { unitId: a.id, version: 1, targetId: b.id };
  }),
  row("org-unit.close", "ok ok F F F F N U N", async (fx) => ({ unitId: (await fresh(fx)).id, version: 1, targetId: "" })),
  // Managers propose (their own drafts, inside their subtree: MGR_OUT's steps are in teamA, outside it).
  row("reorg.create", "ok ok ok ok F F N U -", () => ({ name: "Spring reorg" })),
  row("reorg.add-step", "ok ok ok F F F N U N", async (fx, caller) => {
    const r = await draftReorg(fx, caller);
    return { reorgId: r.id, version: 1, step: { kind: "lead", unit: (await fresh(fx)).id, leadId: (await fx.make.person()).id } };
  }),
  row("reorg.remove-step", "ok ok ok F F F N U N", async (fx, caller) => ({
    reorgId: (await draftReorg(fx, caller)).id,
    version: 1,
    index: 0,
  })),
  row("reorg.schedule", "ok ok F F F F N U N", async (fx) => ({ reorgId: (await draftReorg(fx)).id, version: 1, effectiveOn: tomorrow() })),
  row("reorg.apply", "ok ok F F F F N U N", async (fx) => ({ reorgId: (await draftReorg(fx)).id, version: 1 })),
  row("reorg.cancel", "ok ok F F F F N U N", async (fx) => ({ reorgId: (await draftReorg(fx)).id, version: 1 })),
];
