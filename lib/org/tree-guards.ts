import type { ActionContext, AuditInput } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import type { Prisma } from "@/lib/generated/prisma/client";

// Shared checks of the tree edits. Every edit first takes the org's tree lock, so two edits of
// one org's tree run one after the other: a cycle check and the closure rewrite that follows it
// cannot interleave with another move (A under B while B goes under A).

export const UNIT_SELECT = {
  id: true,
  parentId: true,
  name: true,
  code: true,
  kind: true,
  leadId: true,
  actingLeadId: true,
  depth: true,
  closedOn: true,
  version: true,
  createdAt: true,
} as const;

export type UnitSnapshot = {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  kind: string;
  leadId: string | null;
  actingLeadId: string | null;
  depth: number;
  closedOn: Date | null;
  version: number;
  createdAt: Date;
};

export const label = (u: { name: string; code: string }) => `${u.name} (${u.code})`;
export const todayIso = () => toDateString(new Date());

/**
 * The context for an edit made as part of another action (a reorg's step, a unit an import
 * creates): its audit events go under the edit's own action name (`action`, e.g.
 * "org-unit.create"), with `tag` (what made it) added to what they record.
 */
export function taggedContext(ctx: ActionContext, action: string, tag: Record<string, unknown>): ActionContext {
  return {
    ...ctx,
    audit: (event: AuditInput) =>
      ctx.audit({
        action,
        ...event,
        after: event.after && typeof event.after === "object" ? { ...event.after, ...tag } : { value: event.after ?? null, ...tag },
      }),
  };
}

export async function lockTree(ctx: ActionContext): Promise<void> {
  await ctx.tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`keel:orgtree:${ctx.org.id}`}))) l`;
}

/** The unit being edited: of this org, open, at the version the form saw. */
export async function editableUnitOrThrow(ctx: ActionContext, unitId: string, version: number): Promise<UnitSnapshot> {
  const unit = await ctx.tx.orgUnit.findFirst({ where: { id: unitId, orgId: ctx.org.id }, select: UNIT_SELECT });
  if (!unit) throw new AppError("NOT_FOUND", "That org unit does not exist.");
  if (unit.closedOn) throw invalid({ unitId: [`${label(unit)} is closed.`] }, `${label(unit)} is closed and cannot be changed.`);
  if (unit.version !== version)
    throw conflict(`${label(unit)} was changed by someone else since you opened it. Reload to see the change, then try again.`);
  return unit;
}

/** Another unit named in the input (a parent, a target): of this org and open, else a field error. */
export async function openUnitOrThrow(ctx: ActionContext, unitId: string, field: string): Promise<UnitSnapshot> {
  const unit = await ctx.tx.orgUnit.findFirst({ where: { id: unitId, orgId: ctx.org.id }, select: UNIT_SELECT });
  if (!unit) throw invalid({ [field]: ["That org unit does not exist."] });
  if (unit.closedOn) throw invalid({ [field]: [`${label(unit)} is closed.`] });
  return unit;
}

/** Codes are unique per org ignoring case (imports match them case-insensitively), closed units included. */
export async function assertCodeFree(ctx: ActionContext, code: string, exceptUnitId: string | null): Promise<void> {
  const clash = await ctx.tx.orgUnit.findFirst({
    where: { orgId: ctx.org.id, code: { equals: code, mode: "insensitive" }, ...(exceptUnitId ? { id: { not: exceptUnitId } } : {}) },
    select: { name: true, code: true, closedOn: true },
  });
  if (clash) throw invalid({ code: [`The code ${clash.code} is already used by ${clash.name}${clash.closedOn ? " (closed)" : ""}.`] });
}

/** A lead of `unit` (named in the refusal): a person of this org who has not left. `field`: the input naming them. */
export async function leadOrThrow(
  ctx: ActionContext,
  leadId: string,
  unit: { name: string; code: string },
  field = "leadId",
): Promise<{ id: string; name: string }> {
  const person = await ctx.tx.person.findFirst({
    where: { id: leadId, orgId: ctx.org.id },
    select: { id: true, name: true, endDate: true },
  });
  if (!person) throw invalid({ [field]: [`That person is not in this organization, so they cannot lead ${label(unit)}.`] });
  if (person.endDate && toDateString(person.endDate) < todayIso())
    throw invalid({ [field]: [`${person.name} has left the organization, so they cannot lead ${label(unit)}.`] });
  return { id: person.id, name: person.name };
}

/** True when `unitId` is `ancestorId` or below it (the closure table, kept exact by every edit). */
export async function isWithin(ctx: ActionContext, ancestorId: string, unitId: string): Promise<boolean> {
  const row = await ctx.tx.orgUnitClosure.findUnique({
    where: { orgId_ancestorId_descendantId: { orgId: ctx.org.id, ancestorId, descendantId: unitId } },
    select: { depth: true },
  });
  return row !== null;
}

/** Writes the unit's new values and version; a writer that got there first is a conflict. */
export async function writeUnitOrThrow(
  ctx: ActionContext,
  unit: UnitSnapshot,
  data: Prisma.OrgUnitUncheckedUpdateManyInput,
): Promise<UnitSnapshot> {
  const { count } = await ctx.tx.orgUnit.updateMany({
    where: { id: unit.id, orgId: ctx.org.id, version: unit.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0)
    throw conflict(`${label(unit)} was changed by someone else since you opened it. Reload to see the change, then try again.`);
  return ctx.tx.orgUnit.findUniqueOrThrow({ where: { id: unit.id }, select: UNIT_SELECT });
}
