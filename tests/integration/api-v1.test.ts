import { beforeAll, describe, expect, it } from "vitest";

import { revokeOrgApiToken } from "@/lib/api/manage-tokens";
import { API_OPERATIONS } from "@/lib/api/openapi";
import { DEFAULT_LIMIT, rateLimitKey } from "@/lib/api/rate-limit";
import { API_SCOPES } from "@/lib/api/scopes";
import { createApiToken } from "@/tests/factories/api";
import { callApi } from "@/tests/support/api-client";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import { API_COLUMNS, API_ROUTE_ROWS, type ApiColumn } from "@/tests/support/authz/matrix-api";
import { resetDb, testDb } from "@/tests/support/db";

// The REST API v1 against a real database: every documented route × every kind of token
// (tests/support/authz/matrix-api.ts), then pagination, filters, idempotency, If-Match, the
// problem bodies, rate limits, revocation and tenancy.

const db = testDb();
let acme: OrgFx;
let globex: OrgFx;
const tokens = {} as Record<Exclude<ApiColumn, "NO_SCOPE" | "NONE">, string>;
const ALL = [...API_SCOPES];

beforeAll(async () => {
  await resetDb();
  acme = await createAuthzOrg(db);
  globex = await createAuthzOrg(db);
  const personal = (userId: string, orgId = acme.org.id) => createApiToken(db, { orgId, kind: "PERSONAL", userId, scopes: ALL });
  tokens.ORG = (await createApiToken(db, { orgId: acme.org.id, kind: "ORG", scopes: ALL })).secret;
  tokens.ADMIN = (await personal(acme.users.admin)).secret;
  tokens.DIRECTOR = (await personal(acme.users.director)).secret;
  tokens.MGR_IN = (await personal(acme.users.managerIn)).secret;
  tokens.MGR_OUT = (await personal(acme.users.managerOut)).secret;
  tokens.FINANCE = (await personal(acme.users.finance)).secret;
  tokens.VIEWER = (await personal(acme.users.viewer)).secret;
  tokens.REVOKED = (
    await createApiToken(db, { orgId: acme.org.id, kind: "PERSONAL", userId: acme.users.director, scopes: ALL, revokedAt: new Date() })
  ).secret;
  tokens.EXPIRED = (
    await createApiToken(db, {
      orgId: acme.org.id,
      kind: "PERSONAL",
      userId: acme.users.director,
      scopes: ALL,
      expiresAt: new Date(Date.now() - 1000),
    })
  ).secret;
  tokens.FOREIGN = (await personal(globex.users.director, globex.org.id)).secret;
});

const opKey = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;
const split = (key: string) => key.split(" ") as [string, string];

async function tokenFor(column: ApiColumn, scope: string): Promise<string | null> {
  if (column === "NONE") return null;
  if (column === "NO_SCOPE") {
    return (
      await createApiToken(db, {
        orgId: acme.org.id,
        kind: "PERSONAL",
        userId: acme.users.director,
        scopes: ALL.filter((s) => s !== scope),
      })
    ).secret;
  }
  return tokens[column];
}

describe("the API matrix covers every documented operation", () => {
  it("has one row per operation that needs a token, and none for an unknown one", () => {
    const documented = API_OPERATIONS.filter((op) => op.scope)
      .map(opKey)
      .sort();
    expect(API_ROUTE_ROWS.map((r) => r.op).sort()).toEqual(documented);
  });
});

for (const row of API_ROUTE_ROWS) {
  const op = API_OPERATIONS.find((o) => opKey(o) === row.op)!;
  describe(row.op, () => {
    for (const column of API_COLUMNS) {
      const expected = row.expect[column];
      if (expected === null) continue;
      it(`${column} → ${expected}`, async () => {
        const [method, path] = split(row.op);
        const call = await row.call(acme);
        const token = await tokenFor(column, op.scope!);
        const counts = async () => [
          await db.statusUpdate.count(),
          await db.auditEvent.count(),
          await db.project.aggregate({ _sum: { version: true } }),
          await db.position.aggregate({ _sum: { version: true } }),
          await db.actualEntry.count(),
        ];
        const before = await counts();
        const res = await callApi(method, path, token, call);
        const text = await res.text();
        expect(res.status, `${row.op} as ${column}: ${text}`).toBe(expected);
        const body = JSON.parse(text);
        if (expected >= 400) {
          expect(res.headers.get("content-type")).toBe("application/problem+json");
          expect(body).toMatchObject({ status: expected, title: expect.any(String), detail: expect.any(String) });
          expect(await counts(), "a refused call changed data").toEqual(before);
        } else if (op.response) {
          // The response is exactly the documented schema (strict: no undocumented field).
          const parsed = op.response.safeParse(body);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        }
        if (column === "NO_SCOPE") expect(body.scope).toBe(op.scope);
        if (expected < 400 && method !== "GET") {
          const who = { ADMIN: "admin", DIRECTOR: "director", MGR_IN: "managerIn", FINANCE: "finance" } as const;
          const userId = acme.users[who[column as keyof typeof who]];
          expect(userId, `${column} wrote through the API`).toBeDefined();
          expect(await db.auditEvent.count({ where: { orgId: acme.org.id, actorId: userId } })).toBeGreaterThan(0);
        }
      });
    }
  });
}

