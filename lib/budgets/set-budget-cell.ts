import { defineAction } from "@/lib/action";
import { ZClearBudgetCellInput, ZSetBudgetCellInput } from "@/lib/budgets/schemas";
import type { ActionContext } from "@/lib/action";
import { notFound } from "@/lib/errors";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { assertPlanLineWritableOrThrow } from "@/lib/privacy/plan-lines";
import { notePlanMonths } from "@/lib/stored-figures/state";

// One plan cell (org unit × category × month) edited in place. Setting always stores the amount
// (0 is a plan of nothing, not a deletion); removing the line is the separate, explicit
// budgets.cell.clear, so a bad or empty value can never delete a line.

async function findCell(ctx: ActionContext, orgUnitId: string, category: BudgetCategory, month: string) {
  const orgId = ctx.org.id;
  const unit = await ctx.tx.orgUnit.findFirst({ where: { id: orgUnitId, orgId }, select: { id: true } });
  if (!unit) throw notFound("That org unit does not exist.");
  await ctx.assertUnitInScope(orgUnitId);
  const monthDate = new Date(`${month}T00:00:00Z`);
  // A withheld personnel line is neither written nor cleared by a reader without pay access (lib/privacy/plan-lines.ts).
  await assertPlanLineWritableOrThrow(ctx.tx, ctx.actor, ctx.org, { orgUnitId, category, month: monthDate }, "amount");
  const key = { orgId_orgUnitId_month_category: { orgId, orgUnitId, month: monthDate, category } };
  const before = await ctx.tx.budgetLine.findUnique({ where: key, select: { id: true, amountCents: true } });
  // The stored forecast is then refreshed for this month only (lib/stored-figures/state.ts).
  notePlanMonths(ctx.tx, [monthDate]);
  return { key, before };
}

export const setBudgetCell = defineAction({
  name: "budgets.cell.set",
  permission: "budgets:write",
  revalidate: { path: "/{org}/budgets", type: "layout" },
  input: ZSetBudgetCellInput,
  async handler(ctx, { orgUnitId, category, month, amount }) {
    const orgId = ctx.org.id;
    const { key, before } = await findCell(ctx, orgUnitId, category, month);
    const line = await ctx.tx.budgetLine.upsert({
      where: key,
      create: { orgId, orgUnitId, month: key.orgId_orgUnitId_month_category.month, category, amountCents: amount },
      update: { amountCents: amount },
      select: { id: true },
    });
    // The pipeline refuses it, naming "amount", if the org's plan would pass the money limit (lib/money-limit.ts).
    await ctx.audit({
      entityType: "BudgetLine",
      entityId: line.id,
      before: before ? { orgUnitId, category, month, amountCents: before.amountCents } : null,
      after: { orgUnitId, category, month, amountCents: amount },
    });
    return { amountCents: centsToNumber(amount) };
  },
});

export const clearBudgetCell = defineAction({
  name: "budgets.cell.clear",
  permission: "budgets:write",
  revalidate: { path: "/{org}/budgets", type: "layout" },
  input: ZClearBudgetCellInput,
  async handler(ctx, { orgUnitId, category, month }) {
    const { before } = await findCell(ctx, orgUnitId, category, month);
    if (!before) throw notFound("That plan cell is already empty.");
    await ctx.tx.budgetLine.delete({ where: { id: before.id } });
    await ctx.audit({
      entityType: "BudgetLine",
      entityId: before.id,
      before: { orgUnitId, category, month, amountCents: before.amountCents },
      after: null,
    });
    return { cleared: true };
  },
});
