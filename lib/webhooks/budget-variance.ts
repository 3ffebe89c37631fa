import "server-only";

import { getFinanceTree } from "@/lib/budgets/rollup";
import { varianceLevel, VARIANCE_THRESHOLD_PCT } from "@/lib/budgets/variance-level";
import { db, type Db, type Tx } from "@/lib/db";
import { fiscalYearOf } from "@/lib/fiscal";
import { logger } from "@/lib/log";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// `budget.variance_over_threshold`: a unit's forecast for the current fiscal year went over its
// plan by more than the threshold — the budgets page's own rule for a red variance
// (lib/budgets/variance-level.ts), so the event and the page never disagree. Announced once per
// crossing: BudgetVarianceAlert holds the units that are over, a unit back within loses its row,
// and only a unit without one is announced.
//
// Pay-safe: the unit's figures are those of the budgets page for a reader WITHOUT pay access
// (lib/privacy/disclosure.ts decides, as everywhere): a unit whose totals are withheld from that
// reader has no variance level, so it is never announced, and what is announced is what such a
// reader sees.
//
// When: statement triggers note every write of plan, ledger, positions or contracts in
// BudgetVarianceCheck (migration budget_variance_webhook); after a budget write commits, the action
// pipeline calls checkBudgetVariance, which consumes the notes. Of two checks at once, the one
// that saw the notes as they still are applies its judgement; the other stands down.

/** The org's pending notes as one comparable value (count, last, sum): equal = the very same notes. */
async function notesOf(client: Db | Tx, orgId: string) {
  const a = await client.budgetVarianceCheck.aggregate({ where: { orgId }, _count: true, _max: { seq: true }, _sum: { seq: true } });
  return { count: a._count, upTo: a._max.seq, key: `${a._count}:${a._max.seq}:${a._sum.seq}` };
}

/** Checks the org's variance if a write noted since the last check may have moved it; returns how many units were announced. */
export async function checkBudgetVariance(orgId: string, now = new Date()): Promise<number> {
  const seen = await notesOf(db, orgId);
  if (seen.count === 0 || seen.upTo === null) return 0;
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { fiscalYearStartMonth: true } });
  const fiscalYear = fiscalYearOf(now, org.fiscalYearStartMonth);
  const subscribed = await db.webhookEndpoint.count({ where: { orgId, enabled: true, events: { has: "budget.variance_over_threshold" } } });
  // Computed before the transaction, which then holds no connection while it runs (an embedded
  // database has one).
  const over = subscribed
    ? (
        await getFinanceTree({
          orgId,
          startMonth: org.fiscalYearStartMonth,
          fiscalYear,
          period: "year",
          unitId: null,
          category: null,
          payReader: false,
          today: now,
        })
      ).filter((u) => varianceLevel(u) === "over")
    : [];
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`budget-variance:${orgId}`}))`;
    // Notes added or consumed since: another write's check judges newer data; this one stands down.
    if ((await notesOf(tx, orgId)).key !== seen.key) return 0;
    await tx.budgetVarianceCheck.deleteMany({ where: { orgId, seq: { lte: seen.upTo! } } });
    if (!subscribed) {
      // Nobody listens: forget what was announced, so a later subscriber hears of units over from then on.
      await tx.budgetVarianceAlert.deleteMany({ where: { orgId } });
      return 0;
    }
    const announced = new Set(
      (await tx.budgetVarianceAlert.findMany({ where: { orgId, fiscalYear }, select: { orgUnitId: true } })).map((a) => a.orgUnitId),
    );
    await tx.budgetVarianceAlert.deleteMany({ where: { orgId, fiscalYear, orgUnitId: { notIn: over.map((u) => u.id) } } });
    const crossed = over.filter((u) => !announced.has(u.id));
    if (crossed.length === 0) return 0;
    await tx.budgetVarianceAlert.createMany({ data: crossed.map((u) => ({ orgId, orgUnitId: u.id, fiscalYear })) });
    for (const u of crossed)
      await emitWebhookEvent(tx, orgId, "budget.variance_over_threshold", {
        fiscalYear,
        thresholdPct: VARIANCE_THRESHOLD_PCT,
        unit: { id: u.id, name: u.name, code: u.code },
        // Non-null: a withheld figure has no variance level (varianceLevel above).
        planCents: String(u.planCents),
        forecastCents: String(u.forecastCents),
        varianceCents: String(u.varianceCents),
        variancePct: u.variancePct,
      });
    return crossed.length;
  });
}

/** After a budget write: the check, whose failure is logged and never undoes the committed write. */
export async function checkBudgetVarianceAfterWrite(orgId: string): Promise<void> {
  try {
    await checkBudgetVariance(orgId);
  } catch (error) {
    logger.error({ err: error, orgId, event: "webhooks.budget-variance.failed" }, "checking the budget variance failed");
  }
}
