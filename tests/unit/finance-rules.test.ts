import { describe, expect, it } from "vitest";

import { CsvHeader, parseActualsRecord, parseCategory, parseIsoDate, parseMonth } from "@/lib/budgets/csv";
import { resolvePeriod } from "@/lib/budgets/period";
import { toCsv } from "@/lib/csv-write";
import { toDateString } from "@/lib/fiscal";

describe("strict ISO dates", () => {
  it.each(["2026-02-28", "2024-02-29", "2026-12-31", "2026-01-01"])("accepts %s", (s) => expect(toDateString(parseIsoDate(s)!)).toBe(s));
  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-05", "05/03/2026", "2026-03-01T00:00", "", "20260301"])(
    "refuses %j",
    (s) => expect(parseIsoDate(s)).toBeNull(),
  );
  it("months", () => {
    expect(toDateString(parseMonth("2026-03")!)).toBe("2026-03-01");
    expect(toDateString(parseMonth("2026-03-01")!)).toBe("2026-03-01");
    expect(parseMonth("2026-03-15")).toBeNull();
    expect(parseMonth("2026-13")).toBeNull();
  });
  it("categories are case-insensitive enum names", () => {
    expect(parseCategory(" cloud ")).toBe("CLOUD");
    expect(parseCategory("Personnel")).toBe("PERSONNEL");
    expect(parseCategory("FOOD")).toBeNull();
  });
});

describe("actuals record", () => {
  const known = (c: string) => c === "ENG-1";
  // A row as the reader gives it: the cells in the header's order.
  const parse = (r: Record<string, string>, k = known) => parseActualsRecord(Object.values(r), new CsvHeader(Object.keys(r)), k);
  it("parses a good row exactly", () => {
    expect(
      parse({
        date: "2026-03-01",
        costcentrecode: "ENG-1",
        category: "Cloud",
        amount: '"1,234.56"'.replace(/"/g, ""),
        vendor: " AWS ",
        memo: "x",
        externalreference: "",
      }),
    ).toEqual({
      bookedOn: new Date("2026-03-01T00:00:00Z"),
      code: "ENG-1",
      category: "CLOUD",
      amountCents: 123456n,
      vendor: "AWS",
      memo: "x",
      externalRef: null,
    });
  });
  it("lists every reason", () => {
    expect(parse({ date: "2026-02-30", costcentrecode: "XX", category: "?", amount: "1.999" })).toEqual([
      'date "2026-02-30" is not a valid YYYY-MM-DD date',
      'cost centre code "XX" is not an org unit of this organization',
      expect.stringMatching(/^category "\?" is not one of PERSONNEL/),
      'amount "1.999" is not an amount like 1234.56',
    ]);
  });
  it("refuses absurd amounts", () => {
    expect(parse({ date: "2026-03-01", costcentrecode: "ENG-1", category: "CLOUD", amount: "1000000000000000" })).toEqual([
      expect.stringMatching(/^amount/),
    ]);
  });
});

describe("fiscal periods of the finance views", () => {
  it.each<[string, number, number, string, string, string]>([
    ["year", 2027, 2, "2026-06-15", "2026-02-01", "2027-01-31"],
    ["ytd", 2027, 2, "2026-06-15", "2026-02-01", "2026-05-31"], // through the last closed month (tests/unit/period.test.ts)
    ["ytd", 2027, 2, "2025-06-15", "2026-02-01", "2026-01-31"], // not started: empty range
    ["ytd", 2027, 2, "2028-06-15", "2026-02-01", "2027-01-31"], // past year: all of it
    ["q1", 2027, 2, "2026-06-15", "2026-02-01", "2026-04-30"],
    ["q4", 2027, 2, "2026-06-15", "2026-11-01", "2027-01-31"],
    ["m12", 2027, 2, "2026-06-15", "2027-01-01", "2027-01-31"],
    ["m1", 2026, 1, "2026-06-15", "2026-01-01", "2026-01-31"],
    ["q2", 2026, 12, "2026-06-15", "2026-03-01", "2026-05-31"], // FY2026 = Dec 2025 – Nov 2026,
  ])("%s of FY%s (start month %s) on %s", (key, fy, start, today, from, to) => {
    const p = resolvePeriod(key as "year", fy, start, new Date(`${today}T00:00:00Z`));
    expect([toDateString(p.start), toDateString(p.end)]).toEqual([from, to]);
  });
});

describe("CSV writing", () => {
  it("quotes, escapes and defuses formulas but not negative amounts", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["=SUM(A1)", "-80.00"],
          [null, 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-80.00\r\n,3\r\n');
  });
});
