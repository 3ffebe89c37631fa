import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { discoverActions } from "@/tests/support/action-discovery";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import type { MatrixRow } from "@/tests/support/authz/matrix";
import { DELIVERY_ROWS } from "@/tests/support/authz/matrix-delivery";
import { MONEY_ROWS } from "@/tests/support/authz/matrix-money";
import { PEOPLE_ROWS, PUBLIC_ROWS, SELF_ROWS } from "@/tests/support/authz/matrix-people";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";
import { applyPlan, expectClearFailure, fuzzRuns, mutationPlan, seedFor } from "@/tests/support/fuzz";

// Random and hostile input through the real pipeline (action.run) for every action found in the
// source, as a caller who is allowed to run it, so that parsing AND the handler are exercised.
// Each run starts from the matrix row's valid input and replaces, deletes or adds fields (or
// sends something that is not an object at all). Properties: the call returns (never throws),
// never INTERNAL, a refusal says what is wrong (field errors for bad input), and a refused call
// leaves every table exactly as it was.

const db = testDb();
const discovered = await discoverActions();
const ROWS = new Map<string, MatrixRow>([...DELIVERY_ROWS, ...PEOPLE_ROWS, ...MONEY_ROWS].map((r) => [r.action, r]));
const PUBLIC = new Map(PUBLIC_ROWS.map((r) => [r.action, r]));
const SELF = new Map(SELF_ROWS.map((r) => [r.action, r]));
const RUNS = fuzzRuns(12);

let acme: OrgFx;

beforeAll(async () => {
  await resetDb();
  acme = await createAuthzOrg(db);
});

function allowedUser(row: MatrixRow | undefined): string {
  if (!row) return acme.users.director;
  const column = (["DIRECTOR", "ADMIN", "FINANCE", "MGR_IN"] as const).find((c) => row.expect[c] === "ok");
  return { DIRECTOR: acme.users.director, ADMIN: acme.users.admin, FINANCE: acme.users.finance, MGR_IN: acme.users.managerIn }[column ?? "DIRECTOR"];
}

describe("fuzzed input through every action", () => {
  it("covers every discovered action", () => {
    expect(discovered.actions.size).toBeGreaterThan(30);
  });

  for (const name of [...discovered.actions.keys()].sort()) {
    it(name, async () => {
      const action = discovered.actions.get(name)!;
      const row = ROWS.get(name);
      const pub = PUBLIC.get(name);
      const userId = allowedUser(row);
      await fc.assert(
        fc.asyncProperty(mutationPlan, async (plan) => {
          const self = SELF.get(name);
          const base = row ? await row.input(acme) : pub ? await pub.valid(acme) : self ? await self.valid(acme, userId) : {};
          const input = applyPlan(base, plan);
          const before = await tableFingerprints();
          let result;
          try {
            result = await action.run(userId, acme.slug, input);
          } catch (e) {
            throw new Error(`${name} threw instead of returning a result: ${String(e)}`);
          }
          expectClearFailure(result, name);
          if (!result.ok) expect(await tableFingerprints(), `${name}: a refused call changed rows`).toEqual(before);
        }),
        { numRuns: RUNS, seed: seedFor(name), endOnFailure: true },
      );
    });
  }
});
