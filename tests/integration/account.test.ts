import { beforeEach, describe, expect, it } from "vitest";

import { changePassword } from "@/lib/account/change-password";
import { actionRegistry } from "@/lib/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signedInBeforePasswordChange } from "@/lib/auth/session-policy";
import { MAX_FAILURES } from "@/lib/auth/throttle";
import { acceptInvitation } from "@/lib/settings/accept-invitation";
import { inviteMember, removeMember } from "@/lib/settings/members";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { createMember, createOrg, createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
const CURRENT = "old-but-long-password";
const NEW = "brand-new-harbor-lantern";

let user: { id: string; email: string };
let orgIds: string[];

beforeEach(async () => {
  await resetDb();
  const acme = await createOrg(db);
  const globex = await createOrg(db);
  const member = await createMember(db, acme.id, "VIEWER");
  await db.membership.create({ data: { orgId: globex.id, userId: member.user.id, role: "FINANCE" } });
  await db.user.update({ where: { id: member.user.id }, data: { passwordHash: await hashPassword(CURRENT) } });
  user = member.user;
  orgIds = [acme.id, globex.id];
});

const input = (overrides: Record<string, unknown> = {}) => ({
  currentPassword: CURRENT,
  newPassword: NEW,
  confirmPassword: NEW,
  ...overrides,
});

describe("change password", () => {
  it("changes the hash, stamps passwordChangedAt and audits once per org without any hash", async () => {
    const sessionAuthAt = Date.now() - 1000; // a session that signed in before the change
    const result = await changePassword.run(user.id, input());
    expect(result).toMatchObject({ ok: true, data: { userId: user.id } });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW, row.passwordHash)).toBe(true);
    expect(await verifyPassword(CURRENT, row.passwordHash)).toBe(false);
    expect(row.passwordChangedAt).not.toBeNull();
    // Every session that signed in before the change is refused from now on.
    expect(signedInBeforePasswordChange(sessionAuthAt, row.passwordChangedAt)).toBe(true);
    expect(signedInBeforePasswordChange(row.passwordChangedAt!.getTime(), row.passwordChangedAt)).toBe(false);

    const events = await db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { orgId: "asc" } });
    expect(events.map((e) => e.orgId).sort()).toEqual([...orgIds].sort());
    for (const e of events) expect(e).toMatchObject({ action: "account.password.change", entityType: "User", entityId: user.id });
    expect(JSON.stringify(events)).not.toContain("scrypt");
    expect(actionRegistry.get("account.password.change")).toEqual({ permission: "self" });
  });

  it("refuses a wrong current password, writes nothing, and counts it against the form's own throttle", async () => {
    const before = await rowCounts();
    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const result = await changePassword.run(user.id, input({ currentPassword: "not-my-password" }));
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["Your current password is not correct."] },
    });
    expect(await rowCounts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hash);
    expect((await db.authThrottle.findUniqueOrThrow({ where: { key: `password-change:${user.id}` } })).failures).toBe(1);
    // Not the sign-in counter, which anyone can fill from outside.
    expect(await db.authThrottle.count({ where: { key: `email:${user.email}` } })).toBe(0);
  });

  it("locks the form after repeated wrong current passwords, even for the right one", async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await changePassword.run(user.id, input({ currentPassword: `guess-${i}` }))).ok).toBe(false);
    expect(await changePassword.run(user.id, input())).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangedAt).toBeNull();
  });

  it.each([
    ["too short", { newPassword: "short-pw", confirmPassword: "short-pw" }, "newPassword", "Use at least 12 characters."],
    [
      "common",
      { newPassword: "password1234", confirmPassword: "password1234" },
      "newPassword",
      "This password is too common: choose another.",
    ],
    ["not confirmed", { confirmPassword: "something-else-entirely" }, "confirmPassword", "The passwords do not match."],
    [
      "same as current",
      { newPassword: CURRENT, confirmPassword: CURRENT },
      "newPassword",
      "Choose a password different from your current one.",
    ],
  ])("refuses a new password that is %s and writes nothing", async (_label, overrides, field, message) => {
    const before = await rowCounts();
    const result = await changePassword.run(user.id, input(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.[field]).toContain(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses the account's own email as the new password", async () => {
    const result = await changePassword.run(user.id, input({ newPassword: user.email, confirmPassword: user.email }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { newPassword: ["Do not use your email address as your password."] } });
  });

  it("refuses without a session, and for a user with no org to audit in", async () => {
    expect(await changePassword.run(null, input())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    await db.membership.deleteMany({ where: { userId: user.id } });
    expect(await changePassword.run(user.id, input())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangedAt).toBeNull();
  });
});

describe("membership removal takes effect on the next request", () => {
  it("a removed member's next action is refused and writes nothing", async () => {
    const acme = await createOrgWithRoles(db);
    const director = acme.members.director;
    const org = await db.organization.findUniqueOrThrow({ where: { id: acme.org.id } });
    const settings = { name: "Renamed", fiscalYearStartMonth: 2, updateCadence: "WEEKLY", updateDueWeekday: "MONDAY", updateGraceDays: 2 };
    const removed = await removeMember.run(acme.members.admin.user.id, acme.org.slug, { membershipId: director.membership.id });
    expect(removed.ok).toBe(true);
    const before = await rowCounts();
    const result = await updateOrgSettings.run(director.user.id, acme.org.slug, {
      ...settings,
      expectedUpdatedAt: org.updatedAt.toISOString(),
    });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
    expect((await db.organization.findUniqueOrThrow({ where: { id: acme.org.id } })).name).toBe(org.name);
  });
});

describe("invitation acceptance uses the same password rules", () => {
  it("refuses a short, a common and the invited email as password; the invitation stays usable", async () => {
    const acme = await createOrgWithRoles(db);
    const invited = await inviteMember.run(acme.members.admin.user.id, acme.org.slug, { email: "new.joiner@test.example", role: "VIEWER" });
    if (!invited.ok || invited.data.kind !== "invited") throw new Error("expected an invitation");
    const token = invited.data.invitePath.split("/").pop()!;
    const before = await rowCounts();
    for (const [password, message] of [
      ["short-pw", "Use at least 12 characters."],
      ["password1234", "This password is too common: choose another."],
      ["New.Joiner@test.example", "Do not use your email address as your password."],
    ]) {
      const result = await acceptInvitation({ token, name: "New Joiner", password, confirmPassword: password });
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!result.ok) expect(result.fieldErrors?.password).toContain(message);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await acceptInvitation({ token, name: "New Joiner", password: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
  });
});
