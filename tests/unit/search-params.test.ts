import { describe, expect, it } from "vitest";
import { z } from "zod";

import { parseAuditCursor, parseAuditFilters } from "@/lib/audit/filters";
import { parseFinanceParams } from "@/lib/budgets/view-params";
import { parsePositionFilter } from "@/lib/headcount/position-filter";
import { parsePositionSort, parsePositionState } from "@/lib/headcount/position-sort";
import { pageOf } from "@/lib/paging";
import { parsePeopleFilter } from "@/lib/people/list-filter";
import {
  parseSearch,
  ZPickerSearch,
  zDayParam,
  zEnum,
  zFlag,
  zIdParam,
  zIntParam,
  zOneOf,
  zParam,
  zText,
  zYearParam,
} from "@/lib/search-params";
import { parseContractListParams, parseVendorSort, DEFAULT_VENDOR_SORT } from "@/lib/vendors/list-params";

// Search parameters are input nobody vouches for: whatever the URL holds, a page reads its
// defaults instead of failing. Each schema gets garbage and must give its defaults.

const GARBAGE: unknown[] = [
  undefined,
  "",
  "toString",
  "__proto__",
  "constructor",
  "%00",
  "\u0000",
  "x".repeat(5000),
  ["", "ACTIVE"],
  [],
  123,
  null,
  { nested: "object" },
  "2026-13-45",
  "-1",
  "1e9",
  "NaN",
];

describe("the search-param fields fall back to their defaults", () => {
  const S = z.object({
    param: zParam(),
    text: zText(10),
    oneOf: zOneOf(["a", "b"]),
    status: zEnum({ OPEN: "OPEN", CLOSED: "CLOSED" }),
    flag: zFlag(),
    id: zIdParam(),
    day: zDayParam(),
    year: zYearParam(),
    int: zIntParam(-20, 20, 0),
  });

  it.each(GARBAGE.map((g) => [String(g).slice(0, 20), g]))("%s", (_label, value) => {
    const sp = Object.fromEntries(Object.keys(S.shape).map((k) => [k, value])) as never;
    const out = parseSearch(S, sp);
    expect(out.oneOf).toBeUndefined();
    expect(out.status).toBeUndefined();
    expect(out.flag).toBe(false);
    expect(out.day).toBeUndefined();
    expect(out.year).toBeUndefined();
    expect(out.int).toBeGreaterThanOrEqual(-20);
    expect(out.int).toBeLessThanOrEqual(20);
    expect(out.text.length).toBeLessThanOrEqual(10);
    if (out.param !== undefined) expect(typeof out.param).toBe("string");
    if (out.id !== undefined) expect(out.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it("reads the first value of a repeated key, from a page or a request alike", () => {
    const S2 = z.object({ status: zEnum({ OPEN: "OPEN" }), q: zText(), flag: zFlag(), n: zIntParam(1, 9, 1) });
    const expected = { status: "OPEN", q: "a b", flag: true, n: 9 };
    expect(parseSearch(S2, { status: ["OPEN", "x"], q: ["  a b  ", "c"], flag: ["1", "0"], n: ["12", "3"] })).toEqual(expected);
    expect(parseSearch(S2, new URLSearchParams("status=OPEN&status=x&q=++a+b++&q=c&flag=1&flag=0&n=12&n=3"))).toEqual(expected);
  });

  it("keeps the values that fit", () => {
    const out = parseSearch(S, {
      param: "x",
      text: " hi ",
      oneOf: "b",
      status: "CLOSED",
      flag: "1",
      id: "ab_1-C",
      day: "2026-02-03",
      year: "2027",
      int: "-4",
    });
    expect(out).toEqual({
      param: "x",
      text: "hi",
      oneOf: "b",
      status: "CLOSED",
      flag: true,
      id: "ab_1-C",
      day: "2026-02-03",
      year: 2027,
      int: -4,
    });
  });

  it("an empty query is empty, not an error", () => {
    expect(parseSearch(S, {})).toEqual({ text: "", flag: false, int: 0 });
    expect(parseSearch(S, new URLSearchParams())).toEqual({ text: "", flag: false, int: 0 });
  });

  it.each(GARBAGE.map((g) => [String(g).slice(0, 20), g]))("a picker's query is a string whatever ?q= holds: %s", (_label, value) => {
    expect(typeof parseSearch(ZPickerSearch, { q: value } as never).q).toBe("string");
  });
});

describe("the areas' schemas give their defaults for garbage", () => {
  const today = "2026-06-15";
  const keys = [
    "status",
    "on",
    "from",
    "to",
    "state",
    "sort",
    "dir",
    "vsort",
    "vdir",
    "q",
    "cat",
    "fy",
    "period",
    "unit",
    "page",
    "actor",
    "entity",
    "action",
    "record",
    "before",
  ];

  it.each(GARBAGE.map((g) => [String(g).slice(0, 20), g]))("%s", (_label, value) => {
    const sp = Object.fromEntries(keys.map((k) => [k, value])) as never;
    expect(parsePeopleFilter(sp, today)).toEqual({ status: "current" });
    expect(parsePositionFilter(sp, today)).toEqual({ status: "all" });
    expect(parsePositionState(sp)).toBeNull();
    expect(parsePositionSort(sp, true)).toBeNull();
    expect(parseVendorSort(sp)).toEqual(DEFAULT_VENDOR_SORT);
    const contracts = parseContractListParams(sp);
    expect(contracts.status).toBeNull();
    expect(contracts.category).toBeNull();
    expect(contracts.sort).toEqual({ key: "endDate", dir: "asc" });
    const finance = parseFinanceParams(sp, 1, new Date("2026-06-15T00:00:00Z"));
    expect(finance).toMatchObject({ fiscalYear: 2026, period: "year", category: null });
    expect(pageOf(sp, 1000).page).toBe(1);
    expect(parseAuditCursor(sp)).toBeNull();
    const audit = parseAuditFilters(sp);
    expect(audit.record).toBeUndefined();
    expect(audit.from).toBeUndefined();
    expect(audit.to).toBeUndefined();
  });
});
