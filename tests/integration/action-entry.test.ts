import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import type { ActionContext } from "@/lib/action";
import { createMember, createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// The browser-facing side of a built action (lib/action/build.ts): the caller comes from the
// session, and only a committed call revalidates the pages the action names or runs its
// afterCommit step. What stands in: Next's revalidatePath, the session lookup and the cookie
// jar, none of which exist outside a request. The pipeline and the database are real.

const session = vi.hoisted(() => ({ user: null as { id: string } | null, fail: false }));
const jar = vi.hoisted(() => ({ set: [] as { name: string; value: string }[] }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth", () => ({
  getSessionUser: async () => {
    if (session.fail) throw new Error("connect ECONNREFUSED");
    return session.user;
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string) => jar.set.push({ name, value }) }),
}));

process.env.AUTH_SECRET ??= "action-entry-test-secret-0123456789abcdef";

const { revalidatePath } = await import("next/cache");
const { actionRegistry, buildAction, defineAction } = await import("@/lib/action");
const { changePassword } = await import("@/lib/account/change-password");
const { hashPassword } = await import("@/lib/auth/password");
const { decodeSession } = await import("@/lib/auth/session-cookie");
const { logger } = await import("@/lib/log");
const { removeMember } = await import("@/lib/settings/members");
const { updateOrgSettings } = await import("@/lib/settings/update-org-settings");

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
const revalidated = vi.mocked(revalidatePath);

const settings = () => ({
  name: "Renamed Org",
  fiscalYearStartMonth: 4,
  updateCadence: "BIWEEKLY",
  updateDueWeekday: "THURSDAY",
  updateGraceDays: 3,
  expectedUpdatedAt: acme.org.updatedAt.toISOString(),
});

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  session.user = null;
  session.fail = false;
  jar.set = [];
  revalidated.mockClear();
});

describe("a server action called from a browser", () => {
  it("acts as the session's user, then revalidates the whole org", async () => {
    session.user = { id: acme.members.admin.user.id };
    const result = await updateOrgSettings(acme.org.slug, settings());
    expect(result.ok).toBe(true);
    expect(revalidated.mock.calls).toEqual([[`/${acme.org.slug}`, "layout"]]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: acme.org.id } });
    expect(event).toMatchObject({ action: "org.settings.update", actorId: acme.members.admin.user.id });
  });

  it("revalidates the page an action names, with the input as an object", async () => {
    session.user = { id: acme.members.admin.user.id };
    const result = await removeMember(acme.org.slug, { membershipId: acme.members.viewer.membership.id });
    expect(result.ok).toBe(true);
    expect(revalidated.mock.calls).toEqual([[`/${acme.org.slug}/settings`, undefined]]);
    expect(await db.membership.findUnique({ where: { id: acme.members.viewer.membership.id } })).toBeNull();
  });

  it("an org action revalidates the whole org by default, and nothing with revalidate: false", async () => {
    session.user = { id: acme.members.admin.user.id };
    const def = {
      permission: "org:settings" as const,
      input: z.object({}),
      async handler(ctx: ActionContext) {
        await ctx.audit({ entityType: "Probe", entityId: "p" });
        return null;
      },
    };
    const byDefault = defineAction({ name: "test.entry.default-revalidate", ...def });
    const none = defineAction({ name: "test.entry.no-revalidate", ...def, revalidate: false });
    expect(await none(acme.org.slug, {})).toEqual({ ok: true, data: null });
    expect(revalidated).not.toHaveBeenCalled();
    expect(await byDefault(acme.org.slug, {})).toEqual({ ok: true, data: null });
    expect(revalidated.mock.calls).toEqual([[`/${acme.org.slug}`, "layout"]]);
    actionRegistry.delete(byDefault.actionName);
    actionRegistry.delete(none.actionName);
  });

  it("revalidates nothing when refused: no session, no permission, bad input", async () => {
    const before = await rowCounts();
    expect(await updateOrgSettings(acme.org.slug, settings())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    session.user = { id: acme.members.viewer.user.id };
    expect(await updateOrgSettings(acme.org.slug, settings())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    session.user = { id: acme.members.admin.user.id };
    expect(await updateOrgSettings(acme.org.slug, { ...settings(), name: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    // A bare id instead of { membershipId } (the shape before the actions were re-exported).
    expect(await removeMember(acme.org.slug, acme.members.viewer.membership.id)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(revalidated).not.toHaveBeenCalled();
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a typed failure when the session cannot be read", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    session.fail = true;
    const result = await updateOrgSettings(acme.org.slug, settings());
    expect(result).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(logged).toHaveBeenCalled();
    expect(revalidated).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it("run() is the pipeline alone: no session read, no revalidation", async () => {
    session.fail = true;
    const result = await updateOrgSettings.run(acme.members.admin.user.id, acme.org.slug, settings());
    expect(result.ok).toBe(true);
    expect(revalidated).not.toHaveBeenCalled();
  });
});

describe("afterCommit", () => {
  it("changing a password issues this browser a fresh session and returns only the time", async () => {
    const { user } = await createMember(db, acme.org.id, "VIEWER");
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("old-but-long-password") } });
    session.user = { id: user.id };
    const result = await changePassword({
      currentPassword: "old-but-long-password",
      newPassword: "brand-new-harbor-lantern",
      confirmPassword: "brand-new-harbor-lantern",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The browser never receives the session id or the user id.
    expect(Object.keys(result.data)).toEqual(["changedAt"]);
    expect(jar.set).toHaveLength(1);
    const token = await decodeSession(jar.set[0].value);
    const live = await db.userSession.findMany({ where: { userId: user.id, endedAt: null }, select: { id: true } });
    expect(token).toMatchObject({ sub: user.id, sid: live[0]?.id });
    expect(live).toHaveLength(1);
  });

  it("runs only after a commit, and not for run()", async () => {
    const after = vi.fn(async (data: { n: number }) => ({ shown: data.n * 2 }));
    const probe = buildAction({
      session: "public",
      name: "test.entry.after-commit",
      input: z.object({ n: z.number(), audit: z.boolean() }),
      async handler(ctx, input) {
        if (input.audit) await ctx.audit({ orgId: acme.org.id, actorId: null, entityType: "Probe", entityId: "p" });
        return { n: input.n };
      },
      afterCommit: after,
    });
    expect(await probe({ n: 2, audit: true })).toEqual({ ok: true, data: { shown: 4 } });
    expect(after).toHaveBeenCalledTimes(1);
    expect(await probe.run({ n: 3, audit: true })).toEqual({ ok: true, data: { n: 3 } });
    vi.spyOn(logger, "error").mockImplementation(() => {});
    expect(await probe({ n: 5, audit: false })).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(after).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    actionRegistry.delete(probe.actionName);
  });

  it("refuses {org} in a revalidated path of an action that has no org", () => {
    expect(() =>
      buildAction({
        session: "self",
        name: "test.entry.bad-path",
        input: z.object({}),
        revalidate: { path: "/{org}" },
        handler: async () => null,
      }),
    ).toThrow(/only an org action/);
    expect(actionRegistry.has("test.entry.bad-path")).toBe(false);
  });
});
