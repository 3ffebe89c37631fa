import { beforeAll, describe, expect, it } from "vitest";

import { exportProjectsCsv } from "@/lib/projects/export";
import {
  DEFAULT_PROJECT_SORT,
  listProjectsPage,
  parseProjectFilters,
  parseProjectSort,
  PROJECT_SORT_KEYS,
  type ProjectFilters,
  type ProjectRow,
  type ProjectSort,
} from "@/lib/projects/queries";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Sorting of the projects list in the database (?sort=…&dir=…): every key orders the whole
// filtered list, page after page, with name and id breaking ties; bad parameters fall back to
// the default; another org's projects never appear; the CSV export follows the same order.

const db = testDb();
const d = (s: string) => new Date(`${s}T00:00:00Z`);
let w: Awaited<ReturnType<typeof setup>>;

const STATUSES = ["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"] as const;
const HEALTHS = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  const person = (orgId: string, orgUnitId: string, name: string) =>
    db.person.create({ data: { orgId, orgUnitId, name, title: "Lead", level: "M1", startDate: d("2024-01-01"), annualCompCents: 0n } });
  const leads = [
    await person(acme.org.id, acme.units.teamA.id, "Lead B"),
    await person(acme.org.id, acme.units.teamB.id, "Lead A"),
    await person(acme.org.id, acme.units.teamA.id, "Lead C"),
  ];
  const inits = await Promise.all(
    ["Init Y", "Init X"].map((name) =>
      db.initiative.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.deptA.id, name, fiscalYear: 2027 } }),
    ),
  );
  const teams = [acme.units.teamA.id, acme.units.teamB.id, acme.units.deptA.id];
  // Fixed team names (the factory's are random hex, whose digit runs ICU versions may order
  // differently): "Team 9" before "Team 10" only under the natural collation.
  for (const [id, name] of [
    [teams[0], "Team 10"],
    [teams[1], "Team 9"],
    [teams[2], "Dept 2"],
  ])
    await db.orgUnit.update({ where: { id }, data: { name } });
  // 230 projects (three pages) with repeated values in every column, some empty ones, and
  // repeated names so that ids must break ties; a deterministic mix.
  const data = Array.from({ length: 230 }, (_, i) => ({
    orgId: acme.org.id,
    orgUnitId: teams[i % 3],
    name: i % 10 === 0 ? "Same name" : `P${String((i * 37) % 230).padStart(3, "0")}`,
    leadId: i % 4 === 3 ? null : leads[i % 3].id,
    initiativeId: i % 5 === 4 ? null : inits[i % 2].id,
    status: STATUSES[i % 5],
    health: HEALTHS[(i * 3) % 4],
    lastUpdateAt: i % 6 === 0 ? null : new Date(Date.UTC(2026, 10, 1 + (i % 20), i % 7)),
    targetDate: i % 7 === 0 ? null : d(`2027-0${1 + (i % 9)}-01`),
    budgetCents: i % 8 === 0 ? null : BigInt(((i * 13) % 40) * 100_000),
    archivedAt: i % 23 === 0 ? d("2026-06-01") : null,
  }));
  await db.project.createMany({ data });
  // Another org's projects, with names and values among acme's.
  await db.project.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({
      orgId: globex.org.id,
      orgUnitId: globex.units.teamA.id,
      name: `P${String(i * 11).padStart(3, "0")}`,
      budgetCents: 999_999_999n,
    })),
  });
  const rows = await db.project.findMany({
    where: { orgId: acme.org.id, archivedAt: null },
    select: {
      id: true,
      name: true,
      status: true,
      health: true,
      lastUpdateAt: true,
      targetDate: true,
      budgetCents: true,
      orgUnit: { select: { name: true } },
      lead: { select: { name: true } },
      initiative: { select: { name: true } },
    },
  });
  return { acme, globex, rows };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

type Row = (typeof w.rows)[number];
type Value = string | number | null;
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
// Names sort by the database's ICU numeric collation "natural" (migration natural_sort_names):
// "Unit 9…" before "Unit 10…", as the same ICU rules in JavaScript say.
const natural = new Intl.Collator("und", { numeric: true }).compare;
const cmpText = (a: string | number, b: string | number) => (typeof a === "string" && typeof b === "string" ? natural(a, b) : cmp(a, b));
const value: Record<ProjectSort["key"], (r: Row) => Value> = {
  name: (r) => r.name,
  team: (r) => r.orgUnit.name,
  lead: (r) => r.lead?.name ?? null,
  initiative: (r) => r.initiative?.name ?? null,
  status: (r) => STATUSES.indexOf(r.status),
  health: (r) => HEALTHS.indexOf(r.health),
  lastUpdate: (r) => r.lastUpdateAt?.getTime() ?? null,
  targetDate: (r) => r.targetDate?.getTime() ?? null,
  budget: (r) => (r.budgetCents === null ? null : Number(r.budgetCents)),
};

