import { describe, expect, it } from "vitest";

import {
  contractsHref,
  drillContext,
  ledgerLinesHref,
  peopleInPostHref,
  planLinesHref,
  positionsHref,
  runRateLinesHref,
} from "@/lib/budgets/drill-links";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { DEFAULT_LINES_SORT, linesQuery, monthBounds } from "@/lib/budgets/lines-query";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { readsPay } from "@/lib/permissions";

// The lines' URL filters: read once for the page and the CSV, anything unreadable left out and
// named (never passed to the database), and the drill links written so that they read back as
// the figure's unit, months and category. Fiscal year from February; today Dec 6, 2026 (FY27).

const today = new Date("2026-12-06T12:00:00Z");
const parse = (q: string) => parseLinesParams(new URLSearchParams(q), 2, today);

describe("parseLinesParams", () => {
  it("defaults: ledger lines of the whole org for the current fiscal year, by date", () => {
    expect(parse("")).toEqual({
      filters: {
        kind: "actual",
        unitId: null,
        own: false,
        category: null,
        from: "2026-02",
        to: "2027-01",
        vendorId: null,
        q: "",
        sort: DEFAULT_LINES_SORT,
      },
      ignored: [],
    });
  });

  it("reads every filter", () => {
    const { filters, ignored } = parse("unit=u_1&scope=own&cat=cloud&from=2026-08&to=2026-10&vendor=v-2&q=%20AWS%20&sort=amount&dir=desc");
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      kind: "actual",
      unitId: "u_1",
      own: true,
      category: "CLOUD",
      from: "2026-08",
      to: "2026-10",
      vendorId: "v-2",
      q: "AWS",
      sort: { key: "amount", dir: "desc" },
    });
  });

  it("one month given: the other end is that month's fiscal year", () => {
    expect(parse("from=2025-05").filters).toMatchObject({ from: "2025-05", to: "2026-01" });
    expect(parse("to=2025-05").filters).toMatchObject({ from: "2025-02", to: "2025-05" });
  });

  it("leaves out and names what it cannot read: NUL bytes, enum keys of Object, bad months, unknown sorts", () => {
    const { filters, ignored } = parse(
      "unit=%00&cat=constructor&from=2026-13&to=1999-01&vendor=a%20b&q=x%00y&sort=__proto__&kind=weird&scope=all",
    );
    expect(filters).toEqual(parse("").filters);
    expect(ignored).toHaveLength(9);
    expect(ignored.join(" ")).toMatch(/Org unit.*Vendor|Vendor.*Org unit/s);
    for (const cat of ["__proto__", "toString", "hasOwnProperty", "valueOf"]) expect(parse(`cat=${cat}`).filters.category).toBeNull();
    expect(parse(`q=${"a".repeat(101)}`).filters.q).toBe("");
    expect(parse("unit=" + "a".repeat(65)).filters.unitId).toBeNull();
  });

  it("swaps a From after To, and says so", () => {
    const { filters, ignored } = parse("from=2026-10&to=2026-03");
    expect(filters).toMatchObject({ from: "2026-03", to: "2026-10" });
    expect(ignored).toEqual(["From was after To: the two were swapped."]);
  });

  it("plan lines: no vendor or search, and only their own sort keys", () => {
    const { filters, ignored } = parse("kind=plan&vendor=v1&q=x&sort=vendor");
    expect(filters).toMatchObject({ kind: "plan", vendorId: null, q: "", sort: DEFAULT_LINES_SORT });
    expect(ignored).toHaveLength(2);
  });

  it("scope=own needs a unit", () => {
    expect(parse("scope=own").filters.own).toBe(false);
  });

  it("linesQuery writes what parseLinesParams reads", () => {
    for (const q of [
      "",
      "unit=u1&scope=own&cat=TRAVEL&from=2026-03&to=2026-05&vendor=v1&q=a%26b&sort=vendor&dir=desc",
      "kind=plan&unit=u2&sort=amount&dir=asc",
    ]) {
      const { filters } = parse(q);
      expect(parse(linesQuery(filters)).filters).toEqual(filters);
    }
  });

  it("month bounds are half-open, across a year end", () => {
    expect(monthBounds({ from: "2026-02", to: "2026-12" })).toEqual({ start: "2026-02-01", endExclusive: "2027-01-01" });
  });
});

