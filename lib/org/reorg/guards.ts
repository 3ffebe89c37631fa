import type { ActionContext } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import type { ReorgStatus } from "@/lib/generated/prisma/enums";
import { ZReorgSteps, type ReorgStep } from "@/lib/org/reorg/schemas";
import { label } from "@/lib/org/tree-guards";

// Shared checks of the reorg actions.

export type ReorgRow = {
  id: string;
  name: string;
  status: ReorgStatus;
  steps: ReorgStep[];
  version: number;
  effectiveOn: Date | null;
  appliedAt: Date | null;
};

const STATUS_WORDS: Record<ReorgStatus, string> = {
  DRAFT: "a draft",
  SCHEDULED: "scheduled",
  APPLIED: "already applied",
  CANCELLED: "cancelled",
  FAILED: "failed (nothing was applied)",
};

export async function reorgOrThrow(ctx: ActionContext, reorgId: string): Promise<ReorgRow> {
  const row = await ctx.tx.reorg.findFirst({
    where: { id: reorgId, orgId: ctx.org.id },
    select: { id: true, name: true, status: true, steps: true, version: true, effectiveOn: true, appliedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "That reorg does not exist.");
  return { ...row, steps: ZReorgSteps.parse(row.steps) };
}

/** The reorg at the version the page saw, in one of the statuses the change needs. */
export async function reorgInStateOrThrow(
  ctx: ActionContext,
  reorgId: string,
  version: number,
  allowed: ReorgStatus[],
  doing: string,
): Promise<ReorgRow> {
  const row = await reorgOrThrow(ctx, reorgId);
  if (!allowed.includes(row.status)) throw conflict(`“${row.name}” is ${STATUS_WORDS[row.status]}: it cannot be ${doing}.`);
  if (row.version !== version)
    throw conflict(`“${row.name}” was changed by someone else since you opened it. Reload to see the change, then try again.`);
  return row;
}

/**
 * Two scheduled reorgs may not touch one unit: the later one would be planned against a tree
 * the earlier one changes. Refused naming the unit and the other reorg.
 */
export async function assertNoScheduledConflict(ctx: ActionContext, reorgId: string, unitIds: string[]): Promise<void> {
  if (unitIds.length === 0) return;
  const clash = await ctx.tx.$queryRaw<{ name: string; effectiveOn: Date; unitName: string; unitCode: string }[]>`
    SELECT r."name", r."effectiveOn", u."name" AS "unitName", u."code" AS "unitCode"
    FROM "Reorg" r
    JOIN "OrgUnit" u ON u."orgId" = r."orgId" AND u."id" = ANY(r."unitIds")
    WHERE r."orgId" = ${ctx.org.id} AND r."status" = 'SCHEDULED' AND r."id" <> ${reorgId} AND u."id" = ANY(${unitIds}::text[])
    ORDER BY r."effectiveOn", u."name"
    LIMIT 1`;
  const c = clash[0];
  if (c) {
    throw invalid(
      {
        _form: [
          `${label({ name: c.unitName, code: c.unitCode })} is also changed by the scheduled reorg “${c.name}” (${toDateString(c.effectiveOn)}): cancel that one or leave ${c.unitName} out.`,
        ],
      },
      `${label({ name: c.unitName, code: c.unitCode })} is also changed by the scheduled reorg “${c.name}” (${toDateString(c.effectiveOn)}).`,
    );
  }
}
