import { beforeAll, describe, expect, it } from "vitest";

import { PROJECT_SEARCH_LIMIT, searchProjectOptions } from "@/lib/projects/search";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The dependency picker's search (app/(app)/[org]/projects/search/route.ts; the route lets
// members only in, tests/integration/route-member.test.ts): a bounded number of matches, never
// the project itself or archived ones, never another org's.

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  const mk = (orgId: string, orgUnitId: string, name: string, archived = false) =>
    db.project.create({ data: { orgId, orgUnitId, name, ...(archived ? { archivedAt: new Date() } : {}) } });
  const self = await mk(acme.org.id, acme.units.teamA.id, "Apollo self");
  for (let i = 0; i < PROJECT_SEARCH_LIMIT + 5; i++) await mk(acme.org.id, acme.units.teamB.id, `Apollo ${String(i).padStart(2, "0")}`);
  await mk(acme.org.id, acme.units.teamB.id, "Gemini");
  await mk(acme.org.id, acme.units.teamB.id, "Apollo archived", true);
  await mk(globex.org.id, globex.units.teamA.id, "Apollo at Globex");
  return { acme, globex, self };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

describe("searchProjectOptions", () => {
  it("returns at most the limit, by name, case-insensitive, without the project itself", async () => {
    const r = await searchProjectOptions(w.acme.org.id, "aPoLlO", w.self.id);
    expect(r).toHaveLength(PROJECT_SEARCH_LIMIT);
    expect(r!.map((p) => p.name)).toEqual(Array.from({ length: PROJECT_SEARCH_LIMIT }, (_, i) => `Apollo ${String(i).padStart(2, "0")}`));
    expect(r!.some((p) => p.id === w.self.id)).toBe(false);
  });

  it("never offers archived projects or another org's", async () => {
    const r = await searchProjectOptions(w.acme.org.id, "apollo a", "");
    expect(r).toEqual([]);
    expect((await searchProjectOptions(w.acme.org.id, "gem", ""))!.map((p) => p.name)).toEqual(["Gemini"]);
  });

  it("treats LIKE wildcards in the query as text", async () => {
    expect(await searchProjectOptions(w.acme.org.id, "%", "")).toEqual([]);
  });
});