/**
 * The documented order, computed here: the key in its direction, then name and id ascending
 * (name: name then id, both in its direction). The project's own empty dates and budgets are
 * last both ways; an empty lead or initiative is last ascending and first descending.
 */
function expected(rows: Row[], { key, dir }: ProjectSort): string[] {
  const sign = dir === "desc" ? -1 : 1;
  const nullsLastBothWays = key === "lastUpdate" || key === "targetDate" || key === "budget";
  return [...rows]
    .sort((a, b) => {
      if (key === "name") return sign * (natural(a.name, b.name) || cmp(a.id, b.id));
      const [x, y] = [value[key](a), value[key](b)];
      const byKey =
        x === null || y === null ? (x === y ? 0 : (x === null ? 1 : -1) * (nullsLastBothWays ? 1 : sign)) : sign * cmpText(x, y);
      return byKey || natural(a.name, b.name) || cmp(a.id, b.id);
    })
    .map((r) => r.id);
}

/** Every page of the list, one after the other (?page=1, 2, …). */
async function allPages(filters: ProjectFilters, sort: ProjectSort): Promise<ProjectRow[]> {
  const first = await listProjectsPage(w.acme.org.id, filters, {}, undefined, sort);
  const out = [...first.rows];
  for (let page = 2; page <= first.paging.pages; page++)
    out.push(...(await listProjectsPage(w.acme.org.id, filters, { page: String(page) }, undefined, sort)).rows);
  expect(out).toHaveLength(first.paging.total);
  return out;
}

const sorts = PROJECT_SORT_KEYS.flatMap((key) => (["asc", "desc"] as const).map((dir) => ({ key, dir })));

describe("projects list sorting", () => {
  it.each(sorts)("sorts the whole list by $key $dir across pages", async (sort) => {
    const rows = await allPages({}, sort);
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.map((r) => r.id)).toEqual(expected(w.rows, sort));
  });

  it.each(sorts.filter((s) => s.dir === "desc"))("sorts the filtered list by $key $dir", async (sort) => {
    const filters = { status: "ACTIVE" as const };
    const rows = await allPages(filters, sort);
    expect(rows.every((r) => r.status === "ACTIVE")).toBe(true);
    expect(rows.map((r) => r.id)).toEqual(
      expected(
        w.rows.filter((r) => r.status === "ACTIVE"),
        sort,
      ),
    );
  });

  it("never shows another org's projects, whatever the sort", async () => {
    const foreign = new Set((await db.project.findMany({ where: { orgId: w.globex.org.id }, select: { id: true } })).map((p) => p.id));
    for (const sort of [
      { key: "budget", dir: "desc" } as const,
      { key: "name", dir: "asc" } as const,
      { key: "lead", dir: "asc" } as const,
    ]) {
      const ids = (await allPages({}, sort)).map((r) => r.id);
      expect(ids.filter((id) => foreign.has(id))).toEqual([]);
      expect(new Set(ids).size).toBe(w.rows.length);
    }
  });

  it("parses only listed sort keys; anything else is the default order", async () => {
    expect(parseProjectSort({})).toEqual(DEFAULT_PROJECT_SORT);
    expect(parseProjectSort({ sort: "budget", dir: "desc" })).toEqual({ key: "budget", dir: "desc" });
    expect(parseProjectSort({ sort: ["lead", "name"], dir: ["desc"] })).toEqual({ key: "lead", dir: "desc" });
    expect(parseProjectSort({ sort: "budget", dir: "sideways" })).toEqual({ key: "budget", dir: "asc" });
    for (const sort of ["budgetCents", "orgId", "__proto__", "constructor", "name; DROP TABLE", ""])
      expect(parseProjectSort({ sort, dir: "desc" })).toEqual(DEFAULT_PROJECT_SORT);
    const fallback = await listProjectsPage(w.acme.org.id, {}, {}, undefined, parseProjectSort({ sort: "passwordHash", dir: "desc" }));
    expect(fallback.rows.map((r) => r.id)).toEqual(expected(w.rows, DEFAULT_PROJECT_SORT).slice(0, 100));
  });

  it("a page past the end is the last page, in the sort's order", async () => {
    const sort = { key: "targetDate", dir: "desc" } as const;
    const last = await listProjectsPage(w.acme.org.id, {}, { page: "99" }, undefined, sort);
    expect(last.paging.page).toBe(3);
    expect(last.rows.map((r) => r.id)).toEqual(expected(w.rows, sort).slice(200));
  });

  it("the CSV export has every matching row in the list's order", async () => {
    const params = new URLSearchParams({ status: "ACTIVE", sort: "budget", dir: "desc", page: "2" });
    // A batch of 7 rows: the export reads the list in several batches.
    const csv = await new Response(exportProjectsCsv(w.acme.org, params, undefined, 7)).text();
    const names = csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    const list = await allPages(parseProjectFilters(Object.fromEntries(params)), parseProjectSort(Object.fromEntries(params)));
    expect(names).toEqual(list.map((r) => r.name));
    expect(names.length).toBe(w.rows.filter((r) => r.status === "ACTIVE").length);
  });
});
