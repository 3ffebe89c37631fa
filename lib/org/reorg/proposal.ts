import type { ActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import type { ReorgStep } from "@/lib/org/reorg/schemas";
import { touchedUnitIds } from "@/lib/org/reorg/steps";
import { label } from "@/lib/org/tree-guards";

// Managers propose, directors and admins apply. A member whose `reorg:propose` grant is limited
// to their unit (lib/permissions.ts) drafts and edits only their own reorgs, and every unit those
// steps touch (named units, and the current unit of each person moved) must be inside their
// subtree; applying, scheduling and cancelling need `orgtree:write`, which they do not have.

/**
 * For a scoped proposer, before anything else is read: the reorg is theirs. Another member's
 * reorg is reported as not found, as the pages do (they list a proposer's own reorgs only).
 */
export async function ownProposalOrThrow(ctx: ActionContext, reorgId: string): Promise<void> {
  if (ctx.grant === "org") return;
  const own = await ctx.tx.reorg.findFirst({
    where: { id: reorgId, orgId: ctx.org.id, createdById: ctx.actor.userId },
    select: { id: true },
  });
  if (!own) throw new AppError("NOT_FOUND", "That reorg does not exist.");
}

/** For a scoped proposer: every unit the steps touch is inside their subtree (refused naming the first that is not). */
export async function proposalInScopeOrThrow(ctx: ActionContext, steps: ReorgStep[]): Promise<void> {
  if (ctx.grant === "org") return;
  const ids = await touchedUnitIds(ctx, steps);
  if (ids.length === 0) return;
  const scopeUnitId = ctx.actor.scopeUnitId;
  const outside = await ctx.tx.$queryRaw<{ name: string; code: string }[]>`
    SELECT u."name", u."code" FROM "OrgUnit" u
    WHERE u."orgId" = ${ctx.org.id} AND u."id" = ANY(${ids}::text[])
      AND NOT EXISTS (SELECT 1 FROM "OrgUnitClosure" c WHERE c."orgId" = u."orgId" AND c."ancestorId" = ${scopeUnitId} AND c."descendantId" = u."id")
    ORDER BY u."name", u."code" LIMIT 1`;
  if (outside[0]) {
    const scope = scopeUnitId
      ? await ctx.tx.orgUnit.findFirst({ where: { id: scopeUnitId, orgId: ctx.org.id }, select: { name: true, code: true } })
      : null;
    throw new AppError(
      "FORBIDDEN",
      `${label(outside[0])} is outside the part of the organization you manage${scope ? ` (${label(scope)} and below)` : ""}: you can propose changes only there.`,
    );
  }
}
