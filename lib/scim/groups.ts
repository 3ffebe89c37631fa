import { definePublicAction, type PublicActionContext } from "@/lib/action";
import { scimInvalid, scimRefusal } from "@/lib/scim/errors";
import { syncRoles } from "@/lib/scim/membership";
import type { ScimAuthority } from "@/lib/scim/principal";
import { findScimGroup, writableGroup } from "@/lib/scim/resources";
import { parseGroupOrThrow, type ScimGroupResource } from "@/lib/scim/schemas";
import { scimWriteHandlers, ZScimCreate, ZScimDelete, ZScimPatch, ZScimReplace } from "@/lib/scim/writes";

// SCIM writes to Groups (docs/scim.md). A group's displayName maps to a Keel role through the
// org's SSO group → role mapping; every change of membership re-derives the role of each user it
// added or removed (lib/scim/membership.ts syncRoles), in the same transaction.

type GroupRow = NonNullable<Awaited<ReturnType<typeof findScimGroup>>>;

async function assertDisplayNameFree(ctx: PublicActionContext, orgId: string, displayName: string, exceptId: string | null) {
  const taken = await ctx.tx.scimGroup.findFirst({
    where: { orgId, displayName: { equals: displayName, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw scimRefusal(409, "uniqueness", "displayName", `displayName: a group named ${displayName} already exists.`);
}

/** The SCIM user ids of the members, each a user of this org (a foreign or unknown id is refused by position). */
async function memberIdsOrThrow(ctx: PublicActionContext, orgId: string, group: ScimGroupResource): Promise<string[]> {
  const ids = [...new Set((group.members ?? []).map((m) => m.value))];
  if (ids.length === 0) return [];
  const found = new Set((await ctx.tx.scimUser.findMany({ where: { orgId, id: { in: ids } }, select: { id: true } })).map((u) => u.id));
  const missing = (group.members ?? []).findIndex((m) => !found.has(m.value));
  if (missing >= 0)
    throw scimInvalid(
      `members[${missing}].value`,
      `members[${missing}].value: no user ${group.members![missing].value} in this organization.`,
    );
  return ids;
}

async function writeGroup(ctx: PublicActionContext, auth: ScimAuthority, before: GroupRow | null, group: ScimGroupResource) {
  await assertDisplayNameFree(ctx, auth.orgId, group.displayName, before?.id ?? null);
  const memberIds = await memberIdsOrThrow(ctx, auth.orgId, group);
  const data = { displayName: group.displayName, externalId: group.externalId ?? null };
  let row: { id: string };
  if (before) {
    // Only over the version read: a write that committed meanwhile refuses this one (412).
    const { count } = await ctx.tx.scimGroup.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw scimRefusal(412, null, "If-Match", "The group changed while this request ran: read it again.");
    row = { id: before.id };
  } else {
    row = await ctx.tx.scimGroup.create({ data: { ...data, orgId: auth.orgId }, select: { id: true } });
  }
  const previous = before?.members.map((m) => m.user.id) ?? [];
  const removed = previous.filter((id) => !memberIds.includes(id));
  const added = memberIds.filter((id) => !previous.includes(id));
  if (removed.length) await ctx.tx.scimGroupMember.deleteMany({ where: { groupId: row.id, scimUserId: { in: removed } } });
  if (added.length)
    await ctx.tx.scimGroupMember.createMany({ data: added.map((scimUserId) => ({ groupId: row.id, scimUserId, orgId: auth.orgId })) });
  await auth.audit({
    entityType: "ScimGroup",
    entityId: row.id,
    before: before ? { displayName: before.displayName, externalId: before.externalId } : undefined,
    after: { ...data, added: added.length, removed: removed.length },
  });
  // A renamed group maps to another role: every member is re-derived, not only the changed ones.
  const affected = before && before.displayName !== group.displayName ? [...new Set([...previous, ...memberIds])] : [...added, ...removed];
  await syncRoles(ctx.tx, auth, affected);
  return { id: row.id };
}

async function deleteGroup(ctx: PublicActionContext, auth: ScimAuthority, before: GroupRow) {
  await ctx.tx.scimGroup.delete({ where: { id: before.id } });
  await auth.audit({
    entityType: "ScimGroup",
    entityId: before.id,
    before: { displayName: before.displayName, externalId: before.externalId },
  });
  await syncRoles(
    ctx.tx,
    auth,
    before.members.map((m) => m.user.id),
  );
  return { id: before.id };
}

const groups = scimWriteHandlers({
  label: "group",
  find: findScimGroup,
  parse: parseGroupOrThrow,
  writable: writableGroup,
  create: (ctx, auth, group) => writeGroup(ctx, auth, null, group),
  replace: writeGroup,
  remove: deleteGroup,
});

export const scimCreateGroup = definePublicAction({ name: "scim.group.create", input: ZScimCreate, handler: groups.create });
export const scimReplaceGroup = definePublicAction({ name: "scim.group.replace", input: ZScimReplace, handler: groups.replace });
export const scimPatchGroup = definePublicAction({ name: "scim.group.patch", input: ZScimPatch, handler: groups.patch });
export const scimDeleteGroup = definePublicAction({ name: "scim.group.delete", input: ZScimDelete, handler: groups.remove });
