import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";

import { drillContext, ledgerLinesHref, planLinesHref, type DrillContext } from "@/lib/budgets/drill-links";
import { allLines, linesContext, linesPage, linesScope, linesTotals, type LedgerLine, type Line } from "@/lib/budgets/lines";
import { lineCells, linesCsvStream } from "@/lib/budgets/lines-export";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { DEFAULT_LINES_SORT, LEDGER_SORT_KEYS, PLAN_SORT_KEYS, type LinesFilters, type LinesSort } from "@/lib/budgets/lines-query";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { readsPay } from "@/lib/permissions";
import { getFinanceViews, type FinanceView } from "@/lib/budgets/rollup";
import type { PeriodKey } from "@/lib/budgets/period";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { PAGE_SIZE } from "@/lib/paging";
import { seedDemo } from "@/lib/seed";
import { resetDb, testDb } from "@/tests/support/db";

// The lines behind a money figure, on the demo seed: the list a figure links to (its drill link,
// parsed like the page parses it) totals exactly the figure (getFinanceViews) for org, department
// and team × two periods × categories; pages and CSV batches keep one order; another org's ids
// find nothing; roles without pay access never get a PERSONNEL line.

/** Whether a role reads pay in an org that does not let finance read it. */
const reader = (role: string) => ({ readsPay: readsPay(role, { financeReadsPay: false }) });
const db = testDb();
const today = new Date("2026-12-06T12:00:00Z");
let acme: { id: string; slug: string; fiscalYearStartMonth: number };
let units: Record<string, string>;
let globex: { id: string; unitId: string; vendorId: string };

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { today });
  acme = await db.organization.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true, slug: true, fiscalYearStartMonth: true } });
  const rows = await db.orgUnit.findMany({ where: { orgId: acme.id }, select: { id: true, code: true } });
  units = Object.fromEntries(rows.map((u) => [u.code, u.id]));
  const g = await db.organization.findUniqueOrThrow({ where: { slug: "globex" }, select: { id: true } });
  const gUnit = await db.orgUnit.findFirstOrThrow({ where: { orgId: g.id }, select: { id: true } });
  const gVendor = await db.vendor.findFirstOrThrow({ where: { orgId: g.id }, select: { id: true } });
  globex = { id: g.id, unitId: gUnit.id, vendorId: gVendor.id };
}, 240_000);

const FY = 2027;

function views(role: string, unitId: string | null, category: BudgetCategory | null, periods: PeriodKey[]): Promise<FinanceView[]> {
  return getFinanceViews(
    {
      orgId: acme.id,
      startMonth: acme.fiscalYearStartMonth,
      fiscalYear: FY,
      period: "year",
      unitId,
      category,
      payReader: readsPay(role, { financeReadsPay: false }),
      today,
    },
    periods.map((period) => ({ period, parts: ["tree", "categories", "top"] })),
  );
}

/** The filters a drill link carries, read back the way the page reads them. */
function filtersOf(href: string): LinesFilters {
  const parsed = parseLinesParams(new URL(href, "http://x").searchParams, acme.fiscalYearStartMonth, today);
  expect(parsed.ignored).toEqual([]);
  return parsed.filters;
}

const total = async (role: string, href: string | null) => {
  expect(href).not.toBeNull();
  const t = await linesTotals(linesScope(acme.id, reader(role), filtersOf(href!)));
  return Number(t.amountCents);
};

const ctxOf = (v: FinanceView, unitId: string | null, category: BudgetCategory | null, role: string): DrillContext =>
  drillContext(acme.slug, v.period, { unitId, category }, personnelLinesVisible(reader(role)));

