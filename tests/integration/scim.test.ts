import { beforeAll, describe, expect, it } from "vitest";

import { createPersonalApiToken } from "@/lib/api/manage-tokens";
import { startSession } from "@/lib/auth/sessions";
import { createApiToken } from "@/tests/factories/api";
import { createOrgWithRoles } from "@/tests/factories/org";
import { createScimToken } from "@/tests/factories/scim";
import { callScim } from "@/tests/support/scim-client";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// SCIM 2.0 (docs/scim.md) through the route handlers against a real database, with request
// sequences in the shape Okta and Entra ID send them, then the refusals: each must answer the
// SCIM error schema and write nothing.

const db = testDb();
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type Org = Awaited<ReturnType<typeof createOrgWithRoles>>;
let acme: Org;
let globex: Org;
let token: string;
let globexToken: string;

const json = async (r: Response) => (await r.json()) as Record<string, unknown> & { id: string };
const membershipOf = (orgId: string, userId: string) =>
  db.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true, scopeUnitId: true } });

beforeAll(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  token = (await createScimToken(db, acme.org.id)).secret;
  globexToken = (await createScimToken(db, globex.org.id)).secret;
  await db.orgSso.create({
    data: {
      orgId: acme.org.id,
      displayName: "Okta",
      issuer: "https://acme.okta.test",
      clientId: "keel",
      clientSecretSealed: "unused-by-scim",
      groupRoles: [
        { group: "Keel Directors", role: "DIRECTOR" },
        { group: "Keel Managers", role: "MANAGER", unitCode: acme.units.deptA.code },
      ],
    },
  });
});

