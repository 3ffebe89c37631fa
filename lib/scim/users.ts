import { definePublicAction, type PublicActionContext } from "@/lib/action";
import type { Prisma } from "@/lib/generated/prisma/client";
import { scimInvalid, scimRefusal } from "@/lib/scim/errors";
import { activateMember, deactivateMember } from "@/lib/scim/membership";
import type { ScimAuthority } from "@/lib/scim/principal";
import { findScimUser, writableUser } from "@/lib/scim/resources";
import { keelEmailOf, keelNameOf, parseUserOrThrow, type ScimUserResource } from "@/lib/scim/schemas";
import { NO_PASSWORD } from "@/lib/sso/provision";
import { applyWorkAttributes } from "@/lib/scim/work-attributes";
import { scimWriteHandlers, ZScimCreate, ZScimDelete, ZScimPatch, ZScimReplace } from "@/lib/scim/writes";

// SCIM writes to Users (docs/scim.md), each an action of the one pipeline: the token in the input
// is the authority (lib/scim/principal.ts), the whole change is one transaction, every change is
// audited, and a refusal writes nothing.

type UserRow = NonNullable<Awaited<ReturnType<typeof findScimUser>>>;

/** What Keel stores of the provider's attributes (userName, externalId, active have columns). */
function storedAttributes(resource: ScimUserResource): Prisma.InputJsonValue {
  const { userName: _u, externalId: _e, active: _a, ...rest } = resource;
  return rest as Prisma.InputJsonValue;
}

async function assertUserNameFree(ctx: PublicActionContext, orgId: string, userName: string, exceptId: string | null) {
  const taken = await ctx.tx.scimUser.findFirst({
    where: { orgId, userName: { equals: userName, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw scimRefusal(409, "uniqueness", "userName", `userName: ${userName} is already provisioned in this organization.`);
}

async function createUser(ctx: PublicActionContext, auth: ScimAuthority, resource: ScimUserResource) {
  await assertUserNameFree(ctx, auth.orgId, resource.userName, null);
  const email = keelEmailOf(resource);
  if (!email)
    throw scimInvalid("emails", "emails: send a primary email, or a userName that is an email address: Keel signs users in by email.");
  const existing = await ctx.tx.user.findUnique({ where: { email }, select: { id: true, memberships: { select: { orgId: true } } } });
  if (existing) {
    const linked = await ctx.tx.scimUser.findFirst({ where: { orgId: auth.orgId, userId: existing.id }, select: { id: true } });
    // An account that belongs only to other orgs joins by invitation: another org's provider must
    // not attach a user it does not own (the rule of SSO just-in-time membership too).
    const elsewhereOnly = existing.memberships.length > 0 && !existing.memberships.some((m) => m.orgId === auth.orgId);
    if (linked || elsewhereOnly)
      throw scimRefusal(
        409,
        "uniqueness",
        "userName",
        `userName: ${resource.userName} cannot be provisioned: its email already has an account (invite it to join).`,
      );
  }
  const userId =
    existing?.id ??
    (await ctx.tx.user.create({ data: { email, name: keelNameOf(resource), passwordHash: NO_PASSWORD }, select: { id: true } })).id;
  const active = resource.active ?? true;
  const row = await ctx.tx.scimUser.create({
    data: {
      orgId: auth.orgId,
      userId,
      userName: resource.userName,
      externalId: resource.externalId ?? null,
      active,
      attributes: storedAttributes(resource),
    },
    select: { id: true, userId: true },
  });
  await auth.audit({
    entityType: "ScimUser",
    entityId: row.id,
    after: { userName: resource.userName, externalId: resource.externalId ?? null, active },
  });
  if (active) await activateMember(ctx.tx, auth, row);
  await applyWorkAttributes(ctx.tx, auth, { userId, email }, resource);
  return { id: row.id };
}

/** PUT and PATCH end here: the whole new resource replaces the stored one. */
async function replaceUser(ctx: PublicActionContext, auth: ScimAuthority, before: UserRow, resource: ScimUserResource) {
  await assertUserNameFree(ctx, auth.orgId, resource.userName, before.id);
  const active = resource.active ?? before.active;
  // Only over the version read: a write that committed meanwhile refuses this one (412).
  const { count } = await ctx.tx.scimUser.updateMany({
    where: { id: before.id, version: before.version },
    data: {
      userName: resource.userName,
      externalId: resource.externalId ?? null,
      active,
      attributes: storedAttributes(resource),
      version: { increment: 1 },
    },
  });
  if (count === 0) throw scimRefusal(412, null, "If-Match", "The user changed while this request ran: read it again.");
  const row = await ctx.tx.scimUser.findUniqueOrThrow({
    where: { id: before.id },
    select: { id: true, userId: true, version: true, user: { select: { email: true, memberships: { select: { orgId: true } } } } },
  });
  // The account's name follows the provider only while this org is the account's only one.
  if (row.user.memberships.every((m) => m.orgId === auth.orgId)) {
    await ctx.tx.user.update({ where: { id: row.userId }, data: { name: keelNameOf(resource) } });
  }
  await auth.audit({
    entityType: "ScimUser",
    entityId: row.id,
    before: { userName: before.userName, externalId: before.externalId, active: before.active },
    after: { userName: resource.userName, externalId: resource.externalId ?? null, active, version: row.version },
  });
  if (active && !before.active) await activateMember(ctx.tx, auth, row);
  if (!active) await deactivateMember(ctx.tx, auth, row.userId);
  await applyWorkAttributes(ctx.tx, auth, { userId: row.userId, email: row.user.email }, resource);
  return { id: row.id };
}

async function deleteUser(ctx: PublicActionContext, auth: ScimAuthority, before: UserRow) {
  await deactivateMember(ctx.tx, auth, before.userId);
  await ctx.tx.scimUser.delete({ where: { id: before.id } });
  await auth.audit({
    entityType: "ScimUser",
    entityId: before.id,
    before: { userName: before.userName, externalId: before.externalId, active: before.active },
  });
  return { id: before.id };
}

const users = scimWriteHandlers({
  label: "user",
  find: findScimUser,
  parse: parseUserOrThrow,
  writable: writableUser,
  create: createUser,
  replace: replaceUser,
  remove: deleteUser,
});

export const scimCreateUser = definePublicAction({ name: "scim.user.create", input: ZScimCreate, handler: users.create });
export const scimReplaceUser = definePublicAction({ name: "scim.user.replace", input: ZScimReplace, handler: users.replace });
export const scimPatchUser = definePublicAction({ name: "scim.user.patch", input: ZScimPatch, handler: users.patch });
export const scimDeleteUser = definePublicAction({ name: "scim.user.delete", input: ZScimDelete, handler: users.remove });