describe("a figure's drill link lists exactly the lines it sums", () => {
  const scopes = [null, "ENG-PROD", "ENG-AUTO-PERC"] as const;
  for (const code of scopes) {
    for (const category of [null, "CLOUD", "PERSONNEL"] as const) {
      it(`director: ${code ?? "org"} × ${category ?? "all categories"} × Q3 and YTD: every tree row's plan and actual`, async () => {
        const unitId = code ? units[code] : null;
        for (const v of await views("DIRECTOR", unitId, category, ["q3", "ytd"])) {
          const ctx = ctxOf(v, unitId, category, "DIRECTOR");
          expect(await total("DIRECTOR", ledgerLinesHref(ctx))).toBe(v.totals.actualCents);
          expect(await total("DIRECTOR", planLinesHref(ctx))).toBe(v.totals.planCents);
          // Each unit of the tree (a few per scope, to keep the test short).
          for (const row of v.tree.slice(0, 6)) {
            expect(await total("DIRECTOR", ledgerLinesHref(ctx, { unitId: row.id })), row.code).toBe(row.actualCents);
            expect(await total("DIRECTOR", planLinesHref(ctx, { unitId: row.id })), row.code).toBe(row.planCents);
          }
        }
      });
    }
  }

  it("director: each category row and each top variance (the unit's own lines) of the org, Q3", async () => {
    const [v] = await views("DIRECTOR", null, null, ["q3"]);
    expect(v.categories.length).toBeGreaterThan(4);
    const ctx = ctxOf(v, null, null, "DIRECTOR");
    for (const c of v.categories) {
      expect(await total("DIRECTOR", ledgerLinesHref(ctx, { category: c.category })), c.category).toBe(c.actualCents);
      expect(await total("DIRECTOR", planLinesHref(ctx, { category: c.category })), c.category).toBe(c.planCents);
    }
    // A unit's own lines (scope=own, as a top variance links): the department's figure less its
    // children's. The demo books the department lead's payroll on the department itself.
    const [d] = await views("DIRECTOR", units["ENG-PROD"], null, ["q3"]);
    const dept = d.tree.find((r) => r.id === units["ENG-PROD"])!;
    const children = d.tree.filter((r) => r.parentId === dept.id);
    const own = dept.actualCents! - children.reduce((a, r) => a + r.actualCents!, 0);
    expect(own).toBeGreaterThan(0);
    expect(await total("DIRECTOR", ledgerLinesHref(ctx, { unitId: dept.id, own: true }))).toBe(own);
    expect(v.top.length).toBeGreaterThan(3);
    for (const t of v.top) {
      const target = { unitId: t.unitId, category: t.category, own: true };
      expect(await total("DIRECTOR", ledgerLinesHref(ctx, target)), `${t.unitCode} ${t.category}`).toBe(t.actualCents);
      expect(await total("DIRECTOR", planLinesHref(ctx, target)), `${t.unitCode} ${t.category}`).toBe(t.planCents);
    }
  });

  for (const role of ["FINANCE", "MANAGER", "VIEWER"]) {
    it(`${role}: non-personnel categories equal their figures; PERSONNEL has no link and no line; "all" leaves personnel out`, async () => {
      const unitId = units["ENG-AUTO"];
      const [v] = await views(role, unitId, null, ["ytd"]);
      const ctx = ctxOf(v, unitId, null, role);
      expect(ctx.personnel).toBe(false);
      let others = 0;
      for (const c of v.categories) {
        if (c.category === "PERSONNEL") {
          expect(ledgerLinesHref(ctx, { category: c.category })).toBeNull();
          expect(planLinesHref(ctx, { category: c.category })).toBeNull();
          // The personnel figure itself may be withheld from this role (docs/privacy.md).
          if (c.actualCents !== null) expect(c.actualCents).toBeGreaterThan(0);
          continue;
        }
        others += c.actualCents!;
        expect(await total(role, ledgerLinesHref(ctx, { category: c.category })), c.category).toBe(c.actualCents);
        expect(await total(role, planLinesHref(ctx, { category: c.category })), c.category).toBe(c.planCents);
      }
      expect(await total(role, ledgerLinesHref(ctx))).toBe(others);
      // Asked for directly: nothing, and the context says why.
      const personnel = filtersOf(ledgerLinesHref({ ...ctx, personnel: true }, { category: "PERSONNEL" })!);
      for (const kind of ["actual", "plan"] as const) {
        const f = { ...personnel, kind };
        expect(await linesTotals(linesScope(acme.id, reader(role), f))).toEqual({ count: 0, amountCents: 0n });
        expect(await linesContext(acme.id, reader(role), f)).toMatchObject({ personnelHidden: true, personnelOnly: true });
        expect((await linesTotals(linesScope(acme.id, reader("DIRECTOR"), f))).count).toBeGreaterThan(0);
      }
    });
  }
});

