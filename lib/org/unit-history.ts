import type { ActionContext } from "@/lib/action";
import { toDateString } from "@/lib/fiscal";
import { addDaysIso, utcDate } from "@/lib/headcount/position-helpers";
import type { OrgUnitKind } from "@/lib/generated/prisma/enums";
import { todayIso, type UnitSnapshot } from "@/lib/org/tree-guards";

// Effective-dated unit history (OrgUnitHistory): every tree edit ends the unit's open period
// the day before and opens one from today with the unit as it now is. Two edits on one day
// leave one period for that day (the later state), as a person's assignments do.

export type UnitChange = "created" | "renamed" | "recoded" | "lead" | "acting-lead" | "moved" | "merged" | "closed" | "absorbed";

export async function recordUnitHistory(
  ctx: ActionContext,
  before: UnitSnapshot | null,
  after: UnitSnapshot,
  change: UnitChange,
  successorId: string | null = null,
): Promise<void> {
  const today = todayIso();
  const orgId = ctx.org.id;
  const open = await ctx.tx.orgUnitHistory.findFirst({
    where: { orgId, unitId: after.id, effectiveTo: null },
    orderBy: { effectiveFrom: "desc" },
    select: { id: true, effectiveFrom: true, change: true },
  });
  let kept: UnitChange = change;
  if (!open) {
    // A unit made before history was kept (or by the seed): its first period is what it was
    // until now, from the day it was created.
    const created = toDateString(after.createdAt);
    if (before && created < today) {
      await ctx.tx.orgUnitHistory.create({
        data: {
          ...periodOf(orgId, before),
          change: "created",
          effectiveFrom: utcDate(created),
          effectiveTo: utcDate(addDaysIso(today, -1)),
        },
      });
    }
  } else if (toDateString(open.effectiveFrom) >= today) {
    // A second edit today replaces today's period; a unit created today stays "created".
    if (open.change === "created") kept = "created";
    await ctx.tx.orgUnitHistory.delete({ where: { id: open.id } });
  } else {
    await ctx.tx.orgUnitHistory.update({ where: { id: open.id }, data: { effectiveTo: utcDate(addDaysIso(today, -1)) } });
  }
  await ctx.tx.orgUnitHistory.create({
    data: { ...periodOf(orgId, after), change: kept, successorId, actorId: ctx.actor.userId, effectiveFrom: utcDate(today) },
  });
}

function periodOf(orgId: string, u: UnitSnapshot) {
  return {
    orgId,
    unitId: u.id,
    parentId: u.parentId,
    name: u.name,
    code: u.code,
    kind: u.kind as OrgUnitKind,
    leadId: u.leadId,
    actingLeadId: u.actingLeadId,
    closed: u.closedOn !== null,
  };
}
