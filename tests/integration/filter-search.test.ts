import { beforeAll, describe, expect, it, vi } from "vitest";

import { UNIT_SEARCH_LIMIT } from "@/lib/org/search";
import { INITIATIVE_SEARCH_LIMIT } from "@/lib/roadmap/search";
import { createOrgWithRoles, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The projects list's unit and initiative filters search as you type: the route handlers
// app/(app)/[org]/teams/search (org units) and app/(app)/[org]/roadmap/search (initiatives),
// called as Next calls them, with a real session cookie and a real database. Access: 401 without
// a session, 404 for a member of another org or an unknown org, every role of the org otherwise
// (every member sees the whole projects list). Answers: a bounded list by name, never another
// org's rows, typed LIKE wildcards as text.

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
}));

process.env.AUTH_SECRET ??= "filter-search-test-secret-0123456789abcdef";

const { encodeSession } = await import("@/lib/auth/session-cookie");
const { startSession } = await import("@/lib/auth/sessions");
const units = await import("@/app/(app)/[org]/teams/search/route");
const initiatives = await import("@/app/(app)/[org]/roadmap/search/route");

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  for (let i = 0; i < UNIT_SEARCH_LIMIT + 5; i++)
    await createUnit(db, acme.org.id, { parentId: acme.units.teamA.id, name: `Squad ${String(i).padStart(2, "0")}`, code: `SQ-${i}` });
  const platform = await createUnit(db, acme.org.id, { parentId: acme.units.deptB.id, name: "Platform", code: "PLAT-CORE" });
  await createUnit(db, acme.org.id, { parentId: acme.units.deptB.id, name: "100% Uptime", code: "UPTIME" });
  await createUnit(db, globex.org.id, { parentId: globex.units.teamA.id, name: "Squad at Globex", code: "GLX-SQ" });
  const initiative = (
    orgId: string,
    orgUnitId: string,
    name: string,
    fiscalYear = 2027,
    period: { fiscalQuarter?: number; fiscalHalf?: number } = {},
  ) => db.initiative.create({ data: { orgId, orgUnitId, name, fiscalYear, ...period } });
  for (let i = 0; i < INITIATIVE_SEARCH_LIMIT + 5; i++)
    await initiative(acme.org.id, acme.units.deptA.id, `Bet ${String(i).padStart(2, "0")}`);
  const reliability27 = await initiative(acme.org.id, acme.units.deptA.id, "Reliability", 2027, { fiscalQuarter: 2 });
  const reliability26 = await initiative(acme.org.id, acme.units.deptA.id, "Reliability", 2026, { fiscalHalf: 1 });
  await initiative(acme.org.id, acme.units.deptA.id, "Under_Score");
  await initiative(acme.org.id, acme.units.deptA.id, "UnderXScore");
  const foreign = await initiative(globex.org.id, globex.units.teamA.id, "Bet at Globex");
  return { acme, globex, platform, reliability27, reliability26, foreign };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

const signIn = async (userId: string | null) => {
  // A signed-in browser: a server-side session record and the cookie naming it.
  cookie =
    userId === null
      ? undefined
      : await encodeSession({ sub: userId, sid: await startSession(db, userId), authAt: Date.now(), lastSeen: Date.now() });
};

type Route = { GET: (request: Request, ctx: { params: Promise<{ org: string }> }) => Promise<Response> };

async function get(route: Route, slug: string, query = "") {
  const res = await route.GET(new Request(`http://keel.test/${slug}/search${query}`), { params: Promise.resolve({ org: slug }) });
  return {
    status: res.status,
    headers: res.headers,
    body: res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text(),
  };
}

const names = (body: { name: string }[]) => body.map((o) => o.name);

