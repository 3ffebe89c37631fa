import { beforeAll, describe, expect, it } from "vitest";

import { getPlanGrid } from "@/lib/budgets/queries";
import { parsePositionSort, parsePositionState } from "@/lib/headcount/position-sort";
import { countPositions, listPositions } from "@/lib/headcount/queries";
import { capacityByTeam } from "@/lib/headcount/staffing";
import { countUnits, listOrgUnits, unitPath } from "@/lib/org/queries";
import { searchUnitOptions } from "@/lib/org/search";
import { PAGE_SIZE } from "@/lib/paging";
import { listOrgChart, listPeoplePage } from "@/lib/people/queries";
import { searchPeopleOptions } from "@/lib/people/search";
import { listAttention } from "@/lib/projects/attention";
import { listProjectsPage, parseProjectFilters, parseProjectSort } from "@/lib/projects/queries";
import { listMembersPage, MEMBERS_PAGE_SIZE } from "@/lib/settings/queries";
import { parseContractListParams, parseVendorSort } from "@/lib/vendors/list-params";
import { listContractsPage, listVendorsPage, VENDOR_PAGE_SIZE } from "@/lib/vendors/queries";
import { createMember, createOrgWithRoles, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The long lists of a large org (issue 23, item 0): each is searched, filtered, sorted and paged
// by the database across ALL its rows — the last page holds the last rows, a sort orders every
// page, names with numbers sort as read — and bad parameters fall back instead of failing.
// Another org's rows never appear. Counts, not times: speed lives in `npm run bench`.

const db = testDb();
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const TODAY = day("2026-12-06");
type Fixture = Awaited<ReturnType<typeof setup>>;
let f: Fixture;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  const { org, units } = acme;
  // 105 people in teamA named "Person 1" … "Person 105" (one page of 100 and a page of 5), two
  // people of one name in different units, and a Globex person whose name matches too.
  await db.person.createMany({
    data: Array.from({ length: 105 }, (_, i) => ({
      orgId: org.id,
      orgUnitId: units.teamA.id,
      name: `Person ${i + 1}`,
      title: "Engineer",
      level: "L3",
      startDate: day("2024-01-01"),
      annualCompCents: 10_000_000n,
    })),
  });
  await db.person.create({
    data: {
      orgId: org.id,
      orgUnitId: units.teamA.id,
      name: "Sam Twin",
      title: "Engineer",
      level: "L3",
      startDate: day("2024-01-01"),
      annualCompCents: 1n,
    },
  });
  await db.person.create({
    data: {
      orgId: org.id,
      orgUnitId: units.teamB.id,
      name: "Sam Twin",
      title: "Engineer",
      level: "L3",
      startDate: day("2024-01-01"),
      annualCompCents: 1n,
    },
  });
  await db.person.create({
    data: {
      orgId: globex.org.id,
      orgUnitId: globex.units.teamA.id,
      name: "Person 1 at Globex",
      title: "Engineer",
      level: "L3",
      startDate: day("2024-01-01"),
      annualCompCents: 1n,
    },
  });
  // Two teams of one name under different departments, and numbered teams.
  const platformA = await createUnit(db, org.id, { parentId: units.deptA.id, name: "Platform", code: "PLAT-A" });
  const platformB = await createUnit(db, org.id, { parentId: units.deptB.id, name: "Platform", code: "PLAT-B" });
  for (const n of [10, 2, 1]) await createUnit(db, org.id, { parentId: units.deptB.id, name: `Squad ${n}`, code: `SQ-${n}` });
  // 105 contracts with distinct amounts (contract k: k × 100.00), and one at Globex.
  const vendors = await Promise.all(
    Array.from({ length: VENDOR_PAGE_SIZE + 3 }, (_, i) => db.vendor.create({ data: { orgId: org.id, name: `Vendor ${i + 1}` } })),
  );
  await db.contract.createMany({
    data: Array.from({ length: 105 }, (_, i) => ({
      orgId: org.id,
      vendorId: vendors[i % vendors.length].id,
      orgUnitId: i % 2 ? units.teamA.id : units.teamB.id,
      category: i % 3 ? "SOFTWARE" : "CLOUD",
      name: `Contract ${i + 1}`,
      annualAmountCents: BigInt((i + 1) * 10_000),
      startDate: day("2026-01-01"),
      endDate: day("2027-12-31"),
      status: i % 5 ? "ACTIVE" : "DRAFT",
    })) as never,
  });
  const gv = await db.vendor.create({ data: { orgId: globex.org.id, name: "Vendor 1 at Globex" } });
  await db.contract.create({
    data: {
      orgId: globex.org.id,
      vendorId: gv.id,
      orgUnitId: globex.units.teamA.id,
      category: "SOFTWARE",
      name: "Contract 1 at Globex",
      annualAmountCents: 999_999_999n,
      startDate: day("2026-01-01"),
      endDate: day("2027-12-31"),
    },
  });
  // Projects whose names hold numbers.
  for (const name of ["Project 10000", "Project 1001", "Project 2"])
    await db.project.create({ data: { orgId: org.id, orgUnitId: units.teamA.id, name, status: "ACTIVE" } });
  // 105 positions titled "Role 1" … "Role 105", every seventh OPEN.
  await db.position.createMany({
    data: Array.from({ length: 105 }, (_, i) => ({
      orgId: org.id,
      orgUnitId: units.teamB.id,
      title: `Role ${i + 1}`,
      level: "L4",
      status: i % 7 ? "PLANNED" : "OPEN",
      annualCompCents: BigInt(1_000_000 + i),
      budgetFiscalYear: 2027,
    })) as never,
  });
  // Members: 55 more, so the members list has two pages.
  for (let i = 0; i < MEMBERS_PAGE_SIZE + 5; i++)
    await createMember(db, org.id, "VIEWER", { email: `member-${String(i).padStart(2, "0")}@acme.example` });
  // Plan lines: the division, both departments and both teams.
  for (const u of [units.division, units.deptA, units.deptB, units.teamA, units.teamB]) {
    await db.budgetLine.create({
      data: { orgId: org.id, orgUnitId: u.id, month: day("2026-03-01"), category: "SOFTWARE", amountCents: 100_00n },
    });
  }
  // Milestones: 105 open ones of a live project, due one a day.
  const live = await db.project.create({ data: { orgId: org.id, orgUnitId: units.teamA.id, name: "Milestone heavy", status: "ACTIVE" } });
  await db.milestone.createMany({
    data: Array.from({ length: 105 }, (_, i) => ({
      orgId: org.id,
      projectId: live.id,
      name: `M${i + 1}`,
      dueDate: new Date(Date.UTC(2026, 10, 1 + i)),
    })),
  });
  return { acme, globex, platformA, platformB };
}

