import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import type { ActualsLine } from "@/lib/budgets/csv";
import { AppError } from "@/lib/errors";
import { dateFormatsReading, parseLedgerAmount, parseLedgerDate } from "@/lib/imports/ledger-values";
import { findHeaderRow, suggestCategory, suggestColumns, suggestCostCentre } from "@/lib/imports/ledger-detect";
import { ledgerRowMapper, mappedLedgerRows, type MappingTally } from "@/lib/imports/ledger-file";
import { type LedgerMappingInput, ZLedgerMapping } from "@/lib/imports/ledger-mapping";
import { LEDGER_PRESETS } from "@/lib/imports/ledger-presets";
import { newUnitFrom, ZUnitCode } from "@/lib/org/schemas";

// The mapping layer on files in each system's documented shape (public/samples/, the same files
// the wizard offers for download): header found below title lines, totals and headings skipped,
// debit/credit or signed amounts, dates in the chosen format, values mapped, problems named by
// row and column.

const UNITS = new Set(["ENG", "ENG-PLAT", "ENG-AUTO"]);
const known = (code: string) => UNITS.has(code.toUpperCase());
const sample = (name: string) => path.resolve(import.meta.dirname, "../../public/samples", name);

async function tmpFile(content: string | Buffer) {
  const file = path.join(tmpdir(), `ledger-map-${process.pid}-${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(file, content);
  return file;
}

type Out = { lines: [number, ActualsLine][]; errors: [number, string[]][]; tally: MappingTally; header: string[] };

async function run(file: string, input: LedgerMappingInput, currency = "USD"): Promise<Out> {
  const mapping = ZLedgerMapping.parse(input);
  const tally: MappingTally = { summaryRows: 0, ignoredRows: 0, unmapped: {} };
  const parse = ledgerRowMapper(mapping, currency, tally);
  const out: Out = { lines: [], errors: [], tally, header: [] };
  for await (const [row, cells, header] of mappedLedgerRows(file, mapping, (h) => (out.header = h))) {
    const r = parse(cells, header, known);
    if (r === null) continue;
    if (Array.isArray(r)) out.errors.push([row, r]);
    else out.lines.push([row, r]);
  }
  return out;
}

const qbo: LedgerMappingInput = {
  encoding: "utf-8",
  dateFormat: "MDY",
  columns: { date: "Date", account: "Account", costCentre: "Department", memo: "Memo", debit: "Debit", credit: "Credit" },
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
    { value: "Engineering", code: "ENG" },
  ],
};

const cents = (o: Out) => o.lines.map(([, l]) => l.amountCents);

describe("QuickBooks Online GL detail (the file from issue 25)", () => {
  it("finds the header below the two title lines, skips the total line and imports debits less credits", async () => {
    const out = await run(sample("quickbooks-gl-detail.csv"), qbo);
    expect(out.errors).toEqual([]);
    expect(out.header).toEqual(["Date", "Account", "Department", "Memo", "Debit", "Credit"]);
    expect(out.lines.map(([row]) => row)).toEqual([4, 5, 6, 7, 8]);
    expect(cents(out)).toEqual([1_245_000n, 182_040n, -45_000n, 893_117n, 420_000n]);
    expect(out.lines[0][1]).toMatchObject({ code: "ENG-PLAT", category: "SOFTWARE", memo: "GitHub Enterprise annual" });
    expect(out.lines[0][1].bookedOn.toISOString().slice(0, 10)).toBe("2026-11-03");
    expect(out.tally).toMatchObject({ summaryRows: 1, ignoredRows: 1 });
  });

  it("reads the same file as EU dates only when told so: 11/03 is then the 11th of March", async () => {
    const out = await run(sample("quickbooks-gl-detail.csv"), { ...qbo, dateFormat: "DMY" });
    expect(out.lines[0][1].bookedOn.toISOString().slice(0, 10)).toBe("2026-03-11");
    // 11/15/2026 has no 15th month: refused with row, column, value and the format expected.
    expect(out.errors).toContainEqual([7, ['column "Date": "11/15/2026" is not a date in EU (DD/MM/YYYY)']]);
  });

  it("names the row, column and value of every unmapped account and department", async () => {
    const out = await run(sample("quickbooks-gl-detail.csv"), {
      ...qbo,
      accounts: qbo.accounts.filter((a) => a.value !== "6200 Travel"),
      costCentres: qbo.costCentres.filter((c) => c.value !== "Platform"),
    });
    expect(out.errors).toContainEqual([5, ['column "Account": "6200 Travel" is not mapped to a category (map it or choose Ignore)']]);
    expect(out.errors).toContainEqual([4, ['column "Department": "Platform" is not mapped to a cost centre (map it or choose Ignore)']]);
    expect([...(out.tally.unmapped.account ?? [])]).toEqual(["6200 Travel"]);
    expect([...(out.tally.unmapped.costCentre ?? [])]).toEqual(["Platform"]);
  });

  it("refuses a file whose header does not have the mapping's columns, naming them", async () => {
    const file = await tmpFile("Report\nDate,Account,Dept,Memo,Amount\n11/03/2026,6200 Travel,Platform,x,10.00\n");
    const err = await run(file, qbo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fieldErrors?.mapping?.[0]).toContain('"Department", "Debit", "Credit"');
  });

  it("refuses two lines glued by a lone carriage return, and a line cut short, instead of dropping cells", async () => {
    const line = '"11/05/2026","6200 Travel","Autonomy","Flights","1,820.40",""';
    const file = await tmpFile(
      `Title\r\n"Date","Account","Department","Memo","Debit","Credit"\r\n${line}\r${line}\r\n${line}\r\n"11/06/2026","6200 Travel"\r\n`,
    );
    const out = await run(file, qbo);
    expect(out.errors).toEqual([
      [3, ["has more cells than the header (a comma or a line break outside quotes?)"]],
      [5, ["has 2 of the header's 6 cells (is the file cut off?)"]],
    ]);
    expect(out.lines.map(([row]) => row)).toEqual([4]);
  });

  it("suggests its columns, accounts and departments from the header and values", () => {
    const rows = Papa.parse<string[]>(readFileSync(sample("quickbooks-gl-detail.csv"), "utf8")).data;
    const at = findHeaderRow(rows);
    expect(at).toBe(2);
    expect(suggestColumns(rows[at])).toEqual(LEDGER_PRESETS[0].columns);
    expect(suggestCategory("6100 Software Subscriptions")).toBe("SOFTWARE");
    expect(suggestCategory("4000 Consulting Revenue")).toBeNull();
    expect(suggestCostCentre("Engineering : Platform", [{ code: "ENG-PLAT", name: "Platform" }])).toBe("ENG-PLAT");
    expect(dateFormatsReading(rows.slice(at + 1).map((r) => r[0] ?? ""))).toEqual(["MDY"]);
    expect(dateFormatsReading(["11/03/2026", "01/02/2026"])).toEqual(["MDY", "DMY"]);
  });
});

describe("Xero Account Transactions", () => {
  const xero: LedgerMappingInput = {
    encoding: "utf-8",
    dateFormat: "DMY",
    columns: LEDGER_PRESETS[1].columns as LedgerMappingInput["columns"],
    accounts: [
      { value: "Software Subscriptions", category: "SOFTWARE" },
      { value: "Travel - National", category: "TRAVEL" },
    ],
    costCentres: [
      { value: "Platform", code: "ENG-PLAT" },
      { value: "Autonomy", code: "ENG-AUTO" },
    ],
  };
  it("skips the title block, account headings and totals; reads month-name dates and contacts", async () => {
    const out = await run(sample("xero-account-transactions.csv"), xero);
    expect(out.errors).toEqual([]);
    expect(cents(out)).toEqual([120_000n, -24_000n, 31_250n]);
    expect(out.lines[2][1]).toMatchObject({ vendor: "Rail Europe", code: "ENG-AUTO", category: "TRAVEL" });
    expect(out.lines[2][1].bookedOn.toISOString().slice(0, 10)).toBe("2026-11-06");
    expect(out.tally.summaryRows).toBe(5);
  });
});

describe("NetSuite GL saved search", () => {
  const ns: LedgerMappingInput = {
    encoding: "utf-8",
    dateFormat: "MDY",
    columns: LEDGER_PRESETS[2].columns as LedgerMappingInput["columns"],
    accounts: [
      { value: "6300 Cloud Hosting", category: "CLOUD" },
      { value: "6200 Travel", category: "TRAVEL" },
      { value: "6500 Training", category: "TRAINING" },
    ],
    costCentres: [
      { value: "Engineering : Platform", code: "ENG-PLAT" },
      { value: "Engineering : Autonomy", code: "ENG-AUTO" },
    ],
  };
  it("refuses the EUR row with its row number until a rate is given", async () => {
    const out = await run(sample("netsuite-gl-saved-search.csv"), ns);
    expect(out.errors).toEqual([[3, ['column "Currency": "EUR" is not USD (the organization\'s currency) and no rate for it was given']]]);
  });
  it("converts at the given rate, reads parentheses as negative and takes the document number as reference", async () => {
    const out = await run(sample("netsuite-gl-saved-search.csv"), { ...ns, rates: [{ currency: "eur", rate: "1.0825" }] });
    expect(out.errors).toEqual([]);
    expect(cents(out)).toEqual([820_000n, 135_312n, -30_000n, 240_000n]);
    expect(out.lines[0][1].externalRef).toMatch(/^BILL-1043\//);
    expect(out.lines[0][1].vendor).toBe("Datadog Inc");
  });
});

describe("Keel's own template through the mapping", () => {
  it("maps category names onto themselves and cost centre codes need no mapping", async () => {
    const out = await run(sample("keel-actuals-template.csv"), {
      encoding: "utf-8",
      dateFormat: "YMD",
      columns: LEDGER_PRESETS[3].columns as LedgerMappingInput["columns"],
      accounts: [
        { value: "SOFTWARE", category: "SOFTWARE" },
        { value: "TRAVEL", category: "TRAVEL" },
      ],
      costCentres: [],
    });
    expect(out.errors).toEqual([]);
    expect(cents(out)).toEqual([1_245_000n, 182_040n]);
  });
});

describe("encodings", () => {
  const text =
    'Date,Account,Department,Memo,Amount\n03/11/2026,6200 Travel,Platform,Caf\u00e9 \u20ac r\u00e9union,"\u00a0\u20ac1.234,50"\n';
  const m: LedgerMappingInput = {
    encoding: "utf-8",
    dateFormat: "DMY",
    decimalMark: ",",
    columns: { date: "Date", account: "Account", costCentre: "Department", memo: "Memo", amount: "Amount" },
    accounts: [{ value: "6200 travel", category: "TRAVEL" }],
    costCentres: [{ value: "platform", code: "ENG-PLAT" }],
  };
  it("reads UTF-8 with and without a BOM, and Windows-1252, to the same lines", async () => {
    const plain = await run(await tmpFile(text), m);
    const bom = await run(await tmpFile(`\uFEFF${text}`), m);
    const cp1252 = Buffer.from(text.replace("\u20ac", "\x80").replace("\u20ac", "\x80"), "latin1");
    const win = await run(await tmpFile(cp1252), { ...m, encoding: "windows-1252" });
    for (const out of [plain, bom, win]) {
      expect(out.errors).toEqual([]);
      expect(out.lines[0][1]).toMatchObject({ memo: "Caf\u00e9 \u20ac r\u00e9union", amountCents: 123_450n });
    }
  });
  it("refuses Windows-1252 bytes read as UTF-8 instead of garbling them", async () => {
    const cp1252 = Buffer.from(text.replace(/\u20ac/g, "\x80"), "latin1");
    const err = await run(await tmpFile(cp1252), m).catch((e: unknown) => e);
    expect((err as AppError).fieldErrors?.encoding?.[0]).toMatch(/not UTF-8.*Windows-1252/);
  });
});

describe("cell values", () => {
  it.each([
    ["12,450.00", ".", 1_245_000n],
    ["(1,234.56)", ".", -123_456n],
    ["1.234,56", ",", 123_456n],
    ["1 234,56", ",", 123_456n],
    ["$1,000.00 CR", ".", -100_000n],
    ["250.00-", ".", -25_000n],
    ["USD 99.5", ".", 9_950n],
  ] as const)("%s (decimal mark %s) is %s cents", (cell, mark, want) => {
    expect(parseLedgerAmount(cell, mark)).toBe(want);
  });
  it.each(["12.450.00", "1,23.00", "abc", "1e3", "12,450.001"])("%s is not an amount", (cell) => {
    expect(parseLedgerAmount(cell, ".")).toBeNull();
  });
  it("reads dates only in the chosen format, month names in any", () => {
    expect(parseLedgerDate("11/03/2026", "MDY")).toBe("2026-11-03");
    expect(parseLedgerDate("11/03/2026", "DMY")).toBe("2026-03-11");
    expect(parseLedgerDate("2026-11-03", "MDY")).toBeNull();
    expect(parseLedgerDate("02/30/2026", "MDY")).toBeNull();
    expect(parseLedgerDate("3 Nov 2026", "MDY")).toBe("2026-11-03");
    expect(parseLedgerDate("Nov 3, 2026", "DMY")).toBe("2026-11-03");
    expect(parseLedgerDate("11/3/2026 12:00:00 AM", "MDY")).toBe("2026-11-03");
  });
  it("refuses a mapping without a date format, or with both amount and debit columns", () => {
    const { dateFormat: _, ...noFormat } = qbo;
    expect(ZLedgerMapping.safeParse(noFormat).error?.issues[0].message).toMatch(/Choose how the file writes dates/);
    const both = ZLedgerMapping.safeParse({ ...qbo, columns: { ...qbo.columns, amount: "Memo" } });
    expect(both.error?.issues.map((i) => i.message)).toContain("Choose either a signed amount column or debit/credit columns, not both.");
  });
});

describe("new units for department values", () => {
  it("makes a name and a code the org tree accepts from what a file calls a department", () => {
    const cases: [string, { name: string; code: string }][] = [
      ["R&D", { name: "R&D", code: "R-D" }],
      ["Café Ops", { name: "Café Ops", code: "CAFE-OPS" }],
      ["Engineering : Platform", { name: "Platform", code: "PLATFORM" }],
      ["  -- Sales & Marketing (EMEA) --", { name: "-- Sales & Marketing (EMEA) --", code: "SALES-MARKETING-EMEA" }],
      ["Dept. 4.", { name: "Dept. 4.", code: "DEPT-4" }],
      ["x".repeat(40), { name: "x".repeat(40), code: "X".repeat(32) }],
      ["X", { name: "X", code: "" }],
      ["日本", { name: "日本", code: "" }],
    ];
    for (const [value, expected] of cases) {
      const made = newUnitFrom(value);
      expect(made, value).toEqual(expected);
      if (made.code) expect(ZUnitCode.safeParse(made.code).success, value).toBe(true);
    }
  });

  it("checks a new unit's parent, name and code by the org tree's rules, naming the value", () => {
    const create = (value: string, code: string, c: { parentId?: string; name?: string }) => ({
      value,
      code,
      create: { parentId: c.parentId ?? "unit-1", name: c.name ?? value },
    });
    const parsed = ZLedgerMapping.safeParse({
      ...qbo,
      costCentres: [
        create("R&D", "R-D", { parentId: "" }),
        create("Ops", "O", { name: "O" }),
        create("R & D", "r-d", {}),
        { value: "Platform", code: "" },
      ],
    });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      'New unit for "R&D": choose the unit it goes under.',
      'New unit for "Ops": enter a name of at least 2 characters.',
      'New unit for "Ops": enter a cost-centre code of at least 2 characters.',
      'New unit for "R & D": the code r-d is already the new unit for "R&D"; map this value to it instead.',
      'Choose a cost centre for "Platform".',
    ]);
    const ok = ZLedgerMapping.parse({ ...qbo, costCentres: [create("R&D", "R-D", {}), { value: "R & D", code: "R-D" }] });
    expect(ok.costCentres[0].create).toEqual({ parentId: "unit-1", name: "R&D", kind: "TEAM" });
  });
});
