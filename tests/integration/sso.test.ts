import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { decodeJwt, decodeSession, encodeJwt } from "@/lib/auth/session-cookie";
import { ssoConfigOf } from "@/lib/sso/config";
import { finishSsoSignIn, ssoRedirectUri, startSsoSignIn } from "@/lib/sso/flow";
import { SsoError } from "@/lib/sso/oidc";
import { ssoSessionCookie } from "@/lib/sso/session";
import { testSsoConnection } from "@/lib/sso/test-connection";
import { testSso } from "@/lib/sso/test-sso";
import { updateSso } from "@/lib/sso/update-sso";
import { createMember, createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { followToRedirect, startTestIdp, type TestIdp } from "@/tests/support/oidc-idp";

// OIDC single sign-on against a real OpenID provider (oidc-provider) started here on a port of
// this helper's range: discovery, authorization code + PKCE, the id token's checks (signature,
// issuer, audience, expiry, nonce), state, email_verified, domains, group mapping, and the
// require-SSO refusal of passwords. The browser's part is plain fetch (followToRedirect).

process.env.AUTH_SECRET ??= "sso-integration-test-secret-0123456789abcdef";

const IDP_PORT = 3451;
const REDIRECT = ssoRedirectUri("http://127.0.0.1:3450");
const db = testDb();
let idp: TestIdp;

beforeAll(async () => {
  idp = await startTestIdp({ port: IDP_PORT, redirectUris: [REDIRECT] });
});
afterAll(async () => {
  await idp?.close();
});

let org: Awaited<ReturnType<typeof createOrg>>;
let admin: Awaited<ReturnType<typeof createMember>>;
let unitId: string;

const FORM = () => ({
  displayName: "Test IdP",
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  scopes: "openid email profile groups",
  emailDomains: "corp.example, corp2.example",
  groupsClaim: "groups",
  groupRoles: "keel-admins = ADMIN\nplatform-leads = MANAGER @ PLAT\nfinance = FINANCE",
  defaultRole: "VIEWER",
  enabled: "on",
});

beforeEach(async () => {
  await resetDb();
  org = await createOrg(db);
  admin = await createMember(db, org.id, "ADMIN");
  unitId = (await createUnit(db, org.id, { code: "PLAT" })).id;
  const saved = await updateSso.run(admin.user.id, org.slug, FORM());
  expect(saved).toMatchObject({ ok: true });
  idp.afterToken = null;
});

/** A whole sign-in as `account`: start, the provider's round trip, the callback. */
async function signInAs(account: TestIdp["account"], email = account.email ?? "") {
  idp.account = account;
  const started = await startSsoSignIn(db, { email, callbackUrl: "/", redirectUri: REDIRECT });
  if (!started) throw new Error("no SSO for that email");
  const back = await followToRedirect(started.url, REDIRECT);
  return finishSsoSignIn(db, { flow: started.flow, callbackUrl: back, redirectUri: REDIRECT });
}

async function refusal(promise: Promise<unknown>): Promise<SsoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SsoError);
  return error as SsoError;
}

const ann = { sub: "ann-1", email: "ann@corp.example", email_verified: true, name: "Ann Lee", groups: ["platform-leads", "everyone"] };

