import path from "node:path";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";

import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import type { PlanLine } from "@/lib/budgets/csv";
import { findHeaderRow, suggestColumns } from "@/lib/imports/ledger-detect";
import { mappedLedgerRows, newTally, planRowMapper } from "@/lib/imports/ledger-file";
import { type LedgerMappingInput, ZLedgerMapping } from "@/lib/imports/ledger-mapping";
import { KIND_PRESETS } from "@/lib/imports/ledger-presets";
import { dateFormatsReading, parseLedgerMonth } from "@/lib/imports/ledger-values";

// A plan file in a budget spreadsheet's shape (public/samples/budget-spreadsheet.csv) read through
// a mapping: month cells in any of the written forms, thousands separators and parentheses, title
// and total rows skipped, every problem named by row and column.

const UNITS = new Set(["ENG-PLAT", "ENG-AUTO"]);
const known = (code: string) => UNITS.has(code.toUpperCase());
const sample = (name: string) => path.resolve(import.meta.dirname, "../../public/samples", name);

const mapping = (over: Partial<LedgerMappingInput> = {}): LedgerMappingInput => ({
  encoding: "utf-8",
  dateFormat: "DMY",
  columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" },
  accounts: [
    { value: "6100 Software Subscriptions", category: "SOFTWARE" },
    { value: "6200 Travel", category: "TRAVEL" },
    { value: "6300 Cloud Hosting", category: "CLOUD" },
    { value: "6400 Contractors", category: "CONTRACTORS" },
    { value: "4000 Consulting Revenue", category: "IGNORE" },
  ],
  costCentres: [
    { value: "Platform", code: "ENG-PLAT" },
    { value: "Autonomy", code: "ENG-AUTO" },
  ],
  ...over,
});

async function run(file: string, input: LedgerMappingInput) {
  const m = ZLedgerMapping.parse(input);
  const tally = newTally();
  const parse = planRowMapper(m, "USD", tally);
  const lines: [number, PlanLine][] = [];
  const errors: [number, string[]][] = [];
  for await (const [row, cells, header] of mappedLedgerRows(file, m, () => {})) {
    const r = parse(cells, header, known);
    if (r === null) continue;
    if (Array.isArray(r)) errors.push([row, r]);
    else lines.push([row, r]);
  }
  return { lines, errors, tally };
}

async function tmpFile(content: string) {
  const file = path.join(tmpdir(), `plan-map-${process.pid}-${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(file, content);
  return file;
}

describe("the budget spreadsheet sample", () => {
  it("finds the header below the title lines and suggests its columns", () => {
    const rows = Papa.parse<string[]>(readFileSync(sample("budget-spreadsheet.csv"), "utf8")).data;
    const at = findHeaderRow(rows, "BUDGET");
    expect(at).toBe(2);
    expect(suggestColumns(rows[at], "BUDGET")).toEqual({
      date: "Period",
      account: "GL account",
      costCentre: "Department",
      amount: "Budget",
    });
    // The preset names the same columns.
    expect(KIND_PRESETS.BUDGET[0].columns).toEqual(suggestColumns(rows[at], "BUDGET"));
  });

  it("reads months and amounts with separators and parentheses, skipping the total row and ignored accounts", async () => {
    const { lines, errors, tally } = await run(sample("budget-spreadsheet.csv"), mapping());
    expect(errors).toEqual([]);
    expect(tally).toMatchObject({ summaryRows: 1, ignoredRows: 1 });
    expect(lines.map(([row, l]) => [row, l.month.toISOString().slice(0, 7), l.code, l.category, l.amountCents])).toEqual([
      [4, "2026-11", "ENG-PLAT", "SOFTWARE", 1_250_000n],
      [5, "2026-11", "ENG-PLAT", "CLOUD", 900_000n],
      [6, "2026-11", "ENG-AUTO", "TRAVEL", 200_000n],
      [8, "2026-12", "ENG-PLAT", "SOFTWARE", 1_250_000n],
      [9, "2026-12", "ENG-PLAT", "CLOUD", -120_000n],
      [10, "2026-12", "ENG-AUTO", "CONTRACTORS", 420_000n],
      [11, "2027-01", "ENG-AUTO", "CONTRACTORS", 420_000n],
    ]);
  });

  it("names the row, column, value seen and what was expected for every bad cell", async () => {
    const file = await tmpFile(
      [
        "Period,Department,GL account,Budget",
        "Nov 2026,Platform,6100 Software Subscriptions,12.500",
        "13/2026,Platform,6200 Travel,100",
        "Nov 2026,Robotics,6999 Snacks,100",
      ].join("\n"),
    );
    const { errors, tally } = await run(file, mapping());
    expect(errors).toEqual([
      [2, ['column "Budget": "12.500" is not an amount like 1,234.56']],
      [3, [expect.stringMatching(/^column "Period": "13\/2026" is not a month like "Nov 2026", "2026-11" or a date in EU/)]],
      [
        4,
        [
          'column "Department": "Robotics" is not mapped to a cost centre (map it or choose Ignore)',
          'column "GL account": "6999 Snacks" is not mapped to a category (map it or choose Ignore)',
        ],
      ],
    ]);
    expect([...tally.unmapped.costCentre!]).toEqual(["Robotics"]);
    expect([...tally.unmapped.account!]).toEqual(["6999 Snacks"]);
  });

  it("reads Keel's own plan template through its preset", async () => {
    const keel = KIND_PRESETS.BUDGET.find((p) => p.id === "keel")!;
    const { lines, errors } = await run(
      sample("keel-plan-template.csv"),
      mapping({
        dateFormat: "YMD",
        columns: keel.columns as LedgerMappingInput["columns"],
        accounts: ["SOFTWARE", "TRAVEL", "CLOUD"].map((c) => ({ value: c, category: c as "SOFTWARE" })),
        costCentres: [],
      }),
    );
    expect(errors).toEqual([]);
    expect(lines.map(([, l]) => [l.code, l.category, l.amountCents])).toEqual([
      ["ENG-PLAT", "SOFTWARE", 1_250_000n],
      ["ENG-AUTO", "TRAVEL", 200_000n],
      ["ENG-PLAT", "CLOUD", -120_000n],
    ]);
  });
});

describe("month cells", () => {
  it.each([
    ["Nov 2026", "MDY", "2026-11"],
    ["November-2026", "DMY", "2026-11"],
    ["2026-11", "MDY", "2026-11"],
    ["2026/03", "DMY", "2026-03"],
    ["11/2026", "YMD", "2026-11"],
    ["11/03/2026", "MDY", "2026-11"],
    ["11/03/2026", "DMY", "2026-03"],
    ["2026-03-01", "YMD", "2026-03"],
    ["1 Mar 2026", "MDY", "2026-03"],
  ] as const)("%s in %s → %s", (cell, format, month) => {
    expect(parseLedgerMonth(cell, format)).toBe(month);
  });

  it.each([["13/2026"], ["Smarch 2026"], ["2026-13"], ["Nov 26"], ["11/03/2026 in YMD"], [""]])("refuses %s", (cell) => {
    expect(parseLedgerMonth(cell, "YMD")).toBeNull();
  });

  it("leaves the format open when a full date reads either way, never guessing", () => {
    expect(dateFormatsReading(["11/03/2026", "Nov 2026"], parseLedgerMonth)).toEqual(["MDY", "DMY"]);
    expect(dateFormatsReading(["31/03/2026"], parseLedgerMonth)).toEqual(["DMY"]);
    expect(dateFormatsReading(["Nov 2026", "2026-12"], parseLedgerMonth)).toEqual(["MDY", "DMY", "YMD"]);
  });
});