const base = (over: Partial<LinesFilters> = {}): LinesFilters => ({
  kind: "actual",
  unitId: null,
  own: false,
  category: null,
  from: "2026-02",
  to: "2027-01",
  vendorId: null,
  q: "",
  sort: DEFAULT_LINES_SORT,
  ...over,
});

async function collect(s: ReturnType<typeof linesScope>, batch: number): Promise<Line[]> {
  const out: Line[] = [];
  for await (const rows of allLines(s, batch)) out.push(...rows);
  return out;
}

async function pages(s: ReturnType<typeof linesScope>): Promise<Line[]> {
  const out: Line[] = [];
  for (let page = 1; ; page++) {
    const { rows, paging } = await linesPage(s, { page: String(page) });
    expect(paging.page).toBe(page);
    out.push(...rows);
    if (page >= paging.pages) return out;
  }
}

const key = (l: Line, sort: LinesSort): string | number | boolean | null => {
  const g = l as LedgerLine;
  switch (sort.key) {
    case "amount":
      return Number(l.amountCents);
    case "vendor":
      return g.vendorName;
    case "ref":
      return g.externalRef;
    case "memo":
      return g.memo;
    case "unit":
      return l.unitCode;
    case "category":
      return l.category;
    default:
      return l.date;
  }
};

describe("sorting and paging in SQL, and the CSV in the list's order", () => {
  it("every sort key both ways: the pages, the export's batches and the CSV are one sequence, ordered by the key", async () => {
    // A department's year: several pages, vendors missing on some lines, many equal dates.
    const unitId = units["ENG-PROD"];
    for (const kind of ["actual", "plan"] as const) {
      for (const k of kind === "plan" ? PLAN_SORT_KEYS : LEDGER_SORT_KEYS) {
        for (const dir of ["asc", "desc"] as const) {
          const s = linesScope(acme.id, reader("DIRECTOR"), base({ kind, unitId, sort: { key: k, dir } }));
          const listed = await pages(s);
          expect(listed.length, `${kind} ${k}`).toBeGreaterThan(PAGE_SIZE);
          expect(new Set(listed.map((l) => l.id)).size).toBe(listed.length);
          expect((await linesTotals(s)).count).toBe(listed.length);
          // Batches of an odd size cut through runs of equal values.
          expect(
            (await collect(s, 37)).map((l) => l.id),
            `${kind} ${k} ${dir}`,
          ).toEqual(listed.map((l) => l.id));
          // The order holds for the key (numbers exactly; text as PostgreSQL collates it, so only checked for the date and amount).
          if (k === "date" || k === "amount") {
            const values = listed.map((l) => key(l, { key: k, dir }) as string | number);
            const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
            expect(values).toEqual(dir === "asc" ? sorted : sorted.reverse());
          }
          if (k === "vendor" && kind === "actual") {
            // No vendor: last ascending, first descending.
            const empty = listed.map((l) => (l as LedgerLine).vendorName === null);
            expect(empty.includes(true) && empty.includes(false)).toBe(true);
            const firstEmpty = empty.indexOf(true);
            const lastEmpty = empty.lastIndexOf(true);
            if (dir === "asc") expect(empty.slice(firstEmpty).every(Boolean)).toBe(true);
            else expect(empty.slice(0, lastEmpty + 1).every(Boolean)).toBe(true);
          }
          if (k === "date" && dir === "asc") {
            const csv = await streamText(s, true);
            const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;
            expect(parsed.slice(1)).toEqual(
              listed.map((l) => lineCells(kind, l).map((c) => (c === null || c === undefined ? "" : String(c)))),
            );
          }
        }
      }
    }
  });

  it("a page past the end is the last page; filters by vendor and memo search narrow the list", async () => {
    const s = linesScope(acme.id, reader("DIRECTOR"), base({ unitId: units["ENG-PROD"] }));
    const all = await pages(s);
    const last = await linesPage(s, { page: "9999" });
    expect(last.paging.page).toBe(last.paging.pages);
    expect(last.rows.map((r) => r.id)).toEqual(all.slice((last.paging.pages - 1) * PAGE_SIZE).map((r) => r.id));

    const withVendor = all.find((l) => (l as LedgerLine).vendorId) as LedgerLine;
    const byVendor = await collect(
      linesScope(acme.id, reader("DIRECTOR"), base({ unitId: units["ENG-PROD"], vendorId: withVendor.vendorId })),
      500,
    );
    expect(byVendor.length).toBeGreaterThan(0);
    expect(byVendor.every((l) => (l as LedgerLine).vendorId === withVendor.vendorId)).toBe(true);

    const word = withVendor.memo.split(" ")[0];
    const bySearch = await collect(
      linesScope(acme.id, reader("DIRECTOR"), base({ unitId: units["ENG-PROD"], q: word.toLowerCase() })),
      500,
    );
    expect(bySearch.length).toBeGreaterThan(0);
    expect(
      bySearch.every((l) => `${(l as LedgerLine).memo} ${(l as LedgerLine).externalRef}`.toLowerCase().includes(word.toLowerCase())),
    ).toBe(true);
    // LIKE wildcards typed in the box are text, not patterns.
    for (const q of ["%", "_", "\\", "%%_\\'\""])
      expect((await linesTotals(linesScope(acme.id, reader("DIRECTOR"), base({ q })))).count, q).toBe(0);
  });
});

