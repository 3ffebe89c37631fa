import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { closeUnit, mergeUnit } from "@/lib/org/close-unit";
import { createUnit } from "@/lib/org/create-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { createMember, createOrg, createUnit as makeUnit } from "@/tests/factories/org";
import { closureMismatches } from "@/tests/support/closure";
import { resetDb, testDb } from "@/tests/support/db";
import { fuzzRuns, seedFor } from "@/tests/support/fuzz";

// Random sequences of tree edits (create, move, merge, close) through the real actions: after
// every sequence the closure table and the depth column equal a recursive walk of parentId, and
// no open unit hangs below a unit that is missing. Refused steps (a cycle, a non-sibling merge,
// a close of a non-empty unit) are part of the sequence: they must leave the tree exact too.

const db = testDb();

type Op =
  | { op: "create"; parent: number }
  | { op: "move"; unit: number; parent: number }
  | { op: "merge"; unit: number; target: number }
  | { op: "close"; unit: number; target: number | null };

const idx = fc.nat({ max: 1000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("create" as const), parent: idx }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("move" as const), unit: idx, parent: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("merge" as const), unit: idx, target: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("close" as const), unit: idx, target: fc.option(idx, { nil: null }) }) },
);

beforeAll(async () => {
  await resetDb();
});

describe("closure table under random edit sequences", () => {
  it("equals a recursive walk of the tree after every sequence", async () => {
    let n = 0;
    const applied = { create: 0, move: 0, merge: 0, close: 0 };
    const tally = (op: Op["op"], r: { ok: boolean }) => void (r.ok && applied[op]++);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const org = await createOrg(db);
        const { user } = await createMember(db, org.id, "DIRECTOR");
        const root = await makeUnit(db, org.id, { kind: "DIVISION" });
        await makeUnit(db, org.id, { parentId: root.id, kind: "DEPARTMENT" });
        const open = async () =>
          db.orgUnit.findMany({
            where: { orgId: org.id, closedOn: null },
            select: { id: true, parentId: true, version: true },
            orderBy: { createdAt: "asc" },
          });
        for (const op of ops) {
          const units = await open();
          const pick = (i: number) => units[i % units.length];
          if (op.op === "create") {
            tally(
              "create",
              await createUnit.run(user.id, org.slug, { parentId: pick(op.parent).id, name: `Unit ${n}`, code: `U-${n++}`, kind: "TEAM" }),
            );
          } else if (op.op === "move") {
            const u = pick(op.unit);
            tally("move", await moveUnit.run(user.id, org.slug, { unitId: u.id, version: u.version, parentId: pick(op.parent).id }));
          } else if (op.op === "merge") {
            const u = pick(op.unit);
            const siblings = units.filter((s) => s.parentId === u.parentId && s.id !== u.id);
            const target = siblings.length ? siblings[op.target % siblings.length] : pick(op.target);
            tally("merge", await mergeUnit.run(user.id, org.slug, { unitId: u.id, version: u.version, targetId: target.id }));
          } else {
            const u = pick(op.unit);
            tally(
              "close",
              await closeUnit.run(user.id, org.slug, {
                unitId: u.id,
                version: u.version,
                targetId: op.target === null ? "" : pick(op.target).id,
              }),
            );
          }
        }
        expect(await closureMismatches(db, org.id)).toEqual([]);
        // Every open unit's parent is open: a close or merge never strands a live subtree.
        const stranded = await db.orgUnit.count({ where: { orgId: org.id, closedOn: null, parent: { closedOn: { not: null } } } });
        expect(stranded).toBe(0);
        // One open history period per unit that has history.
        const periods = await db.orgUnitHistory.groupBy({ by: ["unitId"], where: { orgId: org.id, effectiveTo: null }, _count: true });
        expect(periods.filter((p) => p._count !== 1)).toEqual([]);
      }),
      { numRuns: fuzzRuns(12), seed: seedFor("org-tree-closure"), endOnFailure: true },
    );
    // The sequences really changed the tree (a property over refused edits only proves nothing).
    expect(
      Object.values(applied).every((k) => k > 0),
      JSON.stringify(applied),
    ).toBe(true);
  });
});