beforeAll(async () => {
  await resetDb();
  f = await setup();
});

const reader = { readsPay: true };

describe("natural sort of names with numbers", () => {
  it("sorts people, units and projects as read: 2 before 10, 1001 before 10000", async () => {
    const { rows } = await listPeoplePage(f.acme.org.id, reader, {}, TODAY, f.acme.units.teamA.id, { status: "current" }, "person");
    expect(rows.slice(0, 12).map((p) => p.name)).toEqual(Array.from({ length: 12 }, (_, i) => `Person ${i + 1}`));
    expect((await searchUnitOptions(f.acme.org.id, "squad")).map((u) => u.name)).toEqual(["Squad 1", "Squad 2", "Squad 10"]);
    const projects = await listProjectsPage(
      f.acme.org.id,
      parseProjectFilters({ q: "project " }),
      { sort: "name" },
      TODAY,
      parseProjectSort({ sort: "name" }),
    );
    expect(projects.rows.map((p) => p.name)).toEqual(["Project 2", "Project 1001", "Project 10000"]);
  });
});

describe("people list", () => {
  it("pages in SQL: the last page holds the last rows; the total counts all", async () => {
    const page2 = await listPeoplePage(f.acme.org.id, reader, { page: "2" }, TODAY, f.acme.units.teamA.id, { status: "current" }, "person");
    expect(page2.paging).toMatchObject({ page: 2, pages: 2, total: 105 });
    expect(page2.rows.map((p) => p.name)).toEqual(["Person 101", "Person 102", "Person 103", "Person 104", "Person 105"]);
  });

  it.each([
    ["-1", 1],
    ["0", 1],
    ["9999", 2],
    ["abc", 1],
    ["1e3", 1],
  ])("?page=%s falls back to page %i", async (page, expected) => {
    const r = await listPeoplePage(f.acme.org.id, reader, { page }, TODAY, f.acme.units.teamA.id, { status: "current" }, "person");
    expect(r.paging.page).toBe(expected);
    expect(r.rows.length).toBe(expected === 1 ? PAGE_SIZE : 5);
  });

  it("searches names of this org only; a unit's subtree only", async () => {
    const r = await listPeoplePage(f.acme.org.id, reader, {}, TODAY, null, { status: "current" }, "person 1");
    expect(r.rows.map((p) => p.name)).not.toContain("Person 1 at Globex");
    expect(r.rows.every((p) => p.name.startsWith("Person 1"))).toBe(true);
    expect(
      (await listPeoplePage(f.acme.org.id, reader, {}, TODAY, f.acme.units.teamB.id, { status: "current" }, "person")).paging.total,
    ).toBe(0);
    expect((await listPeoplePage(f.acme.org.id, reader, {}, TODAY, f.globex.units.teamA.id, { status: "current" }, "")).paging.total).toBe(
      0,
    );
  });

  it("the org chart stops at its limit so the page can ask for a smaller unit", async () => {
    expect((await listOrgChart(f.acme.org.id, TODAY, f.acme.units.teamA.id, 50)).length).toBe(51);
    expect((await listOrgChart(f.acme.org.id, TODAY, f.acme.units.teamB.id, 50)).map((p) => p.name)).toEqual(["Sam Twin"]);
  });
});

