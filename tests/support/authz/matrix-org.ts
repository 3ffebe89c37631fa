import { row } from "@/tests/support/authz/matrix";
import type { OrgFx } from "@/tests/support/authz/fixture";
import { createUnit } from "@/tests/factories/org";
import { testDb } from "@/tests/support/db";

// The org tree edits: directors and admins apply them; managers (in or out of scope), finance
// and viewers may not. Every cell works on fresh units below the org's teamA.
// Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN (see matrix.ts).
const fresh = (fx: OrgFx) => createUnit(testDb(), fx.org.id, { parentId: fx.unit.id });

export const ORG_ROWS = [
  row("org-unit.create",   "ok ok F F F F N U V", async (fx) => ({ parentId: fx.unit.id, name: "New team", code: `NT-${fx.uid()}`, kind: "TEAM", leadId: (await fx.make.person()).id })),
  row("org-unit.update",   "ok ok F F F F N U N", async (fx) => {
    const u = await fresh(fx);
    return { unitId: u.id, version: 1, name: "Renamed team", code: `RN-${fx.uid()}`, kind: "OTHER" };
  }),
  row("org-unit.set-lead", "ok ok F F F F N U N", async (fx) => ({ unitId: (await fresh(fx)).id, version: 1, leadId: (await fx.make.person()).id })),
  row("org-unit.move",     "ok ok F F F F N U N", async (fx) => ({ unitId: (await fresh(fx)).id, version: 1, parentId: fx.units.deptB.id })),
  row("org-unit.merge",    "ok ok F F F F N U N", async (fx) => {
    const [a, b] = [await fresh(fx), await fresh(fx)];
    await fx.make.person({ unitId: a.id });
    return { unitId: a.id, version: 1, targetId: b.id };
  }),
  row("org-unit.close",    "ok ok F F F F N U N", async (fx) => ({ unitId: (await fresh(fx)).id, version: 1, targetId: "" })),
];
