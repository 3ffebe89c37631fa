import "server-only";

import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fiscalYearOf } from "@/lib/fiscal";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { getPayDisclosure } from "@/lib/privacy/queries";

// Plan lines are budgets, not pay: finance sees and edits every one of them, except a unit's own
// PERSONNEL line where that line alone would show a small group's pay (the unit's own people are
// not a shown group of their own: lib/privacy/disclosure.ts `ownGrain`). Such a line is
// also not written by a reader without pay access: the totals would move by what they wrote
// minus what was there, and show it.

/**
 * Units whose own PERSONNEL plan line is withheld from this reader in a fiscal year (none for pay
 * readers). A writer passes its transaction `tx`: judged in it, never on the app's client.
 */
export async function hiddenPersonnelPlanUnits(
  reader: { readsPay: boolean },
  orgId: string,
  fiscalYear: number,
  startMonth: number,
  today = new Date(),
  tx?: Tx,
): Promise<ReadonlySet<string>> {
  if (reader.readsPay) return new Set();
  const d = await getPayDisclosure(orgId, fiscalYear, startMonth, today, tx);
  return new Set(d.unitIds.filter((u) => !d.ownGrain.has(u)));
}

export const HIDDEN_PLAN_LINE_MESSAGE =
  "This personnel plan line would show the pay of fewer people than your organization's minimum group, so only someone who may read pay can change it.";

/** Refuses a write of a withheld PERSONNEL plan line by a reader without pay access, judged in the write's `tx`. */
export async function assertPlanLineWritableOrThrow(
  tx: Tx,
  actor: { readsPay: boolean },
  org: { id: string; fiscalYearStartMonth: number },
  line: { orgUnitId: string; category: BudgetCategory; month: Date },
  field = "amountCents",
): Promise<void> {
  if (actor.readsPay || line.category !== "PERSONNEL") return;
  const fy = fiscalYearOf(line.month, org.fiscalYearStartMonth);
  const hidden = await hiddenPersonnelPlanUnits(actor, org.id, fy, org.fiscalYearStartMonth, new Date(), tx);
  if (hidden.has(line.orgUnitId)) throw new AppError("FORBIDDEN", HIDDEN_PLAN_LINE_MESSAGE, { [field]: [HIDDEN_PLAN_LINE_MESSAGE] });
}