describe("teams page: one subtree", () => {
  it("rolls up only the window's units, with the same counts as the whole tree", async () => {
    const whole = await listOrgUnits(f.acme.org.id, TODAY);
    const win = await listOrgUnits(f.acme.org.id, TODAY, { unitId: f.acme.units.deptA.id, levels: 1 });
    expect(win.map((u) => u.id).sort()).toEqual([f.acme.units.deptA.id, f.acme.units.teamA.id, f.platformA.id].sort());
    for (const u of win)
      expect(u).toMatchObject({
        headCount: whole.find((w) => w.id === u.id)!.headCount,
        openPositions: whole.find((w) => w.id === u.id)!.openPositions,
      });
    expect(win.find((u) => u.id === f.acme.units.deptA.id)!.headCount).toBe(106);
    expect(await countUnits(f.acme.org.id, f.acme.units.deptB.id)).toEqual({ units: 6, teams: 5 });
    expect(await listOrgUnits(f.acme.org.id, TODAY, { unitId: f.globex.units.deptA.id, levels: 2 })).toEqual([]);
    expect(await unitPath(f.acme.org.id, f.globex.units.teamA.id)).toEqual([]);
    expect((await unitPath(f.acme.org.id, f.acme.units.teamA.id)).map((u) => u.id)).toEqual([
      f.acme.units.division.id,
      f.acme.units.deptA.id,
      f.acme.units.teamA.id,
    ]);
  });

  it("computes capacity for the subtree's teams only, equal to the whole org's rows, one page at a time", async () => {
    const whole = await capacityByTeam(f.acme.org.id, "2026-12-01", 2);
    const dept = await capacityByTeam(f.acme.org.id, "2026-12-01", 2, f.acme.units.deptB.id);
    expect(dept.map((t) => t.name)).toEqual(["Platform", "Squad 1", "Squad 2", "Squad 10", f.acme.units.teamB.name]);
    for (const t of dept) expect(t).toEqual(whole.find((w) => w.unitId === t.unitId));
    const teamB = dept.find((t) => t.unitId === f.acme.units.teamB.id)!;
    // 1 person in post + 15 open seats (every seventh of 105), 100 points each.
    expect(teamB.months[0].capacity).toBe(1_600);
    const paged = await capacityByTeam(f.acme.org.id, "2026-12-01", 2, f.acme.units.deptB.id, { skip: 1, take: 2 });
    expect(paged).toEqual(dept.slice(1, 3));
    expect(await capacityByTeam(f.acme.org.id, "2026-12-01", 2, f.globex.units.division.id)).toEqual([]);
  });
});