describe("configuration and Test connection", () => {
  it("stores the client secret sealed, never in clear", async () => {
    const row = await db.orgSso.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.clientSecretSealed).toMatch(/^v1\./);
    expect(row.clientSecretSealed).not.toContain(idp.clientSecret);
    expect((await ssoConfigOf(db, org.id))?.clientSecret).toBe(idp.clientSecret);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "org.sso.update" } });
    expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
  });

  it("says so when the stored secret no longer opens (the encryption key changed)", async () => {
    const key = process.env.KEEL_ENCRYPTION_KEY;
    process.env.KEEL_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
    try {
      const result = await testSso.run(admin.user.id, org.slug, {});
      expect(result).toMatchObject({
        ok: true,
        data: { passed: false, steps: [{ detail: expect.stringMatching(/cannot be decrypted/) }] },
      });
    } finally {
      process.env.KEEL_ENCRYPTION_KEY = key;
    }
  });

  it("passes discovery, keys and secret against the real provider, and records the outcome", async () => {
    const result = await testSso.run(admin.user.id, org.slug, {});
    expect(result).toMatchObject({ ok: true, data: { passed: true } });
    const row = await db.orgSso.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.lastTestOk).toBe(true);
  });

  it("says the secret is wrong, and the issuer mismatched, in words (no stack)", async () => {
    const config = (await ssoConfigOf(db, org.id))!;
    const badSecret = await testSsoConnection({ ...config, clientSecret: "wrong" });
    expect(badSecret.find((s) => s.label === "Client id and secret")).toMatchObject({ ok: false });
    expect(badSecret.at(-1)?.detail).toMatch(/refused the client id or secret/);
    // The provider names itself http://127.0.0.1:…; an admin typed localhost.
    const mismatch = await testSsoConnection({ ...config, issuer: `http://localhost:${IDP_PORT}` });
    expect(mismatch[0]).toMatchObject({ label: "Discovery", ok: false });
    expect(mismatch[0].detail).toMatch(/Issuer mismatch: the provider says its issuer is “http:\/\/127\.0\.0\.1:3451”/);
    const down = await testSsoConnection({ ...config, issuer: "http://127.0.0.1:3459" });
    expect(down[0].detail).toMatch(/Could not read the provider's discovery document/);
    for (const s of [...badSecret, ...mismatch, ...down]) expect(s.detail).not.toMatch(/\n\s+at /);
  });

  it("refuses a domain another org already signs in with, and unknown unit codes, naming the fields", async () => {
    const other = await createOrg(db);
    const otherAdmin = await createMember(db, other.id, "ADMIN");
    const fieldsOf = (result: unknown) => (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    const badLine = await updateSso.run(otherAdmin.user.id, other.slug, { ...FORM(), groupRoles: "a = ADMIN\nbad line" });
    expect(fieldsOf(badLine).groupRoles?.join()).toMatch(/Line 2/);
    const result = await updateSso.run(otherAdmin.user.id, other.slug, { ...FORM(), groupRoles: "x = MANAGER @ NOPE" });
    expect(result).toMatchObject({ ok: false });
    expect(fieldsOf(result).emailDomains?.join()).toMatch(/corp\.example/);
    expect(fieldsOf(result).groupRoles?.join()).toMatch(/NOPE/);
    expect(await db.orgSso.count({ where: { orgId: other.id } })).toBe(0);
  });
});

describe("sign-in: authorization code + PKCE, then Keel's own session", () => {
  it("signs a new user in with the mapped role and scope unit, and issues the session cookie", async () => {
    const signIn = await signInAs(ann);
    expect(signIn).toMatchObject({ orgId: org.id, orgSlug: org.slug, joined: true });
    const membership = await db.membership.findFirstOrThrow({ where: { orgId: org.id, user: { email: "ann@corp.example" } } });
    expect(membership).toMatchObject({ role: "MANAGER", scopeUnitId: unitId });
    const user = await db.user.findUniqueOrThrow({ where: { email: "ann@corp.example" } });
    expect(user.name).toBe("Ann Lee");
    // No password matches an SSO-made account.
    expect((await checkCredentials(db, "ann@corp.example", "sso-only", null)).ok).toBe(false);
    expect(await db.auditEvent.count({ where: { orgId: org.id, action: "sso.join", actorId: user.id } })).toBe(1);

    const cookie = await ssoSessionCookie(db, signIn.userId, signIn.orgId, "test");
    const token = await decodeSession(cookie.value);
    expect(token).toMatchObject({ sub: user.id });
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax" });
    const record = await db.userSession.findUniqueOrThrow({ where: { id: String(token?.sid) } });
    expect(record).toMatchObject({ userId: user.id, ssoOrgId: org.id, endedAt: null });
  });

  it("keeps an existing member's role (roles from groups apply when the membership is made)", async () => {
    await signInAs(ann);
    await db.membership.updateMany({ where: { orgId: org.id, user: { email: ann.email } }, data: { role: "DIRECTOR" } });
    const again = await signInAs({ ...ann, groups: ["keel-admins"] });
    expect(again.joined).toBe(false);
    expect((await db.membership.findFirstOrThrow({ where: { orgId: org.id, user: { email: ann.email } } })).role).toBe("DIRECTOR");
  });

  it("gives the default role (VIEWER) when no group is mapped", async () => {
    await signInAs({ sub: "bo", email: "bo@corp2.example", email_verified: true, groups: ["sales"] });
    expect((await db.membership.findFirstOrThrow({ where: { orgId: org.id, user: { email: "bo@corp2.example" } } })).role).toBe("VIEWER");
  });

  it("tells the admin when the groups claim is missing, and signs in with the default role", async () => {
    await signInAs({ sub: "cy", email: "cy@corp.example", email_verified: true });
    expect((await db.membership.findFirstOrThrow({ where: { orgId: org.id, user: { email: "cy@corp.example" } } })).role).toBe("VIEWER");
    const row = await db.orgSso.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.lastProblem).toMatch(/no “groups” claim/);
  });
});

