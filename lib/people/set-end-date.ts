import type { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import { fiscalPeriod, toDateString } from "@/lib/fiscal";
import { estimatedBackfillPay } from "@/lib/headcount/backfill-estimate";
import { addDaysIso, utcDate } from "@/lib/headcount/position-helpers";
import { ZSetEndDateInput } from "@/lib/people/schemas";
import { fromRegret } from "@/lib/people/set-departure-regret";

/**
 * Record a departure. The person's seat becomes a BACKFILL position (their filled position, or a
 * new one on their title and level when they held none) that counts as vacant from the day after
 * their last day — or, by choice, their filled position is closed. The backfill keeps the
 * leaver's pay only when the actor may read pay; otherwise it is budgeted at an estimate that
 * does not involve the leaver (lib/headcount/backfill-estimate.ts), so its cost cannot show it.
 * Whether the departure was regretted may be recorded with it (as person.set-departure-regret,
 * and like it audited only as recorded or not, never the answer).
 */
export const setEndDate = defineAction({
  name: "person.end",
  permission: "people:write",
  input: ZSetEndDateInput,
  handler: endPersonInTx,
});

/** The departure itself, inside the caller's transaction (an HRIS sync records leavers with it). */
export async function endPersonInTx(ctx: ActionContext, input: z.output<typeof ZSetEndDateInput>) {
  const person = await ctx.tx.person.findFirst({
    where: { id: input.personId, orgId: ctx.org.id },
    select: { id: true, orgUnitId: true, title: true, level: true, startDate: true, endDate: true, annualCompCents: true, version: true },
  });
  if (!person) throw new AppError("NOT_FOUND", "That person does not exist.");
  await ctx.assertUnitInScope(person.orgUnitId);
  if (input.endDate < toDateString(person.startDate)) throw invalid({ endDate: ["The last day cannot be before the start date."] });
  if (person.endDate) throw invalid({ endDate: [`Already leaving on ${toDateString(person.endDate)}.`] });

  const { count } = await ctx.tx.person.updateMany({
    where: { id: person.id, orgId: ctx.org.id, version: input.version },
    data: { endDate: utcDate(input.endDate), departureRegretted: fromRegret(input.regretted), version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
  await ctx.tx.personAssignment.updateMany({
    where: { orgId: ctx.org.id, personId: person.id, effectiveTo: null },
    data: { effectiveTo: utcDate(input.endDate) },
  });

  const vacantFrom = addDaysIso(input.endDate, 1);
  const estimate = ctx.actor.readsPay ? null : await estimatedBackfillPay(ctx.tx, ctx.org.id, person.level, person.id);
  const held = await ctx.tx.position.findMany({
    where: { orgId: ctx.org.id, personId: person.id, status: "FILLED" },
    select: { id: true, orgUnitId: true, status: true },
  });
  const positionIds: string[] = [];
  const now = new Date();
  for (const p of held) {
    await ctx.assertUnitInScope(p.orgUnitId);
    const data =
      input.vacancy === "backfill"
        ? {
            status: "BACKFILL" as const,
            personId: null,
            backfillForId: person.id,
            vacantFrom: utcDate(vacantFrom),
            openedAt: now,
            filledAt: null,
            ...(estimate === null ? {} : { annualCompCents: estimate, compIsEstimate: true }),
          }
        : { status: "CLOSED" as const, closedAt: now };
    await ctx.tx.position.update({ where: { id: p.id }, data: { ...data, version: { increment: 1 } } });
    const { annualCompCents: _pay, ...audited } = data as typeof data & { annualCompCents?: bigint };
    await ctx.audit({
      action: input.vacancy === "backfill" ? "position.vacate" : "position.close",
      entityType: "Position",
      entityId: p.id,
      before: p,
      after: { ...audited, vacantFrom: input.vacancy === "backfill" ? vacantFrom : undefined },
    });
    positionIds.push(p.id);
  }
  if (held.length === 0 && input.vacancy === "backfill") {
    const org = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { fiscalYearStartMonth: true } });
    const period = fiscalPeriod(utcDate(vacantFrom), org.fiscalYearStartMonth);
    const created = await ctx.tx.position.create({
      data: {
        orgId: ctx.org.id,
        orgUnitId: person.orgUnitId,
        title: person.title,
        level: person.level,
        status: "BACKFILL",
        backfillForId: person.id,
        vacantFrom: utcDate(vacantFrom),
        targetStartDate: utcDate(vacantFrom),
        annualCompCents: estimate ?? person.annualCompCents,
        compIsEstimate: estimate !== null,
        budgetFiscalYear: period.fiscalYear,
        budgetFiscalQuarter: period.quarter,
        openedAt: now,
      },
      select: { id: true, orgUnitId: true, status: true, vacantFrom: true },
    });
    await ctx.audit({
      action: "position.create",
      entityType: "Position",
      entityId: created.id,
      after: { ...created, backfillForId: person.id },
    });
    positionIds.push(created.id);
  }
  await ctx.audit({
    entityType: "Person",
    entityId: person.id,
    before: { endDate: null },
    after: { endDate: input.endDate, vacancy: input.vacancy, positionIds, regretRecorded: input.regretted !== "unrecorded" },
  });
  return { personId: person.id, positionIds };
}