describe("drill links", () => {
  const period = { start: "2026-08-01", end: "2026-10-31" };
  const director = drillContext("acme", period, { unitId: "dept", category: null }, true);
  const finance = drillContext("acme", period, { unitId: "dept", category: null }, false);

  it("carry the figure's unit, months and category, and read back as them", () => {
    const href = ledgerLinesHref(director, { category: "CLOUD" })!;
    expect(href).toBe("/acme/budgets/lines?unit=dept&cat=CLOUD&from=2026-08&to=2026-10");
    expect(parse(href.split("?")[1]).filters).toMatchObject({
      kind: "actual",
      unitId: "dept",
      category: "CLOUD",
      from: "2026-08",
      to: "2026-10",
      own: false,
    });
    expect(planLinesHref(director, { unitId: "team", category: "TRAVEL", own: true })).toBe(
      "/acme/budgets/lines?kind=plan&unit=team&scope=own&cat=TRAVEL&from=2026-08&to=2026-10",
    );
    expect(ledgerLinesHref(director, { unitId: null })).toBe("/acme/budgets/lines?from=2026-08&to=2026-10");
  });

  it("no link from a PERSONNEL figure for a role that may not see personnel lines", () => {
    expect(ledgerLinesHref(finance, { category: "PERSONNEL" })).toBeNull();
    expect(planLinesHref(finance, { category: "PERSONNEL" })).toBeNull();
    expect(ledgerLinesHref({ ...finance, category: "PERSONNEL" })).toBeNull();
    expect(ledgerLinesHref(finance)).not.toBeNull();
    expect(ledgerLinesHref(director, { category: "PERSONNEL" })).not.toBeNull();
  });

  it("the forecast's basis: people in post, positions, contracts of the unit", () => {
    expect(peopleInPostHref("acme", "u1")).toBe("/acme/teams?unit=u1&status=in-post#people");
    expect(positionsHref("acme", null)).toBe("/acme/headcount");
    expect(contractsHref("acme", "u1")).toBe("/acme/vendors?unit=u1#contracts");
  });

  it("the run-rate's ledger lines are the closed months of the org's window before the current month", () => {
    expect(runRateLinesHref(director, "2026-12-01", 3)).toBe("/acme/budgets/lines?unit=dept&from=2026-09&to=2026-11");
    expect(runRateLinesHref(director, "2026-12-01", 6)).toBe("/acme/budgets/lines?unit=dept&from=2026-06&to=2026-11");
    expect(runRateLinesHref(director, "2027-01-01", 1)).toBe("/acme/budgets/lines?unit=dept&from=2026-12&to=2026-12");
    expect(runRateLinesHref(director, "2027-02-01", 12)).toBe("/acme/budgets/lines?unit=dept&from=2026-02&to=2027-01");
    expect(runRateLinesHref({ ...finance, category: "PERSONNEL" }, "2026-12-01", 3)).toBeNull();
  });

  it("personnel lines are visible to exactly the roles that read pay", () => {
    const visible = ["ADMIN", "DIRECTOR", "MANAGER", "FINANCE", "VIEWER", "", "constructor"].filter((r) =>
      personnelLinesVisible({ readsPay: readsPay(r, { financeReadsPay: false }) }),
    );
    expect(visible).toEqual(["ADMIN", "DIRECTOR"]);
    expect(
      ["ADMIN", "DIRECTOR", "FINANCE"].filter((r) => personnelLinesVisible({ readsPay: readsPay(r, { financeReadsPay: false }) }, "plan")),
    ).toEqual(["ADMIN", "DIRECTOR"]);
    // An org that lets finance read pay shows finance the personnel lines too.
    expect(personnelLinesVisible({ readsPay: readsPay("FINANCE", { financeReadsPay: true }) })).toBe(true);
  });
});
