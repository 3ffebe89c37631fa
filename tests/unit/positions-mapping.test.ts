import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import type { HiringPlanRow } from "@/lib/headcount/import-hiring-plan";
import { findHeaderRow, suggestColumns } from "@/lib/imports/ledger-detect";
import { mappedLedgerRows, newTally, positionRowMapper } from "@/lib/imports/ledger-file";
import { type LedgerMappingInput, ZLedgerMapping, ZPositionsMapping } from "@/lib/imports/ledger-mapping";
import { KIND_PRESETS } from "@/lib/imports/ledger-presets";

// A recruiting spreadsheet (public/samples/recruiting-plan.csv) read through a positions mapping:
// the header below title lines, dates in the chosen format, salaries with separators, teams
// mapped onto org units, problems named by row and column.

const UNITS = new Set(["ENG-PLAT", "ENG-AUTO"]);
const known = (code: string) => UNITS.has(code.toUpperCase());
const sample = (name: string) => path.resolve(import.meta.dirname, "../../public/samples", name);

const mapping = (over: Partial<LedgerMappingInput> = {}): LedgerMappingInput => ({
  encoding: "utf-8",
  dateFormat: "MDY",
  columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
  accounts: [],
  costCentres: [
    { value: "Platform", code: "ENG-PLAT" },
    { value: "Autonomy", code: "ENG-AUTO" },
  ],
  ...over,
});

async function run(file: string, input: LedgerMappingInput) {
  const m = ZPositionsMapping.parse(input);
  const parse = positionRowMapper(m, "USD", newTally());
  const rows: [number, HiringPlanRow | string[]][] = [];
  for await (const [row, cells, header] of mappedLedgerRows(file, m, () => {})) {
    const r = parse(cells, header, known);
    if (r !== null) rows.push([row, r]);
  }
  return rows;
}

describe("the recruiting plan sample", () => {
  it("finds the header and suggests the preset's columns", () => {
    const rows = Papa.parse<string[]>(readFileSync(sample("recruiting-plan.csv"), "utf8")).data;
    const at = findHeaderRow(rows, "HIRING_PLAN");
    expect(at).toBe(2);
    expect(suggestColumns(rows[at], "HIRING_PLAN")).toEqual(KIND_PRESETS.HIRING_PLAN[0].columns);
  });

  it("reads each planned hire as Keel's layout writes it, skipping the total row", async () => {
    expect(await run(sample("recruiting-plan.csv"), mapping())).toEqual([
      [
        4,
        { title: "Senior Platform Engineer", level: "IC4", code: "ENG-PLAT", targetStart: "2027-01-11", annualCompensation: "172000.00" },
      ],
      [5, { title: "Robotics Engineer", level: "IC3", code: "ENG-AUTO", targetStart: "2027-02-01", annualCompensation: "148500.00" }],
      [6, { title: "Perception Engineer", level: "IC3", code: "ENG-AUTO", targetStart: "2027-03-15", annualCompensation: "151000.00" }],
    ]);
  });

  it("names the row, column and value of a date in another format and an unmapped team", async () => {
    const file = path.join(tmpdir(), `pos-map-${process.pid}.csv`);
    await writeFile(file, "Role,Level,Team,Start date,Salary\nEngineer,IC3,Robotics,15/03/2027,100000\n");
    expect(await run(file, mapping())).toEqual([
      [
        2,
        [
          'column "Team": "Robotics" is not mapped to a cost centre (map it or choose Ignore)',
          'column "Start date": "15/03/2027" is not a date in US (MM/DD/YYYY)',
        ],
      ],
    ]);
  });

  it("needs title, level and compensation columns, and no account; a ledger mapping needs an account", () => {
    const r = ZPositionsMapping.safeParse(mapping({ columns: { date: "Start date", costCentre: "Team" } }));
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(["Choose the title column.", "Choose the level column.", "Choose the annual compensation column."]),
    );
    expect(ZLedgerMapping.safeParse(mapping()).error?.issues.map((i) => i.message)).toContain("Choose the account column.");
  });
});
