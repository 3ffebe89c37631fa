import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import type { ActionResult } from "@/lib/action-result";
import { importActuals } from "@/lib/budgets/import-actuals";
import { importPlan } from "@/lib/budgets/import-plan";
import { importHiringPlan } from "@/lib/headcount/import-hiring-plan";
import { parseMoneyToCents } from "@/lib/money";
import { uploadCsv } from "@/tests/factories/finance";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";
import { expectClearFailure, fuzzRuns, HOSTILE_STRINGS, seedFor } from "@/tests/support/fuzz";

// Hostile CSV files through the three imports (ledger actuals, budget plan, hiring plan), via
// the real pipeline: headers renamed, reordered, missing, doubled or garbage, a BOM, mixed line
// endings, quoted and half-quoted cells, and cells from the hostile-value list. Properties: the
// import returns (never throws), never INTERNAL, a refusal names the row or the header, nothing
// is written unless the whole file is accepted, and an accepted file writes what it reports.

const db = testDb();
let fx: OrgFx;

beforeAll(async () => {
  await resetDb();
  fx = await createAuthzOrg(db);
});

type Column = { names: string[]; valid: () => string };
// Counters, not Math.random: a seed must replay the same files.
let seq = 0;
const uid = () => `u${(seq++).toString(36)}`;
const nextMonth = () => {
  const n = seq++;
  return `20${30 + (n % 60)}-0${1 + (Math.floor(n / 60) % 9)}`;
};

const ACTUALS: Column[] = [
  { names: ["date", "Date", " DATE "], valid: () => "2026-03-04" },
  { names: ["cost centre code", "Cost center code", "cost_centre_code", "COSTCENTRECODE"], valid: () => fx.unit.code },
  { names: ["category", "Category"], valid: () => "software" },
  { names: ["amount", "Amount"], valid: () => "1,234.56" },
  { names: ["vendor", "Vendor"], valid: () => "Fuzz Vendor" },
  { names: ["memo", "Memo"], valid: () => "licence" },
  { names: ["external reference", "External Reference", "external_reference"], valid: () => `ref-${uid()}` },
];
const PLAN: Column[] = [{ names: ["month", "Month"], valid: nextMonth }, ACTUALS[1], ACTUALS[2], ACTUALS[3]];
const HIRING: Column[] = [
  { names: ["title", "Title"], valid: () => "Engineer" },
  { names: ["level", "Level"], valid: () => "IC3" },
  { names: ["org unit code", "Org unit code", "org_unit_code"], valid: () => fx.unit.code },
  { names: ["target start", "Target start"], valid: () => "2026-05-04" },
  { names: ["annual compensation", "Annual compensation"], valid: () => "150,000" },
];

const cellValue = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string | null>(null) }, // null = a valid value
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 10_000)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
);
const quoting = fc.constantFrom("raw", "raw", "quoted", "half-quoted");
const lineEnd = fc.constantFrom<string>("\n", "\r\n", "\r");

function csvArb(columns: Column[]) {
  // A quarter of the files are well-formed (valid cells, right header) so that the accepted
  // path is exercised too — still with a BOM, quoting and mixed line endings.
  const cleanRow = fc.array(fc.record({ value: fc.constant<string | null>(null), quote: fc.constantFrom("raw", "quoted") }), {
    minLength: columns.length,
    maxLength: columns.length,
  });
  const clean = fc.record({
    header: fc.record({
      kind: fc.constant("ok" as const),
      order: fc.shuffledSubarray(
        columns.map((_, i) => i),
        { minLength: columns.length, maxLength: columns.length },
      ),
      spelling: fc.nat(),
    }),
    bom: fc.boolean(),
    rows: fc.array(cleanRow, { minLength: 1, maxLength: 5 }),
    endings: fc.oneof(
      fc.array(lineEnd, { minLength: 8, maxLength: 8 }),
      lineEnd.map((e) => Array(8).fill(e) as string[]),
    ),
    blankLines: fc.boolean(),
    trailingNewline: fc.boolean(),
  });
  return fc.oneof({ weight: 1, arbitrary: clean }, { weight: 3, arbitrary: hostile(columns) });
}

