import { defineAction } from "@/lib/action";
import { ZSetBudgetCellInput } from "@/lib/budgets/schemas";
import { notFound } from "@/lib/errors";
import { assertPlanLineWritableOrThrow } from "@/lib/privacy/plan-lines";

// One plan cell (org unit × category × month) edited in place. 0 removes the line.
export const setBudgetCell = defineAction({
  name: "budgets.cell.set",
  permission: "budgets:write",
  input: ZSetBudgetCellInput,
  async handler(ctx, { orgUnitId, category, month, amountCents }) {
    const orgId = ctx.org.id;
    const unit = await ctx.tx.orgUnit.findFirst({ where: { id: orgUnitId, orgId }, select: { id: true } });
    if (!unit) throw notFound("That org unit does not exist.");
    await ctx.assertUnitInScope(orgUnitId);
    const monthDate = new Date(`${month}T00:00:00Z`);
    await assertPlanLineWritableOrThrow(ctx.actor, ctx.org, { orgUnitId, category, month: monthDate });
    const key = { orgId_orgUnitId_month_category: { orgId, orgUnitId, month: monthDate, category } };
    const before = await ctx.tx.budgetLine.findUnique({ where: key, select: { id: true, amountCents: true } });
    const amount = BigInt(amountCents);
    let id = before?.id ?? null;
    if (amount === 0n) {
      if (before) await ctx.tx.budgetLine.delete({ where: { id: before.id } });
    } else {
      const line = await ctx.tx.budgetLine.upsert({
        where: key,
        create: { orgId, orgUnitId, month: monthDate, category, amountCents: amount },
        update: { amountCents: amount },
        select: { id: true },
      });
      id = line.id;
    }
    await ctx.audit({
      entityType: "BudgetLine",
      entityId: id ?? `${orgUnitId}|${category}|${month}`,
      before: before ? { orgUnitId, category, month, amountCents: before.amountCents } : null,
      after: amount === 0n ? null : { orgUnitId, category, month, amountCents: amount },
    });
    return { amountCents };
  },
});
