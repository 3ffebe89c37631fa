import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { parseMoneyToCents } from "@/lib/money";
import { discoverActions } from "@/tests/support/action-discovery";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import type { MatrixRow } from "@/tests/support/authz/matrix";
import { DELIVERY_ROWS } from "@/tests/support/authz/matrix-delivery";
import { MONEY_ROWS } from "@/tests/support/authz/matrix-money";
import { ORG_ROWS } from "@/tests/support/authz/matrix-org";
import { PEOPLE_ROWS, PUBLIC_ROWS, SELF_ROWS } from "@/tests/support/authz/matrix-people";
import { DELIVERY_SIGNAL_ROWS } from "@/tests/support/authz/matrix-delivery-signals";
import { WEBHOOK_ROWS } from "@/tests/support/authz/matrix-webhooks";
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
const ROWS = new Map<string, MatrixRow>(
  [...DELIVERY_ROWS, ...PEOPLE_ROWS, ...MONEY_ROWS, ...ORG_ROWS, ...WEBHOOK_ROWS, ...DELIVERY_SIGNAL_ROWS].map((r) => [r.action, r]),
);
const PUBLIC = new Map(PUBLIC_ROWS.map((r) => [r.action, r]));
const SELF = new Map(SELF_ROWS.map((r) => [r.action, r]));
const RUNS = fuzzRuns(12);
// Twelve runs of an action take a second or two; a loaded two-core machine has stretched the
// heaviest (a reorg's apply, which measures the whole org before and after) past a minute.
const PROPERTY_MS = 150_000;

let acme: OrgFx;

beforeAll(async () => {
  await resetDb();
  acme = await createAuthzOrg(db);
});

function allowedUser(row: MatrixRow | undefined): string {
  if (!row) return acme.users.director;
  const column = (["DIRECTOR", "ADMIN", "FINANCE", "MGR_IN"] as const).find((c) => row.expect[c] === "ok");
  return { DIRECTOR: acme.users.director, ADMIN: acme.users.admin, FINANCE: acme.users.finance, MGR_IN: acme.users.managerIn }[
    column ?? "DIRECTOR"
  ];
}

describe("fuzzed input through every action", () => {
  it("covers every discovered action", () => {
    expect(discovered.actions.size).toBeGreaterThan(30);
  });

  for (const name of [...discovered.actions.keys()].sort()) {
    it(
      name,
      async () => {
        const action = discovered.actions.get(name)!;
        const row = ROWS.get(name);
        const pub = PUBLIC.get(name);
        const userId = allowedUser(row);
        await fc.assert(
          fc.asyncProperty(mutationPlan, async (plan) => {
            const self = SELF.get(name);
            const base = row ? await row.input(acme, userId) : pub ? await pub.valid(acme) : self ? await self.valid(acme, userId) : {};
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
          // A run that outlives its time stops here, failing the test, rather than going on in the
          // background into the next action's test, where its writes would read as that action's.
          { numRuns: RUNS, seed: seedFor(name), endOnFailure: true, interruptAfterTimeLimit: PROPERTY_MS, markInterruptAsFailure: true },
        );
      },
      PROPERTY_MS + 30_000,
    );
  }
});

// Plan amounts: whatever arrives in `amount`, a line is written only for a decimal string the one
// money parser accepts, and it holds exactly that amount; everything else is a field error on
// `amount` that leaves the cell (and every table) as it was — never 0, never a deleted line.
describe("fuzzed plan cell amounts", () => {
  const AMOUNTS = [
    "",
    " ",
    "0x10",
    "0X1f",
    "1e3",
    "1E-2",
    "Infinity",
    "-Infinity",
    "NaN",
    "12.345",
    "0.001",
    "1,2,3",
    "--5",
    "+-5",
    "5-",
    "1 000",
    "١٢٣",
    "1_000",
    "0b101",
    "0o17",
    ".5",
    "5.",
    "$",
    "()",
    "(5",
    "100000000000.01",
  ];
  const amount = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...AMOUNTS) },
    { weight: 2, arbitrary: hostileValueForAmount() },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.constantFrom(0, 1, 2, 3)).map(([c, d]) => decimal(c, d)),
    },
  );

  it("budgets.cell.set: a line only for a real amount, exactly that amount", async () => {
    const action = discovered.actions.get("budgets.cell.set")!;
    const cell = { orgUnitId: acme.unit.id, category: "TRAVEL", month: "2032-02-01" };
    const find = () =>
      db.budgetLine.findFirst({
        where: { orgId: acme.org.id, orgUnitId: acme.unit.id, category: "TRAVEL", month: new Date("2032-02-01T00:00:00Z") },
      });
    await fc.assert(
      fc.asyncProperty(amount, async (value) => {
        const before = await tableFingerprints();
        const stored = (await find())?.amountCents ?? null;
        const result = await action.run(acme.users.finance, acme.slug, { ...cell, amount: value });
        expectClearFailure(result, `amount ${String(value)}`);
        const expected = typeof value === "string" ? parseMoneyToCents(value) : null;
        if (expected === null) {
          expect(result, `amount ${JSON.stringify(String(value))}`).toMatchObject({ ok: false, code: "VALIDATION" });
          if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(["amount"]);
          expect(await tableFingerprints()).toEqual(before);
          expect((await find())?.amountCents ?? null).toBe(stored);
        } else {
          expect(result.ok, `amount ${JSON.stringify(value)}`).toBe(true);
          expect((await find())?.amountCents).toBe(expected);
        }
      }),
      { numRuns: RUNS * 5, seed: seedFor("budgets.cell.set amount"), endOnFailure: true },
    );
  });
});

/** Cents as a decimal string with `digits` decimals (3 = one too many). */
function decimal(cents: bigint, digits: number): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  if (digits === 0) return `${sign}${abs / 100n}`;
  const frac = (abs % 100n).toString().padStart(2, "0");
  return `${sign}${abs / 100n}.${digits === 1 ? frac[0] : digits === 2 ? frac : `${frac}7`}`;
}

function hostileValueForAmount() {
  return fc.constantFrom<unknown>(null, undefined, [], [1], {}, { amount: "1" }, 0, 16, 1.5, NaN, Infinity, true, 10n, new Date(0));
}
