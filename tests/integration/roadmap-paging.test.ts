import { beforeAll, describe, expect, it, vi } from "vitest";

import { db as appDb } from "@/lib/db";

import { getProjectFilterOptions, listProjectsPage } from "@/lib/projects/queries";
import { listInitiativesPage } from "@/lib/roadmap/queries";
import { INITIATIVE_ATTENTION_SHOWN, listInitiativesForYear, listTimelinePage, type TimelineFilters } from "@/lib/roadmap/timeline-queries";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Paging in the database for the roadmap timeline (groups counted and labelled by GROUP BY, only
// the page's projects read), the initiatives' capped project lists, and the projects list.

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const window = { start: "2026-07-01", end: "2026-12-31" };
const filters = (change: Partial<TimelineFilters> = {}): TimelineFilters => ({ zoom: "half", offset: 0, group: "initiative", ...change });

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  const init = (name: string) =>
    db.initiative.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.deptA.id, name, fiscalYear: 2027 } });
  const [beta, alpha, gamma] = [await init("Beta"), await init("Alpha"), await init("Gamma")];
  const project = (name: string, orgUnitId: string, initiativeId: string | null, dates: [string, string] | null, extra: object = {}) =>
    db.project.create({
      data: {
        orgId: acme.org.id,
        orgUnitId,
        name,
        initiativeId,
        status: "ACTIVE",
        health: "AT_RISK",
        ...(dates ? { startDate: d(dates[0]), targetDate: d(dates[1]) } : {}),
        ...extra,
      },
    });
  const inWindow: [string, string] = ["2026-06-01", "2026-09-30"];
  await project("A1", acme.units.teamA.id, alpha.id, inWindow);
  await project("A2", acme.units.teamB.id, alpha.id, ["2026-12-01", "2027-03-01"]);
  await project("B1", acme.units.teamA.id, beta.id, inWindow);
  await project("G1", acme.units.teamB.id, gamma.id, inWindow);
  await project("N1", acme.units.teamB.id, null, inWindow);
  await project("Outside", acme.units.teamA.id, alpha.id, ["2025-01-01", "2025-02-01"]);
  await project("Archived", acme.units.teamA.id, beta.id, inWindow, { archivedAt: new Date() });
  await project("Undated", acme.units.teamA.id, beta.id, null);
  for (let i = 0; i < 7; i++) await project(`Extra ${i}`, acme.units.teamA.id, gamma.id, ["2027-09-01", "2027-10-01"]);
  await db.project.create({
    data: {
      orgId: globex.org.id,
      orgUnitId: globex.units.teamA.id,
      name: "Globex",
      status: "ACTIVE",
      startDate: d(inWindow[0]),
      targetDate: d(inWindow[1]),
    },
  });
  return { acme, globex, gamma };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

const names = (g: { label: string; projects: { name: string }[] }[]) => g.map((x) => [x.label, x.projects.map((p) => p.name)]);

describe("listTimelinePage", () => {
  it("pages groups by label with 'No initiative' last, reading only the page's projects in the window", async () => {
    const p1 = await listTimelinePage(w.acme.org.id, filters(), window, {}, 2);
    expect(p1.paging).toMatchObject({ page: 1, pages: 2, total: 4 });
    expect(names(p1.groups)).toEqual([
      ["Alpha", ["A1", "A2"]],
      ["Beta", ["B1"]],
    ]);
    expect(p1.undated).toBe(1);
    const p2 = await listTimelinePage(w.acme.org.id, filters(), window, { page: "2" }, 2);
    expect(names(p2.groups)).toEqual([
      ["Gamma", ["G1"]],
      ["No initiative", ["N1"]],
    ]);
  });

  it("groups by team and keeps the unit and status filters", async () => {
    const byTeam = await listTimelinePage(w.acme.org.id, filters({ group: "team" }), window, {}, 10);
    expect(Object.fromEntries(byTeam.groups.map((g) => [g.key, g.projects.length]))).toEqual({
      [w.acme.units.teamA.id]: 2,
      [w.acme.units.teamB.id]: 3,
    });
    const labels = byTeam.groups.map((g) => g.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("und", { numeric: true }).compare));
    const deptB = await listTimelinePage(w.acme.org.id, filters({ unit: w.acme.units.deptB.id }), window, {}, 10);
    expect(names(deptB.groups)).toEqual([
      ["Alpha", ["A2"]],
      ["Gamma", ["G1"]],
      ["No initiative", ["N1"]],
    ]);
    expect((await listTimelinePage(w.acme.org.id, filters({ status: "DONE" }), window, {}, 10)).groups).toEqual([]);
  });
});