describe("plan grid: one unit and its children", () => {
  it("shows the unit's and its children's lines only, with totals of those rows", async () => {
    const grid = await getPlanGrid(f.acme.org.id, 2026, 1, new Set(), "month", { unitId: f.acme.units.deptA.id });
    expect(grid.rows.map((r) => r.orgUnitId)).toEqual([f.acme.units.deptA.id, f.acme.units.teamA.id]);
    expect(grid.totalCents).toBe(200_00);
    // The unit first, then its children by name ("Platform" before the factory's "Unit …").
    expect(grid.units.map((u) => u.id)).toEqual([f.acme.units.deptA.id, f.platformA.id, f.acme.units.teamA.id]);
    const top = await getPlanGrid(f.acme.org.id, 2026, 1, new Set(), "month", { unitId: null });
    expect(top.rows.map((r) => r.orgUnitId).sort()).toEqual(
      [f.acme.units.division.id, f.acme.units.deptA.id, f.acme.units.deptB.id].sort(),
    );
    expect((await getPlanGrid(f.acme.org.id, 2026, 1, new Set(), "month", { unitId: f.globex.units.deptA.id })).rows).toEqual([]);
  });
});

describe("vendors and contracts", () => {
  const page = (sp: Record<string, string>) => listContractsPage(f.acme.org.id, null, parseContractListParams(sp), sp);

  it("sorts every page in SQL: the first row of a descending sort is the largest of all", async () => {
    const desc = await page({ sort: "annualAmountCents", dir: "desc" });
    expect(desc.paging.total).toBe(105);
    expect(desc.rows[0]).toMatchObject({ name: "Contract 105", annualAmountCents: 1_050_000 });
    const last = await page({ sort: "annualAmountCents", dir: "desc", page: "2" });
    expect(last.rows.map((c) => c.name)).toEqual(["Contract 5", "Contract 4", "Contract 3", "Contract 2", "Contract 1"]);
    const byName = await page({ sort: "name" });
    expect(byName.rows.slice(0, 3).map((c) => c.name)).toEqual(["Contract 1", "Contract 2", "Contract 3"]);
  });

  it("filters and searches in SQL, never another org's rows", async () => {
    const drafts = await page({ status: "DRAFT" });
    expect(drafts.paging.total).toBe(21);
    expect(drafts.rows.every((c) => c.status === "DRAFT")).toBe(true);
    const cloudDrafts = await page({ status: "DRAFT", cat: "CLOUD" });
    expect(cloudDrafts.rows.every((c) => c.category === "CLOUD" && c.status === "DRAFT")).toBe(true);
    const search = await page({ q: "contract 1" });
    expect(search.rows.map((c) => c.name)).not.toContain("Contract 1 at Globex");
    expect(search.paging.total).toBe(17); // 1, 10–19, 100–105
    expect(
      (await listContractsPage(f.acme.org.id, f.acme.units.teamA.id, parseContractListParams({}), {})).rows.every(
        (c) => c.teamName === f.acme.units.teamA.name,
      ),
    ).toBe(true);
  });

  it("falls back on bad parameters instead of failing", async () => {
    const r = await page({ sort: "DROP TABLE", dir: "sideways", status: "NOPE", cat: "x", page: "-4" });
    expect(parseContractListParams({ sort: "DROP TABLE", status: "NOPE" })).toMatchObject({
      status: null,
      category: null,
      sort: { key: "endDate", dir: "asc" },
    });
    expect(r.paging).toMatchObject({ page: 1, total: 105 });
    expect((await page({ page: "999999" })).paging.page).toBe(2);
  });

  it("pages and searches vendors; a page past the end is the last", async () => {
    const byName = parseVendorSort({ vsort: "name", vdir: "asc" });
    const all = await listVendorsPage(f.acme.org.id, TODAY, "", { vpage: "2" }, byName);
    expect(all).toMatchObject({ all: VENDOR_PAGE_SIZE + 3, paging: { page: 2, total: VENDOR_PAGE_SIZE + 3 } });
    expect(all.rows.map((v) => v.name)).toEqual([
      `Vendor ${VENDOR_PAGE_SIZE + 1}`,
      `Vendor ${VENDOR_PAGE_SIZE + 2}`,
      `Vendor ${VENDOR_PAGE_SIZE + 3}`,
    ]);
    const one = await listVendorsPage(f.acme.org.id, TODAY, "vendor 1", { vpage: "77" }, byName);
    expect(one.rows.map((v) => v.name)).not.toContain("Vendor 1 at Globex");
    expect(one.rows[0].name).toBe("Vendor 1");
  });

  it("sorts vendors in SQL across pages; an unknown key keeps the default", async () => {
    const byName = await listVendorsPage(f.acme.org.id, TODAY, "", { vpage: "2" }, parseVendorSort({ vsort: "name", vdir: "desc" }));
    expect(byName.rows.at(-1)!.name).toBe("Vendor 1");
    // 105 contracts over 53 vendors: one vendor holds a single contract; ascending, it is first of all pages.
    const byCount = await listVendorsPage(f.acme.org.id, TODAY, "", {}, parseVendorSort({ vsort: "contractCount", vdir: "asc" }));
    expect(byCount.rows.map((v) => v.contractCount).slice(0, 2)).toEqual([1, 2]);
    expect(parseVendorSort({ vsort: "1;DROP", vdir: "x" })).toEqual({ key: "annualValueCents", dir: "desc" });
  });
});