function hostile(columns: Column[]) {
  return fc.record({
    header: fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant("ok" as const),
          order: fc.shuffledSubarray(
            columns.map((_, i) => i),
            { minLength: columns.length, maxLength: columns.length },
          ),
          spelling: fc.nat(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("missing" as const),
          order: fc.shuffledSubarray(
            columns.map((_, i) => i),
            { minLength: 0, maxLength: columns.length - 1 },
          ),
          spelling: fc.nat(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constantFrom("extra" as const, "doubled" as const, "garbage" as const),
          order: fc.constant(columns.map((_, i) => i)),
          spelling: fc.nat(),
        }),
      },
    ),
    bom: fc.boolean(),
    rows: fc.array(
      fc.array(fc.record({ value: cellValue, quote: quoting }), { minLength: columns.length - 1, maxLength: columns.length + 1 }),
      { maxLength: 5 },
    ),
    endings: fc.array(lineEnd, { minLength: 8, maxLength: 8 }),
    blankLines: fc.boolean(),
    trailingNewline: fc.boolean(),
  });
}

type CsvSpec = ReturnType<typeof hostile> extends fc.Arbitrary<infer T> ? T : never;

function renderCsv(columns: Column[], spec: CsvSpec): string {
  const order = spec.header.order;
  const headerCells = order.map((i) => columns[i].names[spec.header.spelling % columns[i].names.length]);
  if (spec.header.kind === "extra") headerCells.push("notes");
  if (spec.header.kind === "doubled") headerCells.push(headerCells[0]);
  const header = spec.header.kind === "garbage" ? "x;y;z" : headerCells.join(",");
  const quote = (v: string, how: string) => (how === "quoted" ? `"${v.replace(/"/g, '""')}"` : how === "half-quoted" ? `"${v}` : v);
  const lines = [header];
  for (const row of spec.rows) {
    lines.push(row.map((c, i) => quote(c.value ?? columns[order[i % Math.max(order.length, 1)] ?? 0].valid(), c.quote)).join(","));
    if (spec.blankLines) lines.push("");
  }
  let text = lines.map((l, i) => l + (i < lines.length - 1 || spec.trailingNewline ? spec.endings[i % spec.endings.length] : "")).join("");
  if (spec.bom) text = `\uFEFF${text}`;
  return text;
}

/** A refusal of a file names a row, the header or the file's emptiness. */
function expectFileFailure(result: ActionResult<unknown>, where: string) {
  expectClearFailure(result, where);
  if (result.ok || result.code !== "VALIDATION") return;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (field !== "file") continue;
    for (const m of messages) expect(m, where).toMatch(/^Row \d+:|column|header|no (data )?rows|At most \d+ rows|…and \d+ more/i);
  }
}

const IMPORTS = [
  {
    name: "actuals.import",
    columns: ACTUALS,
    run: async (text: string) => importActuals.run(fx.users.finance, fx.slug, { uploadId: await uploadCsv(text), fileName: "ledger.csv" }),
    table: "actualEntry" as const,
  },
  {
    name: "budgets.import",
    columns: PLAN,
    run: async (text: string) => importPlan.run(fx.users.finance, fx.slug, { uploadId: await uploadCsv(text), fileName: "plan.csv" }),
    table: "budgetLine" as const,
  },
  {
    name: "hiring-plan.import",
    columns: HIRING,
    run: async (text: string) => importHiringPlan.run(fx.users.director, fx.slug, { csv: text, fileName: "hiring.csv" }),
    table: "position" as const,
  },
];

describe("fuzzed CSV imports", () => {
  for (const imp of IMPORTS) {
    it(`${imp.name}: never internal, never partial, always says which row`, async () => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(csvArb(imp.columns), async (spec) => {
          const text = renderCsv(imp.columns, spec);
          const before = await tableFingerprints();
          const countBefore = await (db[imp.table] as { count: (a: object) => Promise<number> }).count({ where: { orgId: fx.org.id } });
          const result = await imp.run(text);
          const where = `${imp.name} ${JSON.stringify(text.slice(0, 300))}: ${JSON.stringify(result).slice(0, 400)}`;
          expectFileFailure(result, where);
          if (!result.ok) {
            expect(await tableFingerprints(), `${where}: a refused import changed rows`).toEqual(before);
            return;
          }
          accepted++;
          const data = result.data as { insertedCount?: number; created?: number; rowCount?: number };
          // Every data line written is one row of the import: none merged into another, none dropped.
          expect(data.rowCount ?? data.created, `${where}: rows accepted ≠ rows in the file`).toBe(spec.rows.length);
          const countAfter = await (db[imp.table] as { count: (a: object) => Promise<number> }).count({ where: { orgId: fx.org.id } });
          // Plan lines replace the same cell, so they may grow by less than they report.
          if (imp.table === "budgetLine") expect(countAfter - countBefore, where).toBeLessThanOrEqual(data.insertedCount!);
          else expect(countAfter - countBefore, where).toBe(data.insertedCount ?? data.created);
        }),
        { numRuns: fuzzRuns(40), seed: seedFor(imp.name), endOnFailure: true },
      );
      // The generator must also produce acceptable files, or the "nothing partial" property is vacuous.
      expect(accepted).toBeGreaterThan(0);
    });
  }
});

