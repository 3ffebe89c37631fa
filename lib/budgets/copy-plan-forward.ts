import { defineAction } from "@/lib/action";
import { ZCopyPlanForwardInput } from "@/lib/budgets/schemas";
import { conflict } from "@/lib/errors";
import { fiscalYearRange, toDateString } from "@/lib/fiscal";

// Copies a fiscal year's plan into the next one, each line × (1 + percent/100), done in SQL in
// one INSERT … SELECT. Rounding: numeric arithmetic, rounded once to the cent half-even (the same
// rule as lib/money.ts mulCentsHalfEven), written with an explicit CASE since PostgreSQL's ROUND
// on numeric rounds half away from zero.
export const copyPlanForward = defineAction({
  name: "budgets.copy-forward",
  permission: "budgets:write",
  revalidate: { path: "/{org}/budgets", type: "layout" },
  input: ZCopyPlanForwardInput,
  async handler(ctx, { fromFiscalYear, percentChange, overwrite }) {
    const orgId = ctx.org.id;
    const from = fiscalYearRange(fromFiscalYear, ctx.org.fiscalYearStartMonth);
    const to = fiscalYearRange(fromFiscalYear + 1, ctx.org.fiscalYearStartMonth);
    const existing = await ctx.tx.budgetLine.count({ where: { orgId, month: { gte: to.start, lte: to.end } } });
    if (existing > 0 && !overwrite) {
      throw conflict(`FY${fromFiscalYear + 1} already has ${existing} plan line(s). Tick "replace" to overwrite them.`);
    }
    if (existing > 0) await ctx.tx.budgetLine.deleteMany({ where: { orgId, month: { gte: to.start, lte: to.end } } });
    const factor = `${(100 + Number(percentChange)).toFixed(2)}`;
    const copied = await ctx.tx.$executeRaw`
      WITH src AS (
        SELECT "orgUnitId", "category", ("month" + interval '1 year')::date AS "month",
               "amountCents"::numeric * ${factor}::numeric / 100 AS "exact"
        FROM "BudgetLine"
        WHERE "orgId" = ${orgId} AND "month" BETWEEN ${toDateString(from.start)}::date AND ${toDateString(from.end)}::date
      )
      INSERT INTO "BudgetLine" ("id", "orgId", "orgUnitId", "month", "category", "amountCents", "updatedAt")
      SELECT gen_random_uuid()::text, ${orgId}, "orgUnitId", "month", "category",
             (CASE WHEN abs("exact" - trunc("exact")) = 0.5 THEN trunc("exact") + abs(trunc("exact")::bigint % 2) * sign("exact")
                   ELSE round("exact") END)::bigint,
             now()
      FROM src`;
    await ctx.audit({
      entityType: "BudgetPlan",
      entityId: `FY${fromFiscalYear + 1}`,
      before: { lines: existing },
      after: { copiedFrom: `FY${fromFiscalYear}`, percentChange, lines: copied },
    });
    return { copied, replaced: existing };
  },
});
