import { defineAction, type ActionContext } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import { periodColumns, ZCreateInitiativeInput, ZUpdateInitiativeInput } from "@/lib/roadmap/schemas";

const SELECT = {
  id: true,
  name: true,
  objective: true,
  orgUnitId: true,
  ownerId: true,
  fiscalYear: true,
  fiscalQuarter: true,
  fiscalHalf: true,
  status: true,
  updatedAt: true,
} as const;

async function assertRefs(ctx: ActionContext, orgUnitId: string, ownerId: string | null) {
  const [unit, owner] = await Promise.all([
    ctx.tx.orgUnit.findFirst({ where: { id: orgUnitId, orgId: ctx.org.id }, select: { id: true } }),
    ownerId ? ctx.tx.person.findFirst({ where: { id: ownerId, orgId: ctx.org.id }, select: { id: true } }) : null,
  ]);
  const errors: Record<string, string[]> = {};
  if (!unit) errors.orgUnitId = ["That org unit does not exist in this organization."];
  if (ownerId && !owner) errors.ownerId = ["That person does not exist in this organization."];
  if (Object.keys(errors).length) throw invalid(errors);
}

export const createInitiative = defineAction({
  name: "initiative.create",
  permission: "initiatives:write",
  input: ZCreateInitiativeInput,
  async handler(ctx, { period, ...input }) {
    await assertRefs(ctx, input.orgUnitId, input.ownerId);
    await ctx.assertUnitInScope(input.orgUnitId);
    const initiative = await ctx.tx.initiative.create({
      data: { orgId: ctx.org.id, ...input, ...periodColumns(period) },
      select: SELECT,
    });
    await ctx.audit({ entityType: "Initiative", entityId: initiative.id, after: initiative });
    return { id: initiative.id };
  },
});

export const updateInitiative = defineAction({
  name: "initiative.update",
  permission: "initiatives:write",
  input: ZUpdateInitiativeInput,
  async handler(ctx, { id, expectedUpdatedAt, period, ...input }) {
    const before = await ctx.tx.initiative.findFirst({ where: { id, orgId: ctx.org.id }, select: SELECT });
    if (!before) throw new AppError("NOT_FOUND", "That initiative does not exist.");
    await ctx.assertUnitInScope(before.orgUnitId);
    await assertRefs(ctx, input.orgUnitId, input.ownerId);
    await ctx.assertUnitInScope(input.orgUnitId);
    const { count } = await ctx.tx.initiative.updateMany({
      where: { id, orgId: ctx.org.id, updatedAt: new Date(expectedUpdatedAt) },
      data: { ...input, ...periodColumns(period) },
    });
    if (count === 0) throw conflict("Someone else changed this initiative since you opened it. Nothing was saved: reload and try again.");
    const after = await ctx.tx.initiative.findUniqueOrThrow({ where: { id }, select: SELECT });
    await ctx.audit({ entityType: "Initiative", entityId: id, before, after });
    return { id, updatedAt: after.updatedAt.toISOString() };
  },
});