async function oktaCreate(userName: string, extra: Record<string, unknown> = {}) {
  const res = await callScim("POST", "/Users", token, {
    body: {
      schemas: [USER],
      userName,
      name: { givenName: "Dana", familyName: "Okta" },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: "Dana Okta",
      locale: "en-US",
      externalId: `00u${userName.length}okta`,
      groups: [],
      password: "not-stored-1!",
      active: true,
      ...extra,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json(res);
}

async function oktaGlobex() {
  const res = await callScim("POST", "/Users", globexToken, { body: { schemas: [USER], userName: `g${Date.now()}@globex.example` } });
  expect(res.status).toBe(201);
  return json(res);
}

describe("Okta's sequence", () => {
  it("looks up, creates, reads, replaces, deactivates and reactivates a user", async () => {
    const userName = "dana@acme.example";
    const lookup = await callScim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`, token);
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get("content-type")).toContain("application/scim+json");
    expect(await lookup.json()).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await oktaCreate(userName);
    expect(created).toMatchObject({ userName, active: true, meta: { resourceType: "User", version: 'W/"1"' } });
    expect(created).not.toHaveProperty("password");
    const user = await db.user.findUniqueOrThrow({ where: { email: userName }, select: { id: true, name: true } });
    expect(user.name).toBe("Dana Okta");
    expect(await membershipOf(acme.org.id, user.id)).toEqual({ role: "VIEWER", scopeUnitId: null });

    const found = await json(await callScim("GET", `/Users?filter=${encodeURIComponent(`userName eq "DANA@acme.example"`)}`, token));
    expect(found).toMatchObject({ totalResults: 1, Resources: [{ id: created.id }] });

    const read = await callScim("GET", `/Users/${created.id}`, token);
    expect(read.headers.get("etag")).toBe('W/"1"');

    const put = await callScim("PUT", `/Users/${created.id}`, token, {
      headers: { "if-match": 'W/"1"' },
      body: { ...(await read.json()), name: { givenName: "Dana", familyName: "Renamed" }, displayName: "Dana Renamed" },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(put.headers.get("etag")).toBe('W/"2"');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Dana Renamed");

    const sid = await startSession(db, user.id, "Okta test");
    const off = await callScim("PATCH", `/Users/${created.id}`, token, {
      body: { schemas: [PATCH], Operations: [{ op: "replace", value: { active: false } }] },
    });
    expect(off.status, await off.clone().text()).toBe(200);
    expect(await off.json()).toMatchObject({ active: false });
    expect(await membershipOf(acme.org.id, user.id)).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sid } })).endedAt).not.toBeNull();

    const on = await callScim("PATCH", `/Users/${created.id}`, token, {
      body: { schemas: [PATCH], Operations: [{ op: "replace", value: { active: true } }] },
    });
    expect(on.status).toBe(200);
    expect(await membershipOf(acme.org.id, user.id)).toEqual({ role: "VIEWER", scopeUnitId: null });
    const audit = await db.auditEvent.findMany({
      where: { orgId: acme.org.id, action: { startsWith: "scim." } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["scim.user.create", "scim.user.replace", "scim.user.patch", "scim.member.add"]),
    );
  });

  it("pushes a group: membership changes change the role, a removal returns to the default", async () => {
    const member = await oktaCreate("gus@acme.example");
    const user = await db.scimUser.findUniqueOrThrow({ where: { id: member.id }, select: { userId: true } });
    const group = await json(
      await callScim("POST", "/Groups", token, { body: { schemas: [GROUP], displayName: "Keel Managers", members: [] } }),
    );
    const add = await callScim("PATCH", `/Groups/${group.id}`, token, {
      body: { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: member.id, display: "gus@acme.example" }] }] },
    });
    expect(add.status, await add.clone().text()).toBe(200);
    expect(await membershipOf(acme.org.id, user.userId)).toEqual({ role: "MANAGER", scopeUnitId: acme.units.deptA.id });
    const listed = await json(
      await callScim("GET", `/Groups?filter=${encodeURIComponent('displayName eq "keel managers"')}&excludedAttributes=members`, token),
    );
    expect(listed).toMatchObject({ totalResults: 1, Resources: [{ id: group.id }] });
    expect((listed.Resources as object[])[0]).not.toHaveProperty("members");
    expect(await json(await callScim("GET", `/Users/${member.id}`, token))).toMatchObject({
      groups: [{ value: group.id, display: "Keel Managers" }],
    });

    const remove = await callScim("PATCH", `/Groups/${group.id}`, token, {
      body: { schemas: [PATCH], Operations: [{ op: "remove", path: `members[value eq "${member.id}"]` }] },
    });
    expect(remove.status).toBe(200);
    expect(await membershipOf(acme.org.id, user.userId)).toEqual({ role: "VIEWER", scopeUnitId: null });

    // Okta renames a pushed group with a PUT of the whole group: every member's role follows the new name.
    const put = await callScim("PUT", `/Groups/${group.id}`, token, {
      headers: { "if-match": 'W/"3"' },
      body: { schemas: [GROUP], id: group.id, displayName: "Keel Directors", members: [{ value: member.id }] },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(put.headers.get("etag")).toBe('W/"4"');
    expect(await membershipOf(acme.org.id, user.userId)).toEqual({ role: "DIRECTOR", scopeUnitId: null });
    expect((await callScim("DELETE", `/Groups/${group.id}`, token)).status).toBe(204);
    expect(await membershipOf(acme.org.id, user.userId)).toEqual({ role: "VIEWER", scopeUnitId: null });
  });
});

describe("Entra ID's sequence", () => {
  it("creates with the enterprise extension, sets manager and unit by code, patches with Entra's quirks", async () => {
    // A person already on the books with the user's email, and a provisioned manager with a person.
    const manager = await oktaCreate("mara@acme.example");
    const managerUser = await db.scimUser.findUniqueOrThrow({ where: { id: manager.id }, select: { userId: true } });
    const person = (email: string, userId: string | null = null) =>
      db.person.create({
        data: {
          orgId: acme.org.id,
          orgUnitId: acme.units.teamA.id,
          name: email,
          email,
          userId,
          title: "Engineer",
          level: "IC3",
          startDate: new Date("2022-01-03"),
          annualCompCents: 1n,
        },
      });
    const managerPerson = await person("mara@acme.example", managerUser.userId);
    const eve = await person("Eve@Acme.example");

    const userName = "eve@acme.example";
    expect(await json(await callScim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, token))).toMatchObject({
      totalResults: 0,
    });
    const post = await callScim("POST", "/Users", token, {
      body: {
        schemas: [USER, ENTERPRISE],
        externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        userName,
        active: true,
        displayName: "Eve Entra",
        emails: [{ primary: true, type: "work", value: userName }],
        meta: { resourceType: "User" },
        name: { formatted: "Eve Entra", familyName: "Entra", givenName: "Eve" },
        title: "Engineer",
        [ENTERPRISE]: { department: acme.units.teamB.code, employeeNumber: "1042", costCenter: "NO-SUCH-CODE" },
      },
    });
    expect(post.status, await post.clone().text()).toBe(201);
    const created = await json(post);
    let row = await db.person.findUniqueOrThrow({ where: { id: eve.id } });
    expect(row.orgUnitId).toBe(acme.units.teamB.id);
    expect(row.userId).not.toBeNull();

    const patch = (Operations: unknown[]) => callScim("PATCH", `/Users/${created.id}`, token, { body: { schemas: [PATCH], Operations } });
    const mgr = await patch([{ op: "Add", path: `${ENTERPRISE}:manager`, value: manager.id }]);
    expect(mgr.status, await mgr.clone().text()).toBe(200);
    expect(await mgr.json()).toMatchObject({ [ENTERPRISE]: { manager: { value: manager.id } } });
    row = await db.person.findUniqueOrThrow({ where: { id: eve.id } });
    expect(row.managerId).toBe(managerPerson.id);

    const rename = await patch([
      { op: "Replace", path: "displayName", value: "Eve Renamed" },
      { op: "Replace", value: { "name.givenName": "Evelyn", active: "True" } },
      { op: "Replace", path: 'emails[type eq "work"].value', value: userName },
    ]);
    expect(rename.status, await rename.clone().text()).toBe(200);
    expect(await rename.json()).toMatchObject({ displayName: "Eve Renamed", name: { givenName: "Evelyn" }, active: true });

    const unmanaged = await patch([{ op: "Remove", path: `${ENTERPRISE}:manager`, value: [{ value: manager.id }] }]);
    expect(unmanaged.status, await unmanaged.clone().text()).toBe(200);
    expect(await unmanaged.json()).not.toHaveProperty([ENTERPRISE, "manager"]);

    const off = await patch([{ op: "Replace", path: "active", value: "False" }]);
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ active: false, meta: { version: 'W/"5"' } });
    expect(await membershipOf(acme.org.id, row.userId!)).toBeNull();
  });

  it("DELETE ends the membership here and the sessions that reach this org, never another org's", async () => {
    const created = await oktaCreate("multi@acme.example");
    const { userId } = await db.scimUser.findUniqueOrThrow({ where: { id: created.id }, select: { userId: true } });
    await db.membership.create({ data: { orgId: globex.org.id, userId, role: "VIEWER" } });
    const viaAcmeSso = await startSession(db, userId, "", acme.org.id);
    const plain = await startSession(db, userId, "");
    const del = await callScim("DELETE", `/Users/${created.id}`, token);
    expect(del.status).toBe(204);
    expect(await membershipOf(acme.org.id, userId)).toBeNull();
    expect(await membershipOf(globex.org.id, userId)).toEqual({ role: "VIEWER", scopeUnitId: null });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: viaAcmeSso } })).endedAt).not.toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: plain } })).endedAt).toBeNull();
    expect((await callScim("GET", `/Users/${created.id}`, token)).status).toBe(404);
  });
});

describe("concurrent edits", () => {
  it("two PATCHes at once never lose one: each answered 200 is in the result, the other is 412", async () => {
    const user = await oktaCreate("race@acme.example");
    const set = (attr: string, value: string) =>
      callScim("PATCH", `/Users/${user.id}`, token, { body: { schemas: [PATCH], Operations: [{ op: "add", path: attr, value }] } });
    const [a, b] = await Promise.all([set("title", "Racer"), set("nickName", "Speedy")]);
    expect([a.status, b.status].every((s) => s === 200 || s === 412)).toBe(true);
    const final = await json(await callScim("GET", `/Users/${user.id}`, token));
    if (a.status === 200) expect(final.title).toBe("Racer");
    if (b.status === 200) expect(final.nickName).toBe("Speedy");
    const ok = [a, b].filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThan(0);
    expect((final.meta as { version: string }).version).toBe(`W/"${1 + ok}"`);
  });
});

describe("lists and discovery", () => {
  it("paginates with startIndex and count over the org's users only", async () => {
    const all = await json(await callScim("GET", "/Users?count=0", token));
    const total = all.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(4);
    const page2 = await json(await callScim("GET", "/Users?startIndex=2&count=2", token));
    expect(page2).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    const foreign = await json(await callScim("GET", "/Users", globexToken));
    expect(foreign.totalResults).toBe(0);
  });

  it("serves ServiceProviderConfig, Schemas and ResourceTypes", async () => {
    expect(await json(await callScim("GET", "/ServiceProviderConfig", token))).toMatchObject({
      patch: { supported: true },
      etag: { supported: true },
    });
    const schemas = await json(await callScim("GET", "/Schemas", token));
    expect((schemas.Resources as { id: string }[]).map((s) => s.id)).toEqual([USER, ENTERPRISE, GROUP]);
    expect(await json(await callScim("GET", "/ResourceTypes", token))).toMatchObject({ totalResults: 2 });
  });
});

describe("refusals: SCIM error schema, nothing written", () => {
  let target: { id: string };
  beforeAll(async () => {
    target = await oktaCreate("target@acme.example");
  });

  async function refused(request: () => Promise<Response>, status: number, scimType?: string, detail?: RegExp) {
    const before = await tableFingerprints();
    const r = await request();
    expect(r.status).toBe(status);
    expect(r.headers.get("content-type")).toContain("application/scim+json");
    const body = await r.json();
    expect(body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status) });
    if (scimType) expect(body.scimType).toBe(scimType);
    if (detail) expect(body.detail).toMatch(detail);
    expect(await tableFingerprints()).toEqual(before);
  }

  it("401 for a missing, unknown or revoked token; 403 without the scim scope or from a personal token", async () => {
    const revoked = await createApiToken(db, { orgId: acme.org.id, kind: "ORG", scopes: ["scim"], revokedAt: new Date() });
    await refused(() => callScim("GET", "/Users", null), 401);
    await refused(() => callScim("POST", "/Users", revoked.secret, { body: { schemas: [USER], userName: "x@acme.example" } }), 401);
    await refused(() => callScim("GET", "/Users", `keel_${"A".repeat(43)}`), 401);
    const noScope = await createApiToken(db, { orgId: acme.org.id, kind: "ORG", scopes: ["people:read"] });
    await callScim("GET", "/Users", noScope.secret); // the first use records lastUsedAt
    await refused(() => callScim("GET", "/Users", noScope.secret), 403);
    const personal = await createApiToken(db, {
      orgId: acme.org.id,
      kind: "PERSONAL",
      userId: acme.members.admin.user.id,
      scopes: ["scim"],
    });
    await callScim("GET", "/Users", personal.secret);
    await refused(() => callScim("POST", "/Users", personal.secret, { body: { schemas: [USER], userName: "p@acme.example" } }), 403);
  });

  it("a personal token cannot be created with the scim scope", async () => {
    const before = await tableFingerprints();
    const result = await createPersonalApiToken.run(acme.members.admin.user.id, acme.org.slug, {
      name: "Mine",
      scopes: ["scim"],
      expiresInDays: "30",
    });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { scopes: [expect.stringContaining("scim")] } });
    expect(await tableFingerprints()).toEqual(before);
  });

  it("404 for another org's user or group", async () => {
    await callScim("GET", "/Users", globexToken);
    await refused(() => callScim("GET", `/Users/${target.id}`, globexToken), 404);
    await refused(
      () =>
        callScim("PATCH", `/Users/${target.id}`, globexToken, {
          body: { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: false }] },
        }),
      404,
    );
    await refused(() => callScim("DELETE", `/Users/${target.id}`, globexToken), 404);
    const group = await json(await callScim("POST", "/Groups", token, { body: { schemas: [GROUP], displayName: "Acme only" } }));
    await refused(() => callScim("GET", `/Groups/${group.id}`, globexToken), 404);
    await refused(
      () => callScim("PUT", `/Groups/${group.id}`, globexToken, { body: { schemas: [GROUP], displayName: "Taken over" } }),
      404,
    );
    // A foreign member id inside a body is refused by position, like an unknown one.
    const foreign = await oktaGlobex();
    await refused(
      () =>
        callScim("PATCH", `/Groups/${group.id}`, token, {
          body: {
            schemas: [PATCH],
            Operations: [{ op: "add", path: "members", value: [{ value: target.id }, { value: foreign.id }] }],
          },
        }),
      400,
      "invalidValue",
      /members\[1\]\.value/,
    );
  });

  it("400 invalidFilter for a filter that does not parse or is not supported", async () => {
    await refused(() => callScim("GET", `/Users?filter=${encodeURIComponent("userName eq")}`, token), 400, "invalidFilter", /filter/);
    await refused(() => callScim("GET", `/Users?filter=${encodeURIComponent('title co "x"')}`, token), 400, "invalidFilter", /co/);
  });

  it("409 uniqueness for a userName already provisioned (whatever its case)", async () => {
    await refused(
      () => callScim("POST", "/Users", token, { body: { schemas: [USER], userName: "TARGET@acme.example" } }),
      409,
      "uniqueness",
      /userName/,
    );
  });

  it("400 naming the field: unknown attribute, wrong type, malformed JSON, a bad patch op", async () => {
    await refused(
      () => callScim("POST", "/Users", token, { body: { schemas: [USER], userName: "new@acme.example", shoeSize: 44 } }),
      400,
      "invalidValue",
      /shoeSize/,
    );
    await refused(
      () => callScim("POST", "/Users", token, { body: { schemas: [USER], userName: "new@acme.example", active: 5 } }),
      400,
      "invalidValue",
      /active/,
    );
    await refused(
      () => callScim("POST", "/Users", token, { body: { schemas: [USER], userName: "new@acme.example", name: { givenName: 7 } } }),
      400,
      "invalidValue",
      /name\.givenName/,
    );
    await refused(() => callScim("POST", "/Users", token, { body: "{ not json" }), 400, "invalidSyntax");
    await refused(
      () => callScim("PATCH", `/Users/${target.id}`, token, { body: { schemas: [PATCH], Operations: [{ op: "move", path: "title" }] } }),
      400,
      "invalidSyntax",
      /op/,
    );
    await refused(
      () =>
        callScim("PATCH", `/Users/${target.id}`, token, {
          body: { schemas: [PATCH], Operations: [{ op: "replace", path: "favouriteColour", value: "red" }] },
        }),
      400,
      "invalidValue",
      /favouriteColour/,
    );
    await refused(
      () => callScim("POST", "/Groups", token, { body: { schemas: [GROUP], displayName: "G", members: [{ value: "no-such-user" }] } }),
      400,
      "invalidValue",
      /members\[0\]\.value/,
    );
  });

  it("412 when If-Match names an older version", async () => {
    await refused(
      () =>
        callScim("PUT", `/Users/${target.id}`, token, {
          headers: { "if-match": 'W/"0"' },
          body: { schemas: [USER], userName: "target@acme.example" },
        }),
      412,
    );
    await refused(() => callScim("DELETE", `/Users/${target.id}`, token, { headers: { "if-match": 'W/"9"' } }), 412);
  });

  it("400 mutability: deactivating the org's last admin is refused", async () => {
    const admin = await oktaCreate("only-admin@acme.example");
    const { userId } = await db.scimUser.findUniqueOrThrow({ where: { id: admin.id }, select: { userId: true } });
    await db.membership.update({ where: { orgId_userId: { orgId: acme.org.id, userId } }, data: { role: "ADMIN" } });
    await db.membership.update({ where: { id: acme.members.admin.membership.id }, data: { role: "DIRECTOR" } });
    await refused(() => callScim("DELETE", `/Users/${admin.id}`, token), 400, "mutability", /admin/);
  });
});