describe("authentication", () => {
  it("401 names Bearer and is a problem, for a missing, malformed or unknown token", async () => {
    for (const token of [null, "nope", "keel_" + "A".repeat(43)]) {
      const res = await callApi("GET", "/projects", token);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    }
  });

  it("a revoked token is refused on the very next request", async () => {
    const t = await createApiToken(db, { orgId: acme.org.id, kind: "ORG", scopes: ["projects:read"] });
    expect((await callApi("GET", "/projects", t.secret)).status).toBe(200);
    const revoked = await revokeOrgApiToken.run(acme.users.admin, acme.slug, { tokenId: t.id });
    expect(revoked.ok).toBe(true);
    expect((await callApi("GET", "/projects", t.secret)).status).toBe(401);
  });

  it("a personal token stops when its user leaves the org, and records when it was last used", async () => {
    const viewer = await db.membership.create({
      data: {
        orgId: acme.org.id,
        userId: (await db.user.create({ data: { email: `leaver-${acme.uid()}@test.example`, name: "Leaver", passwordHash: "x" } })).id,
        role: "VIEWER",
      },
    });
    const t = await createApiToken(db, { orgId: acme.org.id, kind: "PERSONAL", userId: viewer.userId, scopes: ["org:read"] });
    expect((await callApi("GET", "/org-units", t.secret)).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).not.toBeNull();
    await db.membership.delete({ where: { id: viewer.id } });
    expect((await callApi("GET", "/org-units", t.secret)).status).toBe(401);
  });

  it("only the hash of a token is stored", async () => {
    const t = await createApiToken(db, { orgId: acme.org.id, kind: "ORG", scopes: ["projects:read"] });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(JSON.stringify(row)).not.toContain(t.secret);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("pagination and filters", () => {
  it("walks every project of the org once with a cursor, and filters by status", async () => {
    for (let i = 0; i < 5; i++) await acme.make.project();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await callApi("GET", "/projects", tokens.ORG, { query: { limit: "2", ...(cursor ? { cursor } : {}) } });
      const page = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db.project.count({ where: { orgId: acme.org.id, archivedAt: null } }));

    const paused = await acme.make.project();
    await db.project.update({ where: { id: paused.id }, data: { status: "PAUSED" } });
    const res = await callApi("GET", "/projects", tokens.ORG, { query: { status: "PAUSED", limit: "200" } });
    const { data } = (await res.json()) as { data: { status: string }[] };
    expect(data.length).toBe(await db.project.count({ where: { orgId: acme.org.id, status: "PAUSED", archivedAt: null } }));
    expect(data.every((p) => p.status === "PAUSED")).toBe(true);
  });

  it("400 names each bad query parameter, unknown ones included", async () => {
    const res = await callApi("GET", "/projects", tokens.ORG, { query: { limit: "0", colour: "red" } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["colour", "limit"]);
  });
});

describe("writes", () => {
  it("422 names each bad or unknown field, 400 for malformed JSON; nothing written", async () => {
    const project = await acme.make.project();
    const before = await db.statusUpdate.count();
    const bad = await callApi("POST", "/status-updates", tokens.DIRECTOR, {
      body: { projectId: project.id, health: "GREAT", summary: "Fine", mood: "ok" },
    });
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["health", "mood"]);
    // The action's own rules answer the same way (a better health than suggested needs a reason).
    const short = await callApi("POST", "/status-updates", tokens.DIRECTOR, {
      body: { projectId: project.id, health: "ON_TRACK", summary: "x" },
    });
    expect(short.status).toBe(422);
    expect((await short.json()).errors.map((e: { field: string }) => e.field)).toContain("summary");
    const malformed = await callApi("POST", "/status-updates", tokens.DIRECTOR, { body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(await db.statusUpdate.count()).toBe(before);
  });

  it("Idempotency-Key: a retry replays the first response and creates nothing; another body is refused", async () => {
    const project = await acme.make.project();
    const body = { projectId: project.id, health: "OFF_TRACK", summary: "Waiting on the vendor" };
    const headers = { "idempotency-key": `k-${acme.uid()}` };
    const first = await callApi("POST", "/status-updates", tokens.DIRECTOR, { body, headers });
    expect(first.status).toBe(201);
    const created = await first.json();
    const again = await callApi("POST", "/status-updates", tokens.DIRECTOR, { body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(created);
    expect(await db.statusUpdate.count({ where: { projectId: project.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: created.id } })).toBe(1);
    const other = await callApi("POST", "/status-updates", tokens.DIRECTOR, { body: { ...body, summary: "Something else" }, headers });
    expect(other.status).toBe(422);
    expect(await db.statusUpdate.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("If-Match: the current version changes the project; a stale one is 409; none is 428", async () => {
    const project = await acme.make.project();
    const got = await callApi("GET", "/projects/{id}", tokens.DIRECTOR, { params: { id: project.id } });
    expect(got.headers.get("etag")).toBe('"1"');
    const ok = await callApi("PATCH", "/projects/{id}", tokens.DIRECTOR, {
      params: { id: project.id },
      headers: { "if-match": '"1"' },
      body: { status: "PAUSED" },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"2"');
    const stale = await callApi("PATCH", "/projects/{id}", tokens.DIRECTOR, {
      params: { id: project.id },
      headers: { "if-match": '"1"' },
      body: { status: "ACTIVE" },
    });
    expect(stale.status).toBe(409);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("PAUSED");
    const none = await callApi("PATCH", "/projects/{id}", tokens.DIRECTOR, { params: { id: project.id }, body: { status: "ACTIVE" } });
    expect(none.status).toBe(428);
  });
});

describe("pay", () => {
  it("appears only with compensation:read and a principal that reads pay", async () => {
    const person = await acme.make.person();
    const pay = async (token: string) =>
      (await (await callApi("GET", "/people/{id}", token, { params: { id: person.id } })).json()).annualCompCents;
    expect(await pay(tokens.DIRECTOR)).toBe("15000000");
    expect(await pay(tokens.ORG)).toBe("15000000");
    expect(await pay(tokens.VIEWER)).toBeUndefined();
    expect(await pay(tokens.FINANCE)).toBeUndefined();
    const noComp = await createApiToken(db, { orgId: acme.org.id, kind: "PERSONAL", userId: acme.users.director, scopes: ["people:read"] });
    expect(await pay(noComp.secret)).toBeUndefined();
  });
});

describe("rate limits", () => {
  it("sends RateLimit-* headers and answers 429 past the limit", async () => {
    const t = await createApiToken(db, { orgId: acme.org.id, kind: "ORG", scopes: ["org:read"] });
    const first = await callApi("GET", "/org-units", t.secret);
    expect(first.headers.get("ratelimit-limit")).toBe(String(DEFAULT_LIMIT));
    expect(first.headers.get("ratelimit-remaining")).toBe(String(DEFAULT_LIMIT - 1));
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    await db.authThrottle.update({ where: { key: rateLimitKey(t.id) }, data: { failures: DEFAULT_LIMIT } });
    const refused = await callApi("GET", "/org-units", t.secret);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await refused.json()).status).toBe(429);
  });
});

describe("tenancy", () => {
  it("a token of one org never sees another org's records", async () => {
    const theirs = new Set<string>();
    for (const table of [
      "project",
      "statusUpdate",
      "orgUnit",
      "person",
      "position",
      "milestone",
      "initiative",
      "vendor",
      "contract",
      "budgetLine",
    ] as const) {
      const rows = await (db[table] as unknown as { findMany(a: unknown): Promise<{ id: string }[]> }).findMany({
        where: { orgId: acme.org.id },
        select: { id: true },
      });
      rows.forEach((r) => theirs.add(r.id));
    }
    await globex.make.statusUpdate();
    await globex.make.person();
    await globex.make.position();
    await globex.make.milestone();
    await globex.make.initiative();
    await globex.make.contract();
    await globex.make.planLine();
    for (const path of [
      "/projects",
      "/status-updates",
      "/org-units",
      "/people",
      "/positions",
      "/milestones",
      "/initiatives",
      "/vendors",
      "/contracts",
      "/plan-lines",
    ]) {
      let cursor: string | null = null;
      let n = 0;
      do {
        const res = await callApi("GET", path, tokens.FOREIGN, { query: { limit: "200", ...(cursor ? { cursor } : {}) } });
        expect(res.status).toBe(200);
        const page = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
        n += page.data.length;
        expect(
          page.data.filter((r) => theirs.has(r.id)),
          path,
        ).toEqual([]);
        cursor = page.nextCursor;
      } while (cursor);
      expect(n, `${path} saw nothing of its own org`).toBeGreaterThan(0);
    }
  });
});

describe("figures", () => {
  it("active projects = the count of the list of active projects (count(list) = figure)", async () => {
    const figures = await (await callApi("GET", "/figures/delivery", tokens.ORG)).json();
    const list = await (await callApi("GET", "/projects", tokens.ORG, { query: { status: "ACTIVE", limit: "200" } })).json();
    expect(list.nextCursor).toBeNull();
    expect(figures.activeProjects).toBe(list.data.length);
    expect(figures.onTrack + figures.atRisk + figures.offTrack + figures.unknownHealth).toBe(figures.activeProjects);
  });

  it("a unit of another org is a 404, and the finance totals are the same for every reader", async () => {
    expect((await callApi("GET", "/figures/delivery", tokens.ORG, { query: { orgUnitId: globex.unit.id } })).status).toBe(404);
    const query = { fiscalYear: "2040", period: "year" };
    const a = await (await callApi("GET", "/figures/finance", tokens.DIRECTOR, { query })).json();
    const b = await (await callApi("GET", "/figures/finance", tokens.VIEWER, { query })).json();
    expect(a.totals.planCents).not.toBeNull();
    expect(b.totals.planCents).toBe(a.totals.planCents);
  });
});
