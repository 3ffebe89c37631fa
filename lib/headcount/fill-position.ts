import type { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { estimatedBackfillPay } from "@/lib/headcount/backfill-estimate";
import { positionInScopeOrThrow, transitionOrThrow, updatePositionVersioned, utcDate } from "@/lib/headcount/position-helpers";
import { ZFillPositionInput } from "@/lib/headcount/schemas";
import { addPersonInTx } from "@/lib/people/add-person";
import { assertNoReportingCycle, recordAssignment } from "@/lib/people/assignment";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

/**
 * Fill an OPEN or BACKFILL position with a new hire (a Person is created in the position's unit,
 * paid the position's compensation) or with someone already here, who moves into the
 * position's unit from `startDate` (their old unit must be in the actor's scope too).
 */
export const fillPosition = defineAction({
  name: "position.fill",
  permission: "positions:write",
  input: ZFillPositionInput,
  handler: fillPositionInTx,
});

/** The fill itself, inside the caller's transaction (an HRIS sync fills positions with joiners). */
export async function fillPositionInTx(ctx: ActionContext, input: z.output<typeof ZFillPositionInput>) {
  const before = await positionInScopeOrThrow(ctx, input.positionId);
  const status = transitionOrThrow(before.status, "fill");
  const position = await ctx.tx.position.findUniqueOrThrow({
    where: { id: before.id },
    select: { annualCompCents: true, orgUnit: { select: { leadId: true } } },
  });
  let personId: string;
  if (input.mode === "new") {
    let managerId = input.managerId ?? position.orgUnit.leadId ?? null;
    if (managerId) {
      const manager = await ctx.tx.person.findFirst({ where: { id: managerId, orgId: ctx.org.id }, select: { id: true } });
      if (!manager) {
        if (input.managerId) throw invalid({ managerId: ["That manager does not exist."] });
        managerId = null;
      }
    }
    const person = await addPersonInTx(
      ctx,
      {
        name: input.name,
        email: input.email ?? null,
        title: before.title,
        level: before.level,
        orgUnitId: before.orgUnitId,
        managerId,
        startDate: utcDate(input.startDate),
        annualCompCents: position.annualCompCents,
      },
      { positionId: before.id },
    );
    personId = person.id;
  } else {
    const person = await ctx.tx.person.findFirst({
      where: { id: input.personId, orgId: ctx.org.id },
      select: { id: true, orgUnitId: true, managerId: true, startDate: true, endDate: true, version: true, level: true },
    });
    if (!person) throw new AppError("NOT_FOUND", "That person does not exist.");
    if (person.endDate && person.endDate < utcDate(input.startDate))
      throw invalid({ personId: ["That person leaves before the start date."] });
    // The picker offers future starters too (lib/people/queries.ts notDepartedWhere): they can
    // fill a position from their first day on, not before it.
    if (person.startDate > utcDate(input.startDate))
      throw invalid({ startDate: ["That person only starts later: the fill can begin on their first day at the earliest."] });
    await ctx.assertUnitInScope(person.orgUnitId);
    if (person.orgUnitId !== before.orgUnitId) {
      const manager = position.orgUnit.leadId && position.orgUnit.leadId !== person.id ? position.orgUnit.leadId : person.managerId;
      await assertNoReportingCycle(ctx, person.id, manager);
      await recordAssignment(ctx, person, { orgUnitId: before.orgUnitId, managerId: manager }, input.startDate);
      await ctx.tx.person.update({
        where: { id: person.id },
        data: { orgUnitId: before.orgUnitId, managerId: manager, version: { increment: 1 } },
      });
      await ctx.audit({
        action: "person.move",
        entityType: "Person",
        entityId: person.id,
        before: { orgUnitId: person.orgUnitId, managerId: person.managerId },
        after: { orgUnitId: before.orgUnitId, managerId: manager, effectiveFrom: input.startDate },
      });
    }
    // The seat they leave behind needs a replacement from the day they move; its pay stays the
    // mover's only when the actor may read pay (as for a departure: lib/people/set-end-date.ts).
    const vacated = await ctx.tx.position.findMany({
      where: { orgId: ctx.org.id, personId: person.id, status: "FILLED" },
      select: { id: true, orgUnitId: true },
    });
    const estimate = vacated.length && !ctx.actor.readsPay ? await estimatedBackfillPay(ctx.tx, ctx.org.id, person.level, person.id) : null;
    for (const old of vacated) {
      await ctx.assertUnitInScope(old.orgUnitId);
      await ctx.tx.position.update({
        where: { id: old.id },
        data: {
          status: "BACKFILL",
          personId: null,
          backfillForId: person.id,
          vacantFrom: utcDate(input.startDate),
          openedAt: new Date(),
          filledAt: null,
          version: { increment: 1 },
          ...(estimate === null ? {} : { annualCompCents: estimate, compIsEstimate: true }),
        },
      });
      await ctx.audit({
        action: "position.vacate",
        entityType: "Position",
        entityId: old.id,
        before: { status: "FILLED", personId: person.id },
        after: { status: "BACKFILL", backfillForId: person.id, vacantFrom: input.startDate },
      });
    }
    personId = person.id;
  }
  const after = await updatePositionVersioned(ctx, before.id, input.version, {
    status,
    personId,
    filledAt: new Date(),
    vacantFrom: null,
    targetStartDate: utcDate(input.startDate),
  });
  await ctx.audit({ entityType: "Position", entityId: before.id, before, after });
  // Never the position's or the person's pay: receivers have no pay permission.
  await emitWebhookEvent(ctx.tx, ctx.org.id, "position.filled", {
    position: { id: before.id, title: before.title, level: before.level, orgUnitId: before.orgUnitId },
    personId,
    mode: input.mode,
    startDate: input.startDate,
  });
  return { positionId: after.id, personId, status: after.status };
}