async function streamText(s: ReturnType<typeof linesScope>, listed: boolean): Promise<string> {
  return new Response(linesCsvStream(s, listed)).text();
}

describe("tenancy and privacy", () => {
  it("another org's unit or vendor finds nothing, and is named as not found", async () => {
    for (const f of [
      base({ unitId: globex.unitId }),
      base({ unitId: globex.unitId, own: true }),
      base({ vendorId: globex.vendorId }),
      base({ kind: "plan", unitId: globex.unitId }),
    ]) {
      expect(await linesTotals(linesScope(acme.id, reader("DIRECTOR"), f))).toEqual({ count: 0, amountCents: 0n });
      expect((await linesContext(acme.id, reader("DIRECTOR"), f)).notFound).toBe(f.vendorId ? "vendor" : "unit");
    }
    // And Acme's unit read as Globex: nothing either.
    expect((await linesTotals(linesScope(globex.id, reader("DIRECTOR"), base({ unitId: units["ENG-PROD"] })))).count).toBe(0);
    expect((await linesContext(globex.id, reader("DIRECTOR"), base({ unitId: units["ENG-PROD"] }))).notFound).toBe("unit");
  });

  it("roles without pay access get no PERSONNEL line, in the list, its total or the CSV; pay readers do", async () => {
    const f = base({ from: "2025-02", to: "2027-01" });
    for (const kind of ["actual", "plan"] as const) {
      for (const role of ["ADMIN", "DIRECTOR", "FINANCE", "MANAGER", "VIEWER"]) {
        const s = linesScope(acme.id, reader(role), { ...f, kind });
        const rows = await collect(s, 5000);
        const csv = Papa.parse<string[]>((await streamText(s, true)).trimEnd(), { newline: "\r\n" }).data.slice(1);
        const personnel = rows.filter((l) => l.category === "PERSONNEL").length;
        const inCsv = csv.filter((r) => r[3] === "PERSONNEL").length;
        if (role === "ADMIN" || role === "DIRECTOR") {
          expect(personnel, `${role} ${kind}`).toBeGreaterThan(0);
          expect(inCsv).toBe(personnel);
        } else {
          expect([personnel, inCsv], `${role} ${kind}`).toEqual([0, 0]);
        }
        expect(csv).toHaveLength(rows.length);
      }
    }
  });
});