describe("sign-in refusals write nothing and tell the admin why", () => {
  async function refusedWithNothingWritten(promise: Promise<unknown>, reason: string) {
    const users = await db.user.count();
    const error = await refusal(promise);
    expect(error.reason).toBe(reason);
    expect(await db.user.count()).toBe(users);
    expect(await db.userSession.count()).toBe(0);
    const row = await db.orgSso.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.lastProblem).toBe(error.detail);
    return error;
  }

  it("an unverified email", async () => {
    await refusedWithNothingWritten(signInAs({ ...ann, email_verified: false }), "unverified");
  });

  it("an email at a domain the org does not sign in with", async () => {
    // The login page found the org by the typed email; the provider vouched for another address.
    await refusedWithNothingWritten(signInAs({ ...ann, email: "ann@elsewhere.example" }, "ann@corp.example"), "domain");
  });

  it("an id token without email", async () => {
    await refusedWithNothingWritten(signInAs({ sub: "x" }, "x@corp.example"), "email");
  });

  it("an expired id token", async () => {
    const realNow = Date.now;
    // The token is minted now; by the time Keel checks it, two hours have passed.
    idp.afterToken = () => {
      Date.now = () => realNow() + 2 * 3600_000;
    };
    try {
      const error = await refusedWithNothingWritten(signInAs(ann), "expired");
      expect(error.detail).toMatch(/expired/);
    } finally {
      Date.now = realNow;
    }
  });

  it("an id token from another issuer than the configured one", async () => {
    const rogue = await startTestIdp({ port: 3452, redirectUris: [REDIRECT], tokenIssuer: "http://rogue.example:3452" });
    try {
      const saved = await updateSso.run(admin.user.id, org.slug, {
        ...FORM(),
        issuer: rogue.issuer,
        clientId: rogue.clientId,
        clientSecret: rogue.clientSecret,
        expectedUpdatedAt: await updatedAt(),
      });
      expect(saved).toMatchObject({ ok: true });
      const error = await refusedWithNothingWritten(signInAs(ann), "issuer");
      expect(error.detail).toMatch(/Issuer mismatch.*rogue\.example/);
    } finally {
      await rogue.close();
    }
  });

  it("a mismatched state (a response from another sign-in), and a reused flow", async () => {
    idp.account = ann;
    const first = await startSsoSignIn(db, { email: ann.email, callbackUrl: "/", redirectUri: REDIRECT });
    const second = await startSsoSignIn(db, { email: ann.email, callbackUrl: "/", redirectUri: REDIRECT });
    const back = await followToRedirect(first!.url, REDIRECT);
    await refusedWithNothingWritten(finishSsoSignIn(db, { flow: second!.flow, callbackUrl: back, redirectUri: REDIRECT }), "state");
    // Without the flow cookie (another browser) there is no org to tell.
    expect((await refusal(finishSsoSignIn(db, { flow: undefined, callbackUrl: back, redirectUri: REDIRECT }))).reason).toBe("state");
  });

  it("a mismatched nonce (the id token was asked for by another request)", async () => {
    idp.account = ann;
    const started = await startSsoSignIn(db, { email: ann.email, callbackUrl: "/", redirectUri: REDIRECT });
    const back = await followToRedirect(started!.url, REDIRECT);
    const secret = process.env.AUTH_SECRET!;
    const flow = await decodeJwt({ token: started!.flow, secret, salt: "sso flow" });
    const forged = await encodeJwt({ token: { ...flow, nonce: "another-nonce" }, secret, salt: "sso flow", maxAge: 600 });
    await refusedWithNothingWritten(finishSsoSignIn(db, { flow: forged, callbackUrl: back, redirectUri: REDIRECT }), "nonce");
  });

  it("an existing account of another org (another org's provider cannot take it over)", async () => {
    const other = await createOrg(db);
    await createMember(db, other.id, "DIRECTOR", { email: "dana@corp.example" });
    const error = await refusal(signInAs({ sub: "dana", email: "dana@corp.example", email_verified: true }));
    expect(error.reason).toBe("account");
    expect(await db.membership.count({ where: { orgId: org.id, user: { email: "dana@corp.example" } } })).toBe(0);
  });

  it("nothing to start for a domain without SSO", async () => {
    expect(await startSsoSignIn(db, { email: "x@nowhere.example", callbackUrl: "/", redirectUri: REDIRECT })).toBeNull();
  });
});

