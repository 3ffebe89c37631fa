import { beforeEach, describe, expect, it } from "vitest";

import { changePassword } from "@/lib/account/change-password";
import { endMySession } from "@/lib/account/end-session";
import { hashPassword } from "@/lib/auth/password";
import { activeSessionsOf, describeAgent, endSession, startSession } from "@/lib/auth/sessions";
import { signOutMemberEverywhere } from "@/lib/settings/members";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// Issue 18, finding 6: sign-out did not end the session (a copied cookie kept working for up to
// 12 hours). Sessions are server-side records checked on every request (lib/auth.ts joins them
// into the membership read); these tests cover the records. The browser half — a copied cookie
// refused after sign-out — is tests/e2e/security-round2.spec.ts.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

const open = async (userId: string) => db.userSession.count({ where: { userId, endedAt: null } });

describe("server-side sessions", () => {
  it("sign-out ends exactly its own session record", async () => {
    const user = acme.members.viewer.user.id;
    const laptop = await startSession(db, user, "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0");
    const phone = await startSession(db, user, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1");
    await endSession(db, laptop);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: laptop } })).toMatchObject({ endedAt: expect.any(Date) });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: phone } })).toMatchObject({ endedAt: null });
    expect((await activeSessionsOf(db, [user])).get(user)).toEqual([expect.objectContaining({ id: phone, device: "Safari on iOS" })]);
  });

  it("a password change ends every session of the user and starts one for the browser that made it", async () => {
    const user = acme.members.viewer.user.id;
    await db.user.update({ where: { id: user }, data: { passwordHash: await hashPassword("current-passphrase-1") } });
    await startSession(db, user);
    await startSession(db, user);
    const result = await changePassword.run(user, {
      currentPassword: "current-passphrase-1",
      newPassword: "another-long-passphrase-2",
      confirmPassword: "another-long-passphrase-2",
    });
    expect(result.ok).toBe(true);
    const sid = result.ok ? result.data.sid : "";
    const live = await db.userSession.findMany({ where: { userId: user, endedAt: null }, select: { id: true } });
    expect(live).toEqual([{ id: sid }]);
  });

  it("a user signs one of their own sessions out; another user's session id finds nothing", async () => {
    const user = acme.members.viewer.user.id;
    const laptop = await startSession(db, user, "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0");
    const phone = await startSession(db, user, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1");
    const theirs = await startSession(db, globex.members.viewer.user.id);

    const ended = await endMySession.run(user, { sessionId: phone });
    expect(ended).toMatchObject({ ok: true, data: { device: "Safari on iOS" } });
    expect((await activeSessionsOf(db, [user])).get(user)?.map((s) => s.id)).toEqual([laptop]);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "account.session.end", actorId: user } })).toBe(1);

    const before = await rowCounts();
    for (const sessionId of [theirs, phone, "no-such-session"]) {
      expect(await endMySession.run(user, { sessionId }), sessionId).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.userSession.findUniqueOrThrow({ where: { id: theirs } })).toMatchObject({ endedAt: null });
    expect(await rowCounts()).toEqual(before);
    expect(await endMySession.run(user, { sessionId: "" })).toMatchObject({ ok: false, fieldErrors: { sessionId: expect.any(Array) } });
    expect(await endMySession.run(null, { sessionId: laptop })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await open(user)).toBe(1);
  });

  it("an admin signs a member out everywhere: every session ends, audited, membership kept", async () => {
    const target = acme.members.finance;
    await startSession(db, target.user.id);
    await startSession(db, target.user.id);
    const result = await signOutMemberEverywhere.run(acme.members.admin.user.id, acme.org.slug, { membershipId: target.membership.id });
    expect(result).toMatchObject({ ok: true, data: { ended: 2 } });
    expect(await open(target.user.id)).toBe(0);
    expect(await db.membership.count({ where: { id: target.membership.id } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { orgId: acme.org.id, action: "member.sessions.end", entityId: target.membership.id } }),
    ).toBe(1);
  });

  it("only an admin of the member's own org can do that", async () => {
    const target = acme.members.finance;
    await startSession(db, target.user.id);
    const before = await rowCounts();
    expect(
      await signOutMemberEverywhere.run(acme.members.director.user.id, acme.org.slug, { membershipId: target.membership.id }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await signOutMemberEverywhere.run(globex.members.admin.user.id, globex.org.slug, { membershipId: target.membership.id }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
    expect(await open(target.user.id)).toBe(1);
  });

  it("names devices without storing or showing the raw header", () => {
    expect(
      describeAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"),
    ).toBe("Chrome on Windows");
    expect(describeAgent("<script>")).toBe("Unknown device");
  });
});
