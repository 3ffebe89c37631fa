import { beforeAll, describe, expect, it } from "vitest";

import { listPeople } from "@/lib/people/queries";
import { PEOPLE_SEARCH_LIMIT, searchPeopleOptions } from "@/lib/people/search";
import { PROJECT_SEARCH_LIMIT, searchProjectOptions } from "@/lib/projects/search";
import { grantScope } from "@/lib/scope";
import type { Role } from "@/lib/generated/prisma/enums";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The person pickers' search (app/(app)/[org]/people/search/route.ts; the route lets members
// only in, tests/integration/route-member.test.ts): a bounded number of matches by name, people
// in post only, never another org's; typed LIKE wildcards are text. And the staffing mode of the project search (?open=1): staffable projects in the user's
// write scope only.

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

const day = (s: string) => new Date(`${s}T00:00:00Z`);

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  const mk = (orgId: string, orgUnitId: string, name: string, endDate: Date | null = null) =>
    db.person.create({
      data: {
        orgId,
        orgUnitId,
        name,
        title: "Engineer",
        level: "IC3",
        startDate: day("2024-01-01"),
        endDate,
        annualCompCents: 10_000_000n,
      },
    });
  for (let i = 0; i < PEOPLE_SEARCH_LIMIT + 5; i++) await mk(acme.org.id, acme.units.teamA.id, `Ada ${String(i).padStart(2, "0")}`);
  await mk(acme.org.id, acme.units.teamB.id, "Grace Hopper");
  await mk(acme.org.id, acme.units.teamB.id, "Ada Gone", day("2020-01-31"));
  const leaving = await mk(acme.org.id, acme.units.teamB.id, "Ada Leaving", day("2999-12-31"));
  const starter = await db.person.create({
    data: {
      orgId: acme.org.id,
      orgUnitId: acme.units.teamB.id,
      name: "Ada Starter",
      title: "Engineer",
      level: "IC3",
      startDate: day("2999-01-04"),
      annualCompCents: 1n,
    },
  });
  await mk(acme.org.id, acme.units.teamB.id, "100% Sure");
  await mk(acme.org.id, acme.units.teamB.id, "Under_Score");
  await mk(acme.org.id, acme.units.teamB.id, "UnderXScore");
  const foreign = await mk(globex.org.id, globex.units.teamA.id, "Ada at Globex");
  const project = (orgUnitId: string, name: string, status: "PLANNED" | "ACTIVE" | "DONE") =>
    db.project.create({ data: { orgId: acme.org.id, orgUnitId, name, status } });
  await project(acme.units.teamA.id, "Staff A active", "ACTIVE");
  await project(acme.units.teamB.id, "Staff B planned", "PLANNED");
  await project(acme.units.teamA.id, "Staff A done", "DONE");
  return { acme, globex, leaving, starter, foreign };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

const acme = () => w.acme.org.id;
// The member the route hands over (getRouteMember): role, scope and org.
const asMember = (m: { membership: { role: Role; scopeUnitId: string | null } }) => ({
  role: m.membership.role,
  scopeUnitId: m.membership.scopeUnitId,
  org: { id: w.acme.org.id },
});

describe("searchPeopleOptions", () => {
  it("returns at most the limit, by name, case-insensitive, with titles", async () => {
    const r = await searchPeopleOptions(acme(), "aDa ");
    expect(r).toHaveLength(PEOPLE_SEARCH_LIMIT);
    expect(r!.map((p) => p.name)).toEqual(Array.from({ length: PEOPLE_SEARCH_LIMIT }, (_, i) => `Ada ${String(i).padStart(2, "0")}`));
    // Job title and unit tell same-named people apart.
    expect(r![0].title).toMatch(/^Engineer · \S/);
    // An empty query is the first page by name, still bounded.
    expect(await searchPeopleOptions(acme(), "")).toHaveLength(PEOPLE_SEARCH_LIMIT);
  });

  it("offers people still in post (a future last day counts), never leavers or another org's people", async () => {
    const r = (await searchPeopleOptions(acme(), "ada "))!;
    expect(r.some((p) => p.name === "Ada Gone")).toBe(false);
    expect(r.some((p) => p.id === w.foreign.id)).toBe(false);
    expect((await searchPeopleOptions(acme(), "leaving"))!.map((p) => p.id)).toEqual([w.leaving.id]);
    expect(await searchPeopleOptions(acme(), "globex")).toEqual([]);
  });

  it("offers a future starter, as the people list shows them: one definition (notDepartedWhere)", async () => {
    expect((await searchPeopleOptions(acme(), "ada starter")).map((p) => p.id)).toEqual([w.starter.id]);
    const listed = (await listPeople(acme(), { readsPay: true })).map((p) => p.name).filter((n) => n.startsWith("Ada"));
    const offered = (await searchPeopleOptions(acme(), "ada")).map((p) => p.name);
    // The picker's first page by name is the people list's first names, leavers and starters alike.
    expect(offered).toEqual(listed.slice(0, PEOPLE_SEARCH_LIMIT));
    expect(listed).toContain("Ada Starter");
    expect(listed).not.toContain("Ada Gone");
  });

  it("with leads: offers the people who lead a project, leavers included, and nobody else", async () => {
    const [gone, grace] = await Promise.all(
      ["Ada Gone", "Grace Hopper"].map((name) => db.person.findFirstOrThrow({ where: { orgId: w.acme.org.id, name } })),
    );
    await db.project.create({ data: { orgId: w.acme.org.id, orgUnitId: w.acme.units.teamB.id, name: "Led by a leaver", leadId: gone.id } });
    await db.project.create({ data: { orgId: w.acme.org.id, orgUnitId: w.acme.units.teamB.id, name: "Led by Grace", leadId: grace.id } });
    // Another org's project led by its own person: never offered under Acme.
    await db.project.create({
      data: { orgId: w.globex.org.id, orgUnitId: w.globex.units.teamA.id, name: "Globex led", leadId: w.foreign.id },
    });
    expect((await searchPeopleOptions(w.acme.org.id, "", true)).map((p) => p.name)).toEqual(["Ada Gone", "Grace Hopper"]);
    expect((await searchPeopleOptions(w.acme.org.id, "gra", true)).map((p) => p.id)).toEqual([grace.id]);
    expect(await searchPeopleOptions(w.acme.org.id, "ada 0", true)).toEqual([]);
  });

  it("treats %, _ and \\ in the query as text", async () => {
    expect((await searchPeopleOptions(acme(), "%"))!.map((p) => p.name)).toEqual(["100% Sure"]);
    expect((await searchPeopleOptions(acme(), "under_"))!.map((p) => p.name)).toEqual(["Under_Score"]);
    expect(await searchPeopleOptions(acme(), "\\")).toEqual([]);
  });
});

describe("searchProjectOptions in staffing mode (open)", () => {
  const names = async (who: "director" | "manager" | "viewer") =>
    (await searchProjectOptions(w.acme.org.id, "staff", "", grantScope(asMember(w.acme.members[who]), "projects:write"))).map(
      (p) => p.name,
    );

  it("offers planned, active and paused projects only", async () => {
    expect(await names("director")).toEqual(["Staff A active", "Staff B planned"]);
    expect((await searchProjectOptions(w.acme.org.id, "staff", "")).length).toBeLessThanOrEqual(PROJECT_SEARCH_LIMIT);
  });

  it("keeps a manager to their subtree and offers nothing to a role that cannot staff", async () => {
    expect(await names("manager")).toEqual(["Staff A active"]);
    expect(await names("viewer")).toEqual([]);
  });
});