describe("listTimelinePage rows", () => {
  it("carries the milestones inside the window only, first to last, and what each project waits on", async () => {
    const [a1, b1] = await Promise.all(["A1", "B1"].map((name) => db.project.findFirstOrThrow({ where: { orgId: w.acme.org.id, name } })));
    const orgId = w.acme.org.id;
    await db.milestone.createMany({
      data: [
        { orgId, projectId: a1.id, name: "Before", dueDate: d("2026-06-15") },
        { orgId, projectId: a1.id, name: "Late", dueDate: d("2026-12-31") },
        { orgId, projectId: a1.id, name: "Early", dueDate: d("2026-07-01"), doneDate: d("2026-07-01") },
        { orgId, projectId: a1.id, name: "After", dueDate: d("2027-01-01") },
      ],
    });
    await db.projectDependency.create({ data: { orgId, blockerId: b1.id, blockedId: a1.id } });
    const { groups } = await listTimelinePage(orgId, filters(), window, {}, 10);
    const row = groups.flatMap((g) => g.projects).find((p) => p.id === a1.id)!;
    expect(row.milestones).toEqual([
      { name: "Early", dueDate: "2026-07-01", done: true },
      { name: "Late", dueDate: "2026-12-31", done: false },
    ]);
    expect(row.waitsOn).toEqual([{ name: "B1", health: "AT_RISK" }]);
    expect(groups.flatMap((g) => g.projects).find((p) => p.id === b1.id)!.blocks).toBe(1);
  });
});

describe("listInitiativesForYear", () => {
  it("counts each initiative's live projects by health and lists the first that need attention", async () => {
    const year = await listInitiativesForYear(w.acme.org.id, 2027);
    // Every project here is at risk: the first INITIATIVE_ATTENTION_SHOWN by name; Beta's archived
    // project is neither listed nor counted.
    expect(INITIATIVE_ATTENTION_SHOWN).toBe(3);
    expect(year.map((i) => [i.name, i.projectCount, i.health.AT_RISK, i.attention.map((p) => p.name)])).toEqual([
      ["Alpha", 3, 3, ["A1", "A2", "Outside"]],
      ["Beta", 2, 2, ["B1", "Undated"]],
      ["Gamma", 8, 8, ["Extra 0", "Extra 1", "Extra 2"]],
    ]);
    const gamma = year.find((i) => i.id === w.gamma.id)!;
    expect(gamma).toMatchObject({ owner: null, fiscalYear: 2027, period: "YEAR", status: "PROPOSED" });
    expect(gamma.health).toEqual({ ON_TRACK: 0, AT_RISK: 8, OFF_TRACK: 0, UNKNOWN: 0 });
    expect(gamma.attention[0]).toEqual({ id: expect.any(String), name: "Extra 0", health: "AT_RISK" });
    expect(Number.isNaN(Date.parse(gamma.updatedAt))).toBe(false);
    // Another org's initiatives and other years are not listed.
    // (The rows added here are removed again: the other tests share this org.)
    const foreign = await db.initiative.create({
      data: { orgId: w.globex.org.id, orgUnitId: w.globex.units.deptA.id, name: "Aardvark", fiscalYear: 2027 },
    });
    const owner = await db.person.create({
      data: {
        orgId: w.acme.org.id,
        orgUnitId: w.acme.units.teamA.id,
        name: "Olga",
        title: "Director",
        level: "D1",
        startDate: d("2024-01-01"),
        annualCompCents: 1n,
      },
    });
    const later = await db.initiative.create({
      data: {
        orgId: w.acme.org.id,
        orgUnitId: w.acme.units.deptA.id,
        name: "Later",
        fiscalYear: 2028,
        ownerId: owner.id,
        fiscalQuarter: 2,
      },
    });
    try {
      expect((await listInitiativesForYear(w.acme.org.id, 2027)).map((i) => i.name)).toEqual(["Alpha", "Beta", "Gamma"]);
      expect(await listInitiativesForYear(w.acme.org.id, 2028)).toEqual([
        expect.objectContaining({
          name: "Later",
          owner: { id: owner.id, name: "Olga" },
          period: "Q2",
          attention: [],
          projectCount: 0,
          health: { ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 0 },
        }),
      ]);
    } finally {
      await db.initiative.deleteMany({ where: { id: { in: [foreign.id, later.id] } } });
      await db.person.delete({ where: { id: owner.id } });
    }
  });
});