describe.each([
  ["org units (/[org]/teams/search)", () => units],
  ["initiatives (/[org]/roadmap/search)", () => initiatives],
])("%s: access", (_, route) => {
  it("answers 401 without a session", async () => {
    await signIn(null);
    expect(await get(route(), w.acme.org.slug, "?q=s")).toMatchObject({
      status: 401,
      body: { code: "UNAUTHENTICATED", message: "Please sign in." },
    });
  });

  it("answers 404 to a member of another org and for an unknown org, naming nothing", async () => {
    await signIn(w.globex.members.director.user.id);
    expect(await get(route(), w.acme.org.slug, "?q=s")).toMatchObject({ status: 404, body: { code: "NOT_FOUND", message: "Not found." } });
    expect(await get(route(), "no-such-org", "?q=s")).toMatchObject({ status: 404, body: { code: "NOT_FOUND", message: "Not found." } });
  });

  it("answers every role of the org (all of them see the projects list), uncached", async () => {
    for (const role of ["admin", "director", "manager", "finance", "viewer"] as const) {
      await signIn(w.acme.members[role].user.id);
      const res = await get(route(), w.acme.org.slug, "?q=");
      expect(res.status, role).toBe(200);
      expect((res.body as unknown[]).length, role).toBeGreaterThan(0);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("org unit search", () => {
  beforeAll(() => signIn(w.acme.members.viewer.user.id));

  it("returns at most the limit, by name, case-insensitive, each with its code and nothing else", async () => {
    const { status, body } = await get(units, w.acme.org.slug, "?q=sQuAd");
    expect(status).toBe(200);
    expect(names(body)).toEqual(Array.from({ length: UNIT_SEARCH_LIMIT }, (_, i) => `Squad ${String(i).padStart(2, "0")}`));
    expect(body[0]).toEqual({ id: expect.any(String), name: "Squad 00", title: "SQ-0" });
  });

  it("matches the code too", async () => {
    expect((await get(units, w.acme.org.slug, "?q=plat-co")).body).toEqual([{ id: w.platform.id, name: "Platform", title: "PLAT-CORE" }]);
  });

  it("a manager is offered units outside their scope: the filter narrows a list they see whole", async () => {
    await signIn(w.acme.members.manager.user.id);
    expect(names((await get(units, w.acme.org.slug, "?q=platform")).body)).toEqual(["Platform"]);
    await signIn(w.acme.members.viewer.user.id);
  });

  it("never offers another org's units", async () => {
    expect((await get(units, w.acme.org.slug, "?q=globex")).body).toEqual([]);
    expect((await get(units, w.acme.org.slug, "?q=GLX")).body).toEqual([]);
  });

  it("without a query, or with a blank one, is the first page by name, still bounded", async () => {
    for (const query of ["", "?q=", "?q=%20%20", "?other=1"])
      expect((await get(units, w.acme.org.slug, query)).body, query).toHaveLength(UNIT_SEARCH_LIMIT);
  });

  it("treats %, _ and \\ as text, reads the first of repeated q, and cuts an overlong q instead of failing", async () => {
    expect(names((await get(units, w.acme.org.slug, "?q=%25")).body)).toEqual(["100% Uptime"]);
    expect((await get(units, w.acme.org.slug, "?q=_")).body).toEqual([]);
    expect((await get(units, w.acme.org.slug, "?q=%5C")).body).toEqual([]);
    expect(names((await get(units, w.acme.org.slug, "?q=platform&q=squad")).body)).toEqual(["Platform"]);
    const long = await get(units, w.acme.org.slug, `?q=${"x".repeat(5000)}`);
    expect(long).toMatchObject({ status: 200, body: [] });
  });
});

describe("initiative search", () => {
  beforeAll(() => signIn(w.acme.members.viewer.user.id));

  it("returns at most the limit, by name, case-insensitive, each with its fiscal period and nothing else", async () => {
    const { status, body } = await get(initiatives, w.acme.org.slug, "?q=bEt");
    expect(status).toBe(200);
    expect(names(body)).toEqual(Array.from({ length: INITIATIVE_SEARCH_LIMIT }, (_, i) => `Bet ${String(i).padStart(2, "0")}`));
    expect(body[0]).toEqual({ id: expect.any(String), name: "Bet 00", title: "FY27" });
  });

  it("tells initiatives of one name apart by period, the latest first", async () => {
    expect((await get(initiatives, w.acme.org.slug, "?q=reliab")).body).toEqual([
      { id: w.reliability27.id, name: "Reliability", title: "FY27 Q2" },
      { id: w.reliability26.id, name: "Reliability", title: "FY26 H1" },
    ]);
  });

  it("never offers another org's initiatives", async () => {
    expect((await get(initiatives, w.acme.org.slug, "?q=globex")).body).toEqual([]);
    await signIn(w.globex.members.viewer.user.id);
    expect((await get(initiatives, w.globex.org.slug, "?q=bet")).body).toEqual([
      { id: w.foreign.id, name: "Bet at Globex", title: "FY27" },
    ]);
    await signIn(w.acme.members.viewer.user.id);
  });

  it("without a query is the first page by name, still bounded", async () => {
    expect((await get(initiatives, w.acme.org.slug)).body).toHaveLength(INITIATIVE_SEARCH_LIMIT);
  });

  it("treats %, _ and \\ as text and cuts an overlong q instead of failing", async () => {
    expect(names((await get(initiatives, w.acme.org.slug, "?q=under_")).body)).toEqual(["Under_Score"]);
    expect((await get(initiatives, w.acme.org.slug, "?q=%25")).body).toEqual([]);
    expect((await get(initiatives, w.acme.org.slug, "?q=%5C")).body).toEqual([]);
    expect(await get(initiatives, w.acme.org.slug, `?q=${"x".repeat(5000)}`)).toMatchObject({ status: 200, body: [] });
  });
});
