import type { ActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Writes `changes` to the org's settings row only if it is still the version a form was opened
 * at (optimistic concurrency: one conditional update, so check and write are atomic; CONFLICT
 * otherwise), and audits the `select`ed fields before and after. Returns the new version.
 */
export async function saveOrgRowIfUnchanged<S extends Prisma.OrganizationSelect & { updatedAt: true }>(
  ctx: ActionContext,
  {
    select,
    before,
    expectedUpdatedAt,
    changes,
  }: { select: S; before: unknown; expectedUpdatedAt: string; changes: Prisma.OrganizationUpdateManyMutationInput },
): Promise<{ updatedAt: string }> {
  const { count } = await ctx.tx.organization.updateMany({
    where: { id: ctx.org.id, updatedAt: new Date(expectedUpdatedAt) },
    data: changes,
  });
  if (count === 0) throw new AppError("CONFLICT");
  const after = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select });
  await ctx.audit({ entityType: "Organization", entityId: ctx.org.id, before, after });
  return { updatedAt: (after as { updatedAt: Date }).updatedAt.toISOString() };
}
