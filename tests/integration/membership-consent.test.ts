import { beforeEach, describe, expect, it } from "vitest";

import { landingOrgSlug, rememberOrg } from "@/lib/auth/landing";
import { acceptInvitation } from "@/lib/settings/accept-invitation";
import { joinInvitation } from "@/lib/settings/join-invitation";
import { inviteMember } from "@/lib/settings/members";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// Issue 18, finding 5: an org admin could add any existing account of another org directly, the
// answer ("added" vs "invited") told whether an email had an account, and after renaming their
// org to sort first the attacker's org was where the victim's sign-in landed.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

const tokenOf = (result: Awaited<ReturnType<typeof inviteMember.run>>) => (result.ok ? result.data.invitePath.split("/").pop()! : "");
const shape = (result: Awaited<ReturnType<typeof inviteMember.run>>) =>
  result.ok
    ? { ok: true, kind: result.data.kind, keys: Object.keys(result.data).sort(), path: result.data.invitePath.replace(/[^/]+$/, "<token>") }
    : result;

describe("membership by consent", () => {
  it("inviting an existing account adds no membership, and the answer is the same as for an unknown email", async () => {
    const victim = globex.members.director.user;
    const existing = await inviteMember.run(acme.members.admin.user.id, acme.org.slug, { email: victim.email, role: "VIEWER" });
    const unknown = await inviteMember.run(acme.members.admin.user.id, acme.org.slug, { email: "nobody-yet@test.example", role: "VIEWER" });
    expect(shape(existing)).toEqual(shape(unknown));
    expect(shape(existing)).toMatchObject({ ok: true, kind: "invited" });
    expect(await db.membership.count({ where: { orgId: acme.org.id, userId: victim.id } })).toBe(0);
    // The audit trail records an invitation either way.
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "member.invite", entityType: "Invitation" } })).toBe(2);
  });

  it("the invitee joins only by accepting, signed in as the invited email; nobody else can use the link", async () => {
    const invitee = globex.members.viewer.user;
    const token = tokenOf(await inviteMember.run(acme.members.admin.user.id, acme.org.slug, { email: invitee.email, role: "FINANCE" }));
    const before = await rowCounts();
    // Another signed-in account holding the link (the inviting admin, say) cannot accept it.
    expect(await joinInvitation.run(acme.members.admin.user.id, { token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await joinInvitation.run(globex.members.finance.user.id, { token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Nor can the create-an-account path take over the existing account.
    expect(
      await acceptInvitation({ token, name: "Intruder", password: "a-long-passphrase-9", confirmPassword: "a-long-passphrase-9" }),
    ).toMatchObject({ ok: false });
    expect(await rowCounts()).toEqual(before);

    const joined = await joinInvitation.run(invitee.id, { token });
    expect(joined).toMatchObject({ ok: true, data: { orgSlug: acme.org.slug } });
    expect(await db.membership.findFirst({ where: { orgId: acme.org.id, userId: invitee.id }, select: { role: true } })).toEqual({
      role: "FINANCE",
    });
    // Audited in the org joined, not announced to the invitee's other orgs.
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "invitation.join", actorId: invitee.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { orgId: globex.org.id, action: "invitation.join" } })).toBe(0);
    // Single use.
    expect(await joinInvitation.run(invitee.id, { token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("sign-in lands in the org last used, not the one that sorts first", async () => {
    const user = globex.members.viewer.user;
    // The attacker's org sorts first and the user joined it (by accepting) after globex.
    await db.organization.update({ where: { id: acme.org.id }, data: { name: "AAAA first" } });
    await db.organization.update({ where: { id: globex.org.id }, data: { name: "zzzz last" } });
    await db.membership.create({ data: { orgId: acme.org.id, userId: user.id, role: "VIEWER" } });
    // No org opened yet: the first joined.
    expect(await landingOrgSlug(db, user.id)).toBe(globex.org.slug);
    await rememberOrg(db, user.id, acme.org.id);
    expect(await landingOrgSlug(db, user.id)).toBe(acme.org.slug);
    await rememberOrg(db, user.id, globex.org.id);
    expect(await landingOrgSlug(db, user.id)).toBe(globex.org.slug);
    // Removed from the last org: back to the first joined that remains.
    await db.membership.deleteMany({ where: { orgId: globex.org.id, userId: user.id } });
    expect(await landingOrgSlug(db, user.id)).toBe(acme.org.slug);
  });
});