describe("require SSO", () => {
  it("refuses passwords for the org's members, except the break-glass admin; lifted when SSO is off", async () => {
    const hash = await hashPassword("a-long-password");
    await db.user.updateMany({ where: { id: admin.user.id }, data: { passwordHash: hash } });
    const viewer = await createMember(db, org.id, "VIEWER");
    await db.user.update({ where: { id: viewer.user.id }, data: { passwordHash: hash } });
    const outsider = await createMember(db, (await createOrg(db)).id, "VIEWER");
    await db.user.update({ where: { id: outsider.user.id }, data: { passwordHash: hash } });

    // Requiring SSO needs a break-glass admin.
    const refused = await updateSso.run(admin.user.id, org.slug, {
      ...FORM(),
      clientSecret: "",
      requireSso: "on",
      expectedUpdatedAt: await updatedAt(),
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { breakGlassUserId: [expect.stringMatching(/admin/)] } });
    const saved = await updateSso.run(admin.user.id, org.slug, {
      ...FORM(),
      clientSecret: "",
      requireSso: "on",
      breakGlassUserId: admin.user.id,
      expectedUpdatedAt: await updatedAt(),
    });
    expect(saved).toMatchObject({ ok: true });
    // The blank secret kept the stored one.
    expect((await ssoConfigOf(db, org.id))?.clientSecret).toBe(idp.clientSecret);

    expect(await checkCredentials(db, viewer.user.email, "a-long-password", null)).toEqual({ ok: false, reason: "sso" });
    expect(await checkCredentials(db, viewer.user.email, "wrong", null)).toEqual({ ok: false, reason: "invalid" });
    expect((await checkCredentials(db, admin.user.email, "a-long-password", null)).ok).toBe(true);
    expect((await checkCredentials(db, outsider.user.email, "a-long-password", null)).ok).toBe(true);

    await db.orgSso.update({ where: { orgId: org.id }, data: { enabled: false } });
    expect((await checkCredentials(db, viewer.user.email, "a-long-password", null)).ok).toBe(true);
  });
});

async function updatedAt() {
  return (await db.orgSso.findUniqueOrThrow({ where: { orgId: org.id } })).updatedAt.toISOString();
}