describe("members", () => {
  it("pages and searches in SQL, this org only", async () => {
    const p2 = await listMembersPage(f.acme.org.id, "", { mpage: "2" });
    expect(p2.paging).toMatchObject({ page: 2, pages: 2, total: MEMBERS_PAGE_SIZE + 10 });
    expect(p2.rows).toHaveLength(10);
    const found = await listMembersPage(f.acme.org.id, "member-0", { mpage: "-1" });
    expect(found.rows.map((m) => m.email).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `member-0${i}@acme.example`));
    expect((await listMembersPage(f.globex.org.id, "acme.example", {})).paging.total).toBe(0);
  });
});

describe("headcount positions", () => {
  const list = (sp: Record<string, string>, readsPay = true) =>
    listPositions(
      f.acme.org.id,
      { readsPay },
      { state: parsePositionState(sp), sort: parsePositionSort(sp, readsPay), page: { skip: 0, take: PAGE_SIZE } },
    );

  it("sorts every page in SQL and filters by status", async () => {
    expect((await list({ sort: "annualComp", dir: "desc" }))[0].title).toBe("Role 105");
    expect((await list({ sort: "title" })).slice(0, 3).map((p) => p.title)).toEqual(["Role 1", "Role 2", "Role 3"]);
    expect(await countPositions(f.acme.org.id, { state: "OPEN" })).toBe(15);
    expect((await list({ state: "OPEN" })).every((p) => p.status === "OPEN")).toBe(true);
  });

  it("does not sort by pay for a reader without pay access; unknown keys keep plan order", () => {
    expect(parsePositionSort({ sort: "annualComp" }, false)).toBeNull();
    expect(parsePositionSort({ sort: "annualComp", dir: "desc" }, true)).toEqual({ key: "annualComp", dir: "desc" });
    expect(parsePositionSort({ sort: "nope" }, true)).toBeNull();
    expect(parsePositionState({ state: "NOPE" })).toBeNull();
  });
});

describe("pickers tell same-named entries apart, never another org's", () => {
  it("people: title and unit; units: code", async () => {
    const twins = await searchPeopleOptions(f.acme.org.id, "sam twin");
    expect(twins).toHaveLength(2);
    expect(new Set(twins.map((t) => t.title)).size).toBe(2);
    expect(twins.map((t) => t.title).sort()).toEqual(
      [`Engineer · ${f.acme.units.teamA.name}`, `Engineer · ${f.acme.units.teamB.name}`].sort(),
    );
    const platforms = await searchUnitOptions(f.acme.org.id, "platform");
    expect(platforms.map((u) => u.title).sort()).toEqual(["PLAT-A", "PLAT-B"]);
    expect(await searchPeopleOptions(f.acme.org.id, "globex")).toEqual([]);
  });
});

describe("milestones list", () => {
  it("pages in SQL with the total of all rows", async () => {
    const now = day("2027-03-31");
    const p2 = await listAttention(f.acme.org.id, null, now, { due: "overdue", limit: PAGE_SIZE, offset: PAGE_SIZE });
    expect(p2.milestoneTotal).toBe(105);
    expect(p2.milestones.map((m) => m.name)).toEqual(["M101", "M102", "M103", "M104", "M105"]);
    const p1 = await listAttention(f.acme.org.id, null, now, { due: "overdue", limit: PAGE_SIZE });
    expect(p1.milestones).toHaveLength(PAGE_SIZE);
  });
});
