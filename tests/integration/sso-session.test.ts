import { beforeAll, describe, expect, it, vi } from "vitest";

import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Where a session reaches once single sign-on is in play (docs/sso.md): a session opened by an
// org's SSO reaches that org only, and an org that requires SSO is reached by its SSO sessions
// and its break-glass admin only — also by a password session opened before it was required.
// The request's cookie jar is the only stand-in: a real session token, a real database.

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
}));

process.env.AUTH_SECRET ??= "sso-session-test-secret-0123456789abcdef";

const { getRouteMember, listMyOrgs } = await import("@/lib/auth");
const { encodeSession } = await import("@/lib/auth/session-cookie");
const { startSession } = await import("@/lib/auth/sessions");

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  // The acme viewer also belongs to globex.
  await db.membership.create({ data: { orgId: globex.org.id, userId: acme.members.viewer.user.id, role: "VIEWER" } });
  return { acme, globex };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

const signIn = async (userId: string, ssoOrgId: string | null = null) => {
  const sid = await startSession(db, userId, "", ssoOrgId);
  cookie = await encodeSession({ sub: userId, sid, authAt: Date.now(), lastSeen: Date.now() });
};
const reaches = async (slug: string) => {
  const member = await getRouteMember(slug);
  return typeof member === "object" ? member.role : member;
};

/** The org switcher's list (app/(app)/[org]/layout.tsx): slugs, sorted. */
const switcher = async () => (await listMyOrgs()).map((o) => o.slug).sort();
const slugs = (...orgs: { org: { slug: string } }[]) => orgs.map((o) => o.org.slug).sort();

describe("sessions and single sign-on", () => {
  it("an SSO session reaches the org whose provider vouched, and no other", async () => {
    const viewer = w.acme.members.viewer.user.id;
    await signIn(viewer, w.acme.org.id);
    expect(await reaches(w.acme.org.slug)).toBe("VIEWER");
    expect(await reaches(w.globex.org.slug)).toBe(404);
    // The switcher offers only what the session reaches: no org whose opening is a 404.
    expect(await switcher()).toEqual(slugs(w.acme));
    await signIn(viewer);
    expect(await reaches(w.globex.org.slug)).toBe("VIEWER");
    expect(await switcher()).toEqual(slugs(w.acme, w.globex));
    cookie = undefined;
    expect(await switcher()).toEqual([]);
  });

  it("an org requiring SSO is closed to password sessions, except its break-glass admin's", async () => {
    const { admin, viewer } = w.acme.members;
    await db.orgSso.create({
      data: {
        orgId: w.acme.org.id,
        displayName: "IdP",
        issuer: "https://idp.example",
        clientId: "c",
        clientSecretSealed: "v1.x",
        requireSso: true,
        breakGlassUserId: admin.user.id,
      },
    });
    await signIn(viewer.user.id);
    expect(await reaches(w.acme.org.slug)).toBe(404);
    expect(await reaches(w.globex.org.slug)).toBe("VIEWER");
    expect(await switcher()).toEqual(slugs(w.globex));
    await signIn(viewer.user.id, w.acme.org.id);
    expect(await reaches(w.acme.org.slug)).toBe("VIEWER");
    expect(await switcher()).toEqual(slugs(w.acme));
    await signIn(admin.user.id);
    expect(await reaches(w.acme.org.slug)).toBe("ADMIN");
    // Switched off, passwords reach the org again (the break-glass way back from a broken IdP).
    await db.orgSso.update({ where: { orgId: w.acme.org.id }, data: { enabled: false } });
    await signIn(viewer.user.id);
    expect(await reaches(w.acme.org.slug)).toBe("VIEWER");
  });
});
