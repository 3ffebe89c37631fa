import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import {
  actionRegistry,
  buildAction,
  defineAction,
  definePublicAction,
  defineUserAction,
  type ActionContext,
  type ActionResult,
  type PublicActionContext,
  type UserActionContext,
} from "@/lib/action";
import type { Tx } from "@/lib/db";
import { logger } from "@/lib/log";
import { acceptInvitation } from "@/lib/settings/accept-invitation";
import { changeMemberRole, inviteMember, removeMember } from "@/lib/settings/members";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

function settingsInput(updatedAt: Date, overrides: Record<string, unknown> = {}) {
  return {
    name: "Renamed Org",
    fiscalYearStartMonth: 4,
    updateCadence: "BIWEEKLY",
    updateDueWeekday: "THURSDAY",
    updateGraceDays: 3,
    expectedUpdatedAt: updatedAt.toISOString(),
    ...overrides,
  };
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

describe("action pipeline: org settings", () => {
  it("lets an admin change settings and writes one audit event with before/after", async () => {
    const result = await updateOrgSettings.run(acme.members.admin.user.id, acme.org.slug, settingsInput(acme.org.updatedAt));
    expect(result.ok).toBe(true);
    const org = await db.organization.findUniqueOrThrow({ where: { id: acme.org.id } });
    expect(org).toMatchObject({
      name: "Renamed Org",
      fiscalYearStartMonth: 4,
      updateCadence: "BIWEEKLY",
      updateDueWeekday: "THURSDAY",
      updateGraceDays: 3,
    });
    const events = await db.auditEvent.findMany({ where: { orgId: acme.org.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "org.settings.update",
      entityType: "Organization",
      entityId: acme.org.id,
      actorId: acme.members.admin.user.id,
    });
    expect(events[0].before).toMatchObject({ name: acme.org.name, fiscalYearStartMonth: 1 });
    expect(events[0].after).toMatchObject({ name: "Renamed Org", fiscalYearStartMonth: 4 });
  });

  it("refuses a missing session and writes nothing", async () => {
    const before = await rowCounts();
    const result = await updateOrgSettings.run(null, acme.org.slug, settingsInput(acme.org.updatedAt));
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await rowCounts()).toEqual(before);
    expect((await db.organization.findUniqueOrThrow({ where: { id: acme.org.id } })).name).toBe(acme.org.name);
  });

  it.each(["viewer", "finance", "manager"] as const)("refuses a %s (no org:settings) and writes nothing", async (who) => {
    const before = await rowCounts();
    const result = await updateOrgSettings.run(acme.members[who].user.id, acme.org.slug, settingsInput(acme.org.updatedAt));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
    expect((await db.organization.findUniqueOrThrow({ where: { id: acme.org.id } })).name).toBe(acme.org.name);
  });

  it("answers NOT_FOUND for an org the user does not belong to, exactly as for a missing org", async () => {
    const before = await rowCounts();
    const foreign = await updateOrgSettings.run(acme.members.admin.user.id, globex.org.slug, settingsInput(globex.org.updatedAt));
    const missing = await updateOrgSettings.run(acme.members.admin.user.id, "no-such-org", settingsInput(globex.org.updatedAt));
    expect(foreign).toEqual(missing);
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });

  it("returns every field error at once and writes nothing", async () => {
    const before = await rowCounts();
    const result = await updateOrgSettings.run(
      acme.members.admin.user.id,
      acme.org.slug,
      settingsInput(acme.org.updatedAt, { name: "", fiscalYearStartMonth: 13, updateCadence: "HOURLY", updateGraceDays: -1 }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["fiscalYearStartMonth", "name", "updateCadence", "updateGraceDays"]);
    expect(result.fieldErrors?.fiscalYearStartMonth?.[0]).toMatch(/1 to 12/);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a stale form (concurrent edit) with CONFLICT and keeps the other edit", async () => {
    const opened = acme.org.updatedAt;
    const first = await updateOrgSettings.run(acme.members.admin.user.id, acme.org.slug, settingsInput(opened, { name: "First edit" }));
    expect(first.ok).toBe(true);
    const second = await updateOrgSettings.run(
      acme.members.director.user.id,
      acme.org.slug,
      settingsInput(opened, { name: "Second edit" }),
    );
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: acme.org.id } })).name).toBe("First edit");
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id } })).toBe(1);
  });

  it("reads the role from the database on each call: a demoted admin is refused at once", async () => {
    await db.membership.update({ where: { id: acme.members.admin.membership.id }, data: { role: "VIEWER" } });
    const result = await updateOrgSettings.run(acme.members.admin.user.id, acme.org.slug, settingsInput(acme.org.updatedAt));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("action pipeline: members", () => {
  it("changes a member's role and audits it", async () => {
    const result = await changeMemberRole.run(acme.members.admin.user.id, acme.org.slug, {
      membershipId: acme.members.viewer.membership.id,
      role: "FINANCE",
    });
    expect(result.ok).toBe(true);
    expect((await db.membership.findUniqueOrThrow({ where: { id: acme.members.viewer.membership.id } })).role).toBe("FINANCE");
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: acme.org.id, action: "member.role.change" } });
    expect(event.before).toMatchObject({ role: "VIEWER" });
    expect(event.after).toMatchObject({ role: "FINANCE" });
  });

  it("refuses a foreign membership id as NOT_FOUND and writes nothing", async () => {
    const before = await rowCounts();
    const result = await changeMemberRole.run(acme.members.admin.user.id, acme.org.slug, {
      membershipId: globex.members.viewer.membership.id,
      role: "DIRECTOR",
    });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: globex.members.viewer.membership.id } })).role).toBe("VIEWER");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a director (members are the admin's) and writes nothing", async () => {
    const before = await rowCounts();
    const result = await changeMemberRole.run(acme.members.director.user.id, acme.org.slug, {
      membershipId: acme.members.viewer.membership.id,
      role: "ADMIN",
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });

  it("requires a scope for managers, and refuses a scope unit from another org", async () => {
    const missing = await changeMemberRole.run(acme.members.admin.user.id, acme.org.slug, {
      membershipId: acme.members.viewer.membership.id,
      role: "MANAGER",
    });
    expect(missing).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { scopeUnitId: [expect.stringMatching(/scope/)] } });
    const foreign = await changeMemberRole.run(acme.members.admin.user.id, acme.org.slug, {
      membershipId: acme.members.viewer.membership.id,
      role: "MANAGER",
      scopeUnitId: globex.units.deptA.id,
    });
    expect(foreign).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { scopeUnitId: [expect.stringMatching(/does not exist/)] },
    });
    expect((await db.membership.findUniqueOrThrow({ where: { id: acme.members.viewer.membership.id } })).role).toBe("VIEWER");
  });

  it("never leaves the org without an admin", async () => {
    const result = await changeMemberRole.run(acme.members.admin.user.id, acme.org.slug, {
      membershipId: acme.members.admin.membership.id,
      role: "VIEWER",
    });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    const removal = await removeMember.run(acme.members.admin.user.id, acme.org.slug, { membershipId: acme.members.admin.membership.id });
    expect(removal).toMatchObject({ ok: false });
    expect(await db.membership.count({ where: { orgId: acme.org.id, role: "ADMIN" } })).toBe(1);
  });

  it("invites an unknown email with a hashed token; an existing member is refused by name", async () => {
    const again = await inviteMember.run(acme.members.admin.user.id, acme.org.slug, {
      email: acme.members.viewer.user.email.toUpperCase(),
      role: "VIEWER",
    });
    expect(again).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { email: ["This person is already a member."] } });

    const fresh = await inviteMember.run(acme.members.admin.user.id, acme.org.slug, { email: "new.person@test.example", role: "FINANCE" });
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) throw new Error("expected an invitation");
    const token = fresh.data.invitePath.split("/").pop()!;
    const invitation = await db.invitation.findFirstOrThrow({ where: { orgId: acme.org.id, email: "new.person@test.example" } });
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("removes a member, after which their actions are refused as NOT_FOUND", async () => {
    const removal = await removeMember.run(acme.members.admin.user.id, acme.org.slug, {
      membershipId: acme.members.director.membership.id,
    });
    expect(removal.ok).toBe(true);
    const result = await updateOrgSettings.run(acme.members.director.user.id, acme.org.slug, settingsInput(acme.org.updatedAt));
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("audit trail", () => {
  it("is append-only at the database level", async () => {
    await updateOrgSettings.run(acme.members.admin.user.id, acme.org.slug, settingsInput(acme.org.updatedAt));
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: acme.org.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({ where: { orgId: acme.org.id } })).rejects.toThrow();
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("org.settings.update");
  });
});

describe("accepting an invitation", () => {
  async function invite(email: string) {
    const result = await inviteMember.run(acme.members.admin.user.id, acme.org.slug, {
      email,
      role: "MANAGER",
      scopeUnitId: acme.units.deptB.id,
    });
    if (!result.ok || result.data.kind !== "invited") throw new Error("expected an invitation");
    return result.data.invitePath.split("/").pop()!;
  }

  it("creates the account and the membership once, and audits it", async () => {
    const token = await invite("joiner@test.example");
    const input = { token, name: "Jo Iner", password: "long-enough-pw", confirmPassword: "long-enough-pw" };
    const first = await acceptInvitation(input);
    expect(first).toMatchObject({ ok: true, data: { orgSlug: acme.org.slug, email: "joiner@test.example" } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "joiner@test.example" } });
    const membership = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: acme.org.id, userId: user.id } } });
    expect(membership).toMatchObject({ role: "MANAGER", scopeUnitId: acme.units.deptB.id });
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "invitation.accept", actorId: user.id } })).toBe(1);

    const before = await rowCounts();
    expect(await acceptInvitation(input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a wrong token and mismatched passwords, writing nothing", async () => {
    const token = await invite("second@test.example");
    const before = await rowCounts();
    expect(
      await acceptInvitation({ token: "x".repeat(32), name: "Eve", password: "long-enough-pw", confirmPassword: "long-enough-pw" }),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const mismatch = await acceptInvitation({ token, name: "Sec", password: "long-enough-pw", confirmPassword: "other-password" });
    expect(mismatch).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { confirmPassword: ["The passwords do not match."] } });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("the pipeline's audit guard", () => {
  const anything = z.object({ audit: z.boolean() });

  it("an action that writes without an audit event is refused and its write rolled back, in every session strategy", async () => {
    const admin = acme.members.admin.user.id;
    const orgId = acme.org.id;
    const write = (tx: Tx) => tx.vendor.create({ data: { orgId, name: `unaudited-${Math.random()}` } });
    const event = { entityType: "Vendor", entityId: "probe" };

    // Each session strategy, through the builder and through its preset.
    const org = {
      permission: "org:settings",
      input: anything,
      handler: async (ctx: ActionContext, i: { audit: boolean }) => {
        await write(ctx.tx);
        if (i.audit) await ctx.audit(event);
      },
    } as const;
    const self = {
      input: anything,
      handler: async (ctx: UserActionContext, i: { audit: boolean }) => {
        await write(ctx.tx);
        if (i.audit) await ctx.audit(event);
      },
    };
    const pub = {
      input: anything,
      handler: async (ctx: PublicActionContext, i: { audit: boolean }) => {
        await write(ctx.tx);
        if (i.audit) await ctx.audit({ ...event, orgId, actorId: null });
      },
    };
    const calls: [string, (input: { audit: boolean }) => Promise<ActionResult<unknown>>][] = [];
    for (const [how, a] of [
      ["buildAction", buildAction({ session: "org", name: "test.unaudited.org", ...org })],
      ["defineAction", defineAction({ name: "test.unaudited.org-preset", ...org })],
    ] as const)
      calls.push([`org via ${how}`, (input) => a.run(admin, acme.org.slug, input)]);
    for (const [how, a] of [
      ["buildAction", buildAction({ session: "self", name: "test.unaudited.self", ...self })],
      ["defineUserAction", defineUserAction({ name: "test.unaudited.self-preset", ...self })],
    ] as const)
      calls.push([`self via ${how}`, (input) => a.run(admin, input)]);
    for (const [how, a] of [
      ["buildAction", buildAction({ session: "public", name: "test.unaudited.public", ...pub })],
      ["definePublicAction", definePublicAction({ name: "test.unaudited.public-preset", ...pub })],
    ] as const)
      calls.push([`public via ${how}`, (input) => a.run(input)]);

    vi.spyOn(logger, "error").mockImplementation(() => {});
    for (const [label, call] of calls) {
      const before = await rowCounts();
      expect(await call({ audit: false }), label).toMatchObject({ ok: false, code: "INTERNAL" });
      expect(await rowCounts(), `${label}: the unaudited write was kept`).toEqual(before);
      // The same handler with its audit event commits: the refusal above was the guard's.
      expect(await call({ audit: true }), label).toMatchObject({ ok: true });
      expect((await rowCounts()).Vendor, label).toBe(before.Vendor + 1);
    }
    vi.restoreAllMocks();
    for (const name of actionRegistry.keys()) if (name.startsWith("test.unaudited.")) actionRegistry.delete(name);
  });
});

describe("a second permission an input calls for (ctx.may)", () => {
  it("follows the role, and through an API token the token's scopes too", async () => {
    const seen: Record<string, boolean>[] = [];
    const probe = defineAction({
      name: "test.may",
      permission: "people:write",
      input: z.object({}),
      handler: async (ctx: ActionContext) => {
        seen.push({ orgtree: ctx.may("orgtree:write"), positions: ctx.may("positions:write") });
        await ctx.audit({ entityType: "Probe", entityId: "may" });
      },
    });
    const director = acme.members.director.user.id;
    expect(await probe.run(director, acme.org.slug, {})).toMatchObject({ ok: true });
    expect(await probe.runAsToken({ userId: director, scopes: ["people:write"] }, acme.org.slug, {})).toMatchObject({ ok: true });
    expect(await probe.runAsToken({ userId: director, scopes: ["people:write", "positions:write"] }, acme.org.slug, {})).toMatchObject({
      ok: true,
    });
    expect(seen).toEqual([
      { orgtree: true, positions: true },
      // No token scope grants orgtree:write; positions:write only with its scope.
      { orgtree: false, positions: false },
      { orgtree: false, positions: true },
    ]);
  });
});
