import { beforeAll, describe, expect, it, vi } from "vitest";

import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// getRouteMember: how every route handler under app/ (CSV upload and exports, the pickers'
// search) checks access. 401 without a live session, 404 for a non-member or an unknown org
// (never confirming that the org exists), else the member read fresh from the database. The
// request's cookie jar is the only thing stood in for: a real session token, a real database.

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
}));

process.env.AUTH_SECRET ??= "route-member-test-secret-0123456789abcdef";

const { getRouteMember } = await import("@/lib/auth");
const { withMember } = await import("@/lib/route-guard");
const { encodeSession } = await import("@/lib/auth/session-cookie");
const { endSession, endUserSessions, startSession } = await import("@/lib/auth/sessions");

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  return { acme: await createOrgWithRoles(db), globex: await createOrgWithRoles(db) };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

/** A signed-in browser: a session record, and the cookie naming it. */
const signIn = async (userId: string, authAt = Date.now()) => {
  const sid = (await db.user.count({ where: { id: userId } })) ? await startSession(db, userId) : "no-such-session";
  cookie = await encodeSession({ sub: userId, sid, authAt, lastSeen: Date.now() });
  return sid;
};

describe("getRouteMember", () => {
  it("answers 401 without a session or with a token that does not decode", async () => {
    cookie = undefined;
    expect(await getRouteMember(w.acme.org.slug)).toBe(401);
    cookie = "not-a-token";
    expect(await getRouteMember(w.acme.org.slug)).toBe(401);
  });

  it("returns the member with role, scope and org", async () => {
    const manager = w.acme.members.manager;
    await signIn(manager.user.id);
    expect(await getRouteMember(w.acme.org.slug)).toEqual({
      user: { id: manager.user.id, email: manager.user.email, name: manager.user.name },
      org: {
        id: w.acme.org.id,
        slug: w.acme.org.slug,
        name: w.acme.org.name,
        currency: w.acme.org.currency,
        fiscalYearStartMonth: w.acme.org.fiscalYearStartMonth,
      },
      role: "MANAGER",
      scopeUnitId: w.acme.units.deptA.id,
      readsPay: false,
    });
  });

  it("answers 404 to a member of another org and for an unknown org", async () => {
    await signIn(w.globex.members.director.user.id);
    expect(await getRouteMember(w.acme.org.slug)).toBe(404);
    expect(await getRouteMember("no-such-org")).toBe(404);
  });

  it("answers 401 when the session's user is gone or changed password after signing in", async () => {
    const { acme } = w;
    await signIn(acme.members.viewer.user.id, Date.now() - 60_000);
    await db.user.update({ where: { id: acme.members.viewer.user.id }, data: { passwordChangedAt: new Date() } });
    expect(await getRouteMember(acme.org.slug)).toBe(401);
    expect(await getRouteMember("no-such-org")).toBe(401);
    await signIn("no-such-user");
    expect(await getRouteMember(acme.org.slug)).toBe(401);
  });
});

describe("sessions that end (issue 18, finding 6)", () => {
  it("a cookie whose session record ended is signed out at once: sign-out, sign out everywhere", async () => {
    const { acme } = w;
    const sid = await signIn(acme.members.finance.user.id);
    const copied = cookie;
    expect(await getRouteMember(acme.org.slug)).toMatchObject({ role: "FINANCE" });
    await endSession(db, sid);
    cookie = copied;
    expect(await getRouteMember(acme.org.slug)).toBe(401);

    await signIn(acme.members.finance.user.id);
    expect(await getRouteMember(acme.org.slug)).toMatchObject({ role: "FINANCE" });
    await endUserSessions(db, acme.members.finance.user.id);
    expect(await getRouteMember(acme.org.slug)).toBe(401);
  });

  it("a valid token without a session record, or naming another user's record, is refused", async () => {
    const { acme } = w;
    cookie = await encodeSession({ sub: acme.members.director.user.id, authAt: Date.now(), lastSeen: Date.now() });
    expect(await getRouteMember(acme.org.slug)).toBe(401);
    const othersSid = await startSession(db, acme.members.viewer.user.id);
    cookie = await encodeSession({ sub: acme.members.director.user.id, sid: othersSid, authAt: Date.now(), lastSeen: Date.now() });
    expect(await getRouteMember(acme.org.slug)).toBe(401);
  });
});

describe("withMember (lib/route-guard.ts): the one guard of every route handler", () => {
  const handler = withMember(async (_request: Request, member, params) => Response.json({ role: member.role, org: params.org }));
  const call = async (guarded: typeof handler, org: string) => {
    const res = await guarded(new Request("http://keel.test/x"), { params: Promise.resolve({ org }) });
    return { status: res.status, body: await res.json() };
  };

  it("answers 401 without a session and 404 to a non-member or an unknown org, as JSON, without running the handler", async () => {
    cookie = undefined;
    expect(await call(handler, w.acme.org.slug)).toEqual({
      status: 401,
      body: { ok: false, code: "UNAUTHENTICATED", message: "Please sign in." },
    });
    await signIn(w.globex.members.director.user.id);
    expect(await call(handler, w.acme.org.slug)).toEqual({ status: 404, body: { ok: false, code: "NOT_FOUND", message: "Not found." } });
    expect((await call(handler, "no-such-org")).status).toBe(404);
  });

  it("runs the handler for a member, with the member read from the database and the route's params", async () => {
    await signIn(w.globex.members.director.user.id);
    expect(await call(handler, w.globex.org.slug)).toEqual({ status: 200, body: { role: "DIRECTOR", org: w.globex.org.slug } });
  });

  it("refuses a member without the permission: 403 by default, 404 when asked to hide the resource", async () => {
    const audit = withMember(async () => Response.json({ ran: true }), { permission: "audit:read", denied: 404 });
    const write = withMember(async () => Response.json({ ran: true }), { permission: "budgets:write" });
    await signIn(w.acme.members.viewer.user.id);
    expect(await call(audit, w.acme.org.slug)).toEqual({ status: 404, body: { ok: false, code: "NOT_FOUND", message: "Not found." } });
    expect(await call(write, w.acme.org.slug)).toEqual({
      status: 403,
      body: { ok: false, code: "FORBIDDEN", message: "You don't have permission to do that." },
    });
    await signIn(w.acme.members.director.user.id);
    expect(await call(audit, w.acme.org.slug)).toEqual({ status: 200, body: { ran: true } });
    expect(await call(write, w.acme.org.slug)).toEqual({ status: 200, body: { ran: true } });
  });
});