describe("CSV shapes found by fuzzing", () => {
  // A lone "\r" in a "\r\n" file made papaparse glue two lines into one row whose surplus cells
  // were dropped: the file imported "successfully" with a row missing.
  it.each(IMPORTS)("$name refuses a row with more cells than the header instead of dropping them", async (imp) => {
    const header = imp.columns.map((c) => c.names[0]).join(",");
    const line = () => imp.columns.map((c) => c.valid()).join(",");
    const before = await tableFingerprints();
    for (const text of [`${header}\r\n${line()}\r${line()}\r\n`, `${header}\n${line()},surplus\n`]) {
      const result = await imp.run(text);
      expect(result, text).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!result.ok) expect(result.fieldErrors?.file?.[0]).toMatch(/^Row 2: .*more cells than the header/);
    }
    expect(await tableFingerprints()).toEqual(before);
  });

  // Papaparse renames a second "amount" column to "amount_1"; the import used the first and
  // silently ignored the other.
  it.each(IMPORTS)("$name refuses a header that names a column twice", async (imp) => {
    const header = [...imp.columns.map((c) => c.names[0]), imp.columns[imp.columns.length - 1].names[0]].join(",");
    const line = [...imp.columns.map((c) => c.valid()), imp.columns[imp.columns.length - 1].valid()].join(",");
    const before = await tableFingerprints();
    const result = await imp.run(`${header}\n${line}\n`);
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!result.ok) expect(result.fieldErrors?.file?.[0]).toMatch(/twice/);
    expect(await tableFingerprints()).toEqual(before);
  });

  it.each(IMPORTS)("$name refuses a NUL character naming the row (or the field) and writes nothing", async (imp) => {
    const header = imp.columns.map((c) => c.names[0]).join(",");
    const cells = imp.columns.map((c) => c.valid());
    cells[0] = `${cells[0]}\u0000`;
    const before = await tableFingerprints();
    const result = await imp.run(`${header}\n${cells.join(",")}\n`);
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!result.ok) expect(JSON.stringify(result.fieldErrors)).toMatch(/Row 2: .*NUL|"csv":\["Contains a character that cannot be saved/);
    expect(await tableFingerprints()).toEqual(before);
  });
});

// The amount cell of both money imports: whatever a person or a spreadsheet writes there, a row
// is accepted only when the one money parser reads an amount from it, and it is stored exactly;
// otherwise the file is refused naming the row and the column, and nothing is written.
describe("fuzzed amount cells", () => {
  const amounts = fc.oneof(
    fc.constantFrom(
      "",
      " ",
      "0x10",
      "1e3",
      "Infinity",
      "-Infinity",
      "NaN",
      "12.345",
      "1,2,3",
      "--5",
      ".5",
      "5.",
      "$",
      "(5",
      "1_000",
      "100000000000.01",
      "0",
      "-0.01",
      "(80.00)",
      "$1,234.5",
    ),
    fc.string({ maxLength: 12 }).filter((s) => !/[",\r\n]/.test(s)),
  );
  it.each(IMPORTS.filter((i) => i.name !== "hiring-plan.import"))("$name: an amount cell is an amount or the row's error", async (imp) => {
    await fc.assert(
      fc.asyncProperty(amounts, async (amount) => {
        const header = imp.columns.map((c) => c.names[0]).join(",");
        const cells = imp.columns.map((c) => c.valid());
        const at = imp.columns.findIndex((c) => c.names[0] === "amount");
        cells[at] = `"${amount}"`;
        const before = await tableFingerprints();
        const result = await imp.run(`${header}\n${cells.join(",")}\n`);
        const expected = parseMoneyToCents(amount);
        if (expected === null) {
          expect(result, JSON.stringify(amount)).toMatchObject({ ok: false, code: "VALIDATION" });
          if (!result.ok) expect(result.fieldErrors?.file?.[0]).toMatch(/^Row 2: .*amount ".*" is not an amount like 1234\.56/);
          expect(await tableFingerprints()).toEqual(before);
        } else {
          expect(result.ok, JSON.stringify({ amount, result })).toBe(true);
        }
      }),
      { numRuns: fuzzRuns(30), seed: seedFor(`${imp.name} amount`), endOnFailure: true },
    );
  });
});
