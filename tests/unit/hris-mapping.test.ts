import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { closestSaved } from "@/components/imports/ledger-sample";
import { readHrisBytes, suggestCostCentre } from "@/components/teams/hris-file";
import { suggestHrisColumns, ZHrisMapping } from "@/lib/people/hris/mapping";
import { hrisHeader, parseHrisCsv } from "@/lib/people/hris/parse";

const sample = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../public/samples", name), "utf8");
const OTHER = sample("hris-other-export.csv");
const headerOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)[0]
    .split(",");

describe("HRIS column mapping", () => {
  it("suggests another HRIS's columns from their names; a lone preferred name is the full name", () => {
    expect(suggestHrisColumns(headerOf(OTHER))).toEqual({
      employeeId: "Employee Number",
      name: "Preferred Name",
      email: "Email Address",
      title: "Job Title",
      department: "Dept",
      supervisorEmail: "Manager Email",
      hireDate: "Start Date",
      terminationDate: "Leaving Date",
    });
  });

  it("the BambooHR and Workday samples are suggested as their presets read them", () => {
    for (const [file, format] of [
      ["hris-bamboohr-directory.csv", "us"],
      ["hris-workday-report.csv", "iso"],
    ] as const) {
      const csv = sample(file);
      const preset = parseHrisCsv(csv, format, "USD");
      expect(preset.errors).toEqual([]);
      const mapped = parseHrisCsv(csv, format, "USD", suggestHrisColumns(headerOf(csv)));
      expect(mapped.shape).toBe("mapped");
      expect(mapped.rows).toEqual(preset.rows);
    }
  });

  it("reads a mapped file in the date format chosen, and names each bad cell by row and column", () => {
    const columns = suggestHrisColumns(headerOf(OTHER));
    const eu = parseHrisCsv(OTHER, "eu", "USD", columns);
    expect(eu.errors).toEqual([]);
    expect(eu.ignored).toEqual(["Home Address", "Date of Birth"]);
    expect(eu.rows.map((r) => [r.employeeId, r.name, r.hireDate, r.terminationDate])).toEqual([
      ["E-101", "Ada Lovelace", "2021-03-01", null],
      ["E-102", "Grace Hopper", "2022-07-15", null],
      ["E-103", "John Smith", "2026-11-03", null],
      ["E-104", "Alan Turing", "2023-02-01", "2026-12-31"],
    ]);
    expect(parseHrisCsv(OTHER, "us", "USD", columns).errors).toEqual([
      'Row 3: Start Date "15/07/2022" is not a MM/DD/YYYY date (the format chosen)',
      'Row 5: Leaving Date "31/12/2026" is not a MM/DD/YYYY date (the format chosen)',
    ]);
  });

  it("a mapping naming columns the file lacks says the file has another shape", () => {
    const file = parseHrisCsv(OTHER, "eu", "USD", { ...suggestHrisColumns(headerOf(OTHER)), department: "Department" });
    expect(file.rows).toEqual([]);
    expect(file.errors).toEqual([
      'The file has no column "Department" (department) that the mapping names: it has another shape. Map this file\'s columns again.',
    ]);
  });

  it("refuses one column mapped to two fields", () => {
    const r = ZHrisMapping.safeParse({ columns: { employeeId: "ID", name: "id" }, departments: [] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["columns.name", 'Column "id" is already mapped to employee id.'],
    ]);
  });

  it("a file starting with blank lines has the same header in the browser and on the server", () => {
    const text = "\uFEFF\n ,\nStaff ID, Full Name ,Salary\n7,Ada Lovelace,90000\n";
    const inBrowser = readHrisBytes("x.csv", new TextEncoder().encode(text));
    expect(inBrowser.header).toEqual(["Staff ID", "Full Name", "Salary"]);
    expect(hrisHeader(text)).toEqual(inBrowser.header);
    expect(inBrowser.rows).toEqual([["7", "Ada Lovelace", "90000"]]);
  });

  it("offers the saved mapping with the largest share of its columns in the file, at least half", () => {
    const m = (columns: Record<string, string>) => ({ signature: "", mapping: { columns } });
    const small = m({ a: "A", b: "B", c: "C", d: "Gone" });
    const large = m({ a: "A", b: "B", c: "C", d: "D", e: "E", f: "F", g: "G", h: "H", x: "Gone", y: "Lost" });
    const half = m({ a: "A", x: "Gone" });
    const header = ["A", "B", "C", "D", "E", "F", "G", "H"];
    expect(closestSaved([small, half, large], header)).toEqual({ m: large, missing: ["Gone", "Lost"] });
    expect(closestSaved([half], header)).toEqual({ m: half, missing: ["Gone"] });
    expect(closestSaved([m({ a: "Gone", b: "Lost" }), m({})], header)).toBeUndefined();
  });

  it("decodes UTF-8 with or without a BOM and Windows-1252, to the same text", () => {
    const text = "Employee Number,Preferred Name\nE-1,Zoë Müller\n";
    const utf8 = new TextEncoder().encode(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const cp1252 = new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    for (const bytes of [utf8, bom, cp1252]) {
      const s = readHrisBytes("f.csv", bytes);
      expect(s.header).toEqual(["Employee Number", "Preferred Name"]);
      expect(s.rows[0][1]).toBe("Zoë Müller");
      expect(s.signature).toBe("employeenumber|preferredname");
    }
    expect(readHrisBytes("f.csv", cp1252).encoding).toBe("windows-1252");
    expect(readHrisBytes("f.csv", bom).encoding).toBe("utf-8");
  });

  it("suggests a department's cost centre by code, else by a name only one unit has", () => {
    const units = [
      { code: "ENG", name: "Engineering" },
      { code: "DES", name: "Design" },
      { code: "DES2", name: "Design" },
    ];
    expect(suggestCostCentre("eng", units)).toBe("ENG");
    expect(suggestCostCentre("Engineering", units)).toBe("ENG");
    expect(suggestCostCentre("Design", units)).toBe("");
    expect(suggestCostCentre("Sales", units)).toBe("");
  });
});