describe("listInitiativesForYear: what needs attention", () => {
  it("lists off-track before at-risk projects, leaves on-track and unknown ones out, and counts every live one by health", async () => {
    const org = w.acme.org.id;
    const delta = await db.initiative.create({
      data: { orgId: org, orgUnitId: w.acme.units.deptA.id, name: "Delta", fiscalYear: 2029, fiscalHalf: 1 },
    });
    const mk = (name: string, health: "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "UNKNOWN", extra: object = {}) =>
      db.project.create({
        data: { orgId: org, orgUnitId: w.acme.units.teamA.id, initiativeId: delta.id, name, status: "ACTIVE", health, ...extra },
      });
    // Names chosen so that name order alone would list them differently.
    await mk("a on track", "ON_TRACK");
    await mk("b at risk", "AT_RISK");
    await mk("c unknown", "UNKNOWN");
    await mk("d at risk", "AT_RISK");
    await mk("e off track", "OFF_TRACK");
    await mk("f at risk", "AT_RISK");
    await mk("0 archived off track", "OFF_TRACK", { archivedAt: new Date() });
    try {
      const [row] = await listInitiativesForYear(org, 2029);
      expect(row).toMatchObject({
        name: "Delta",
        period: "H1",
        projectCount: 6,
        health: { ON_TRACK: 1, AT_RISK: 3, OFF_TRACK: 1, UNKNOWN: 1 },
      });
      expect(row.attention.map((p) => [p.name, p.health])).toEqual([
        ["e off track", "OFF_TRACK"],
        ["b at risk", "AT_RISK"],
        ["d at risk", "AT_RISK"],
      ]);
      // Nothing of it leaks into another org's year.
      expect(await listInitiativesForYear(w.globex.org.id, 2029)).toEqual([]);
    } finally {
      await db.project.deleteMany({ where: { initiativeId: delta.id } });
      await db.initiative.delete({ where: { id: delta.id } });
    }
  });
});

describe("listInitiativesPage", () => {
  it("counts in the database and reads one page (?ipage) of this org's initiatives, with the health mix of their live projects", async () => {
    // Another org's initiative that would sort first is not counted nor listed.
    await db.initiative.create({
      data: { orgId: w.globex.org.id, orgUnitId: w.globex.units.deptA.id, name: "Aardvark", fiscalYear: 2020 },
    });
    const p1 = await listInitiativesPage(w.acme.org.id, {}, 2);
    expect(p1.paging).toMatchObject({ page: 1, pages: 2, total: 3, param: "ipage" });
    expect(p1.rows.map((r) => [r.name, r.projectCount, r.health.AT_RISK])).toEqual([
      ["Alpha", 3, 3], // A1, A2, Outside
      ["Beta", 2, 2], // B1, Undated; Archived is not counted
    ]);
    const p2 = await listInitiativesPage(w.acme.org.id, { page: "1", ipage: "2" }, 2);
    expect(p2.rows.map((r) => [r.name, r.projectCount])).toEqual([["Gamma", 8]]);
    // Past the last page: the last page; nonsense: the first.
    expect((await listInitiativesPage(w.acme.org.id, { ipage: "9" }, 2)).rows.map((r) => r.name)).toEqual(["Gamma"]);
    expect((await listInitiativesPage(w.acme.org.id, { ipage: "x" }, 2)).rows.map((r) => r.name)).toEqual(["Alpha", "Beta"]);
  });
});

describe("listProjectsPage", () => {
  it("counts in the database and reads one page", async () => {
    const all = await listProjectsPage(w.acme.org.id, { status: "ACTIVE", health: "AT_RISK" }, {});
    expect(all.paging.total).toBe(all.rows.length);
    expect(all.rows.some((r) => r.name === "Globex" || r.name === "Archived")).toBe(false);
    const total = all.paging.total;
    expect(total).toBe(14);
    const out = await listProjectsPage(w.acme.org.id, { status: "ACTIVE" }, { page: "9" });
    expect(out.paging.page).toBe(1);
    expect(out.rows).toHaveLength(total);
  });

  it("'stale only' counts and pages in the database: page 2 of 105 stale projects reads 5 rows", async () => {
    // Globex, weekly cadence due Friday with 2 grace days (the default): 105 active projects last
    // updated in March are stale on 2026-11-27; a fresh one, a paused one and an archived one are not.
    const org = w.globex.org.id;
    const unit = w.globex.units.teamA.id;
    const old = { status: "ACTIVE" as const, createdAt: d("2026-01-01"), startDate: d("2026-01-01"), lastUpdateAt: d("2026-03-01") };
    await db.project.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({ orgId: org, orgUnitId: unit, name: `S${String(i).padStart(3, "0")}`, ...old })),
    });
    await db.project.createMany({
      data: [
        { orgId: org, orgUnitId: unit, name: "S fresh", ...old, lastUpdateAt: d("2026-11-26") },
        { orgId: org, orgUnitId: unit, name: "S paused", ...old, status: "PAUSED" },
        { orgId: org, orgUnitId: unit, name: "S archived", ...old, archivedAt: d("2026-06-01") },
      ],
    });
    const now = new Date("2026-11-27T12:00:00Z");
    const findMany = vi.spyOn(appDb.project, "findMany");
    const p2 = await listProjectsPage(org, { stale: true }, { page: "2" }, now);
    expect(p2.paging).toMatchObject({ page: 2, pages: 2, total: 105, from: 101, to: 105 });
    expect(p2.rows.map((r) => r.name)).toEqual(["S100", "S101", "S102", "S103", "S104"]);
    expect(p2.rows.every((r) => r.update.state === "stale")).toBe(true);
    expect(findMany).toHaveBeenCalledTimes(1);
    expect(findMany.mock.calls[0][0]).toMatchObject({ skip: 100, take: 100 });
    findMany.mockRestore();
    const p1 = await listProjectsPage(org, { stale: true }, {}, now);
    expect(p1.rows).toHaveLength(100);
    expect(p1.rows[0].name).toBe("S000");
  });
});

