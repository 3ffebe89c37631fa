import type { ActionContext } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { nextPositionStatus, type PositionEvent } from "@/lib/headcount/transitions";

export const POSITION_AUDIT_SELECT = {
  id: true,
  orgUnitId: true,
  title: true,
  level: true,
  status: true,
  personId: true,
  backfillForId: true,
  targetStartDate: true,
  vacantFrom: true,
  budgetFiscalYear: true,
  budgetFiscalQuarter: true,
  outsidePlan: true,
  version: true,
} as const;

/** A position of this org (a foreign id is NOT_FOUND) whose unit the actor may write. */
export async function positionInScopeOrThrow(ctx: ActionContext, positionId: string) {
  const position = await ctx.tx.position.findFirst({ where: { id: positionId, orgId: ctx.org.id }, select: POSITION_AUDIT_SELECT });
  if (!position) throw new AppError("NOT_FOUND", "That position does not exist.");
  await ctx.assertUnitInScope(position.orgUnitId);
  return position;
}

const PAST: Record<PositionEvent, string> = { fill: "filled", open: "opened", close: "closed", vacate: "vacated" };

export function transitionOrThrow(from: PositionStatus, event: PositionEvent): PositionStatus {
  const to = nextPositionStatus(from, event);
  if (!to) {
    const message = `A ${from.toLowerCase()} position cannot be ${PAST[event]}.`;
    throw invalid({ status: [message] }, message);
  }
  return to;
}

/** Conditional update on (id, orgId, version): CONFLICT when someone changed it meanwhile. */
export async function updatePositionVersioned(ctx: ActionContext, id: string, version: number, data: Record<string, unknown>) {
  const { count } = await ctx.tx.position.updateMany({
    where: { id, orgId: ctx.org.id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
  return ctx.tx.position.findUniqueOrThrow({ where: { id }, select: POSITION_AUDIT_SELECT });
}

export function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function addDaysIso(iso: string, days: number): string {
  const d = utcDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