describe("getProjectFilterOptions", () => {
  it("reads only the picked unit, initiative and lead (in this org) for their names, never every choice", async () => {
    const person = (orgId: string, orgUnitId: string, name: string) =>
      db.person.create({ data: { orgId, orgUnitId, name, title: "Lead", level: "M1", startDate: d("2024-01-01"), annualCompCents: 0n } });
    const lead = await person(w.acme.org.id, w.acme.units.teamA.id, "Lena Lead");
    const foreign = await person(w.globex.org.id, w.globex.units.teamA.id, "Globex Lead");
    const foreignInitiative = await db.initiative.create({
      data: { orgId: w.globex.org.id, orgUnitId: w.globex.units.teamA.id, name: "Globex bet", fiscalYear: 2027 },
    });
    // The lists of choices are searched as you type (/[org]/teams/search, /[org]/roadmap/search): none is read here.
    const lists = [vi.spyOn(appDb.orgUnit, "findMany"), vi.spyOn(appDb.initiative, "findMany"), vi.spyOn(appDb.person, "findMany")];
    expect(await getProjectFilterOptions(w.acme.org.id, {})).toEqual({ unit: null, initiative: null, lead: null });
    const unit = w.acme.units.teamA;
    expect(await getProjectFilterOptions(w.acme.org.id, { unit: unit.id, initiative: w.gamma.id, lead: lead.id })).toEqual({
      unit: { id: unit.id, name: unit.name },
      initiative: { id: w.gamma.id, name: "Gamma" },
      lead: { id: lead.id, name: "Lena Lead" },
    });
    expect((await getProjectFilterOptions(w.acme.org.id, { initiative: "none" })).initiative).toEqual({
      id: "none",
      name: "No initiative",
    });
    // Another org's ids (or made-up ones) in the URL name nothing.
    expect(
      await getProjectFilterOptions(w.acme.org.id, { unit: w.globex.units.teamA.id, initiative: foreignInitiative.id, lead: foreign.id }),
    ).toEqual({ unit: null, initiative: null, lead: null });
    expect(await getProjectFilterOptions(w.acme.org.id, { unit: "nope", initiative: "nope", lead: "nope" })).toEqual({
      unit: null,
      initiative: null,
      lead: null,
    });
    for (const spy of lists) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
