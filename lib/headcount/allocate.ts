import { defineAction, type ActionContext } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { overallocatedPeriods, type OverallocatedPeriod } from "@/lib/headcount/overallocation";
import { utcDate } from "@/lib/headcount/position-helpers";
import { ZAllocationInput, ZRemoveAllocationInput } from "@/lib/headcount/schemas";

/** The person's (or position's) allocations across all projects, swept for > 100% periods. */
async function overallocationOf(
  ctx: ActionContext,
  who: { personId: string | null; positionId: string | null },
): Promise<OverallocatedPeriod[]> {
  const rows = await ctx.tx.allocation.findMany({
    where: { orgId: ctx.org.id, ...(who.personId ? { personId: who.personId } : { positionId: who.positionId }) },
    select: { percent: true, startDate: true, endDate: true },
  });
  return overallocatedPeriods(
    rows.map((r) => ({ percent: r.percent, startDate: toDateString(r.startDate), endDate: r.endDate ? toDateString(r.endDate) : null })),
  );
}

/**
 * Allocate a person or an unfilled position to a project for a date range. Staffing is part of
 * running the project, so it needs projects:write on the project's unit. Going over 100% is
 * allowed (plans are drafts) but reported back and flagged wherever the person appears.
 */
export const createAllocation = defineAction({
  name: "allocation.create",
  permission: "projects:write",
  input: ZAllocationInput,
  async handler(ctx, input) {
    const project = await ctx.tx.project.findFirst({
      where: { id: input.projectId, orgId: ctx.org.id },
      select: { id: true, orgUnitId: true },
    });
    if (!project) throw new AppError("NOT_FOUND", "That project does not exist.");
    await ctx.assertUnitInScope(project.orgUnitId);
    if (input.personId) {
      const person = await ctx.tx.person.findFirst({
        where: { id: input.personId, orgId: ctx.org.id },
        select: { id: true, endDate: true },
      });
      if (!person) throw new AppError("NOT_FOUND", "That person does not exist.");
      if (person.endDate && toDateString(person.endDate) < input.startDate) throw invalid({ startDate: ["That person has left by then."] });
    } else {
      const position = await ctx.tx.position.findFirst({
        where: { id: input.positionId!, orgId: ctx.org.id },
        select: { id: true, status: true },
      });
      if (!position) throw new AppError("NOT_FOUND", "That position does not exist.");
      if (!["PLANNED", "OPEN", "BACKFILL"].includes(position.status))
        throw invalid({ positionId: ["Only unfilled positions can be allocated; allocate the person instead."] });
    }
    const allocation = await ctx.tx.allocation.create({
      data: {
        orgId: ctx.org.id,
        projectId: project.id,
        personId: input.personId ?? null,
        positionId: input.positionId ?? null,
        percent: input.percent,
        startDate: utcDate(input.startDate),
        endDate: input.endDate ? utcDate(input.endDate) : null,
      },
      select: { id: true, projectId: true, personId: true, positionId: true, percent: true, startDate: true, endDate: true },
    });
    await ctx.audit({ entityType: "Allocation", entityId: allocation.id, after: allocation });
    const overallocated = await overallocationOf(ctx, { personId: allocation.personId, positionId: allocation.positionId });
    return { allocationId: allocation.id, overallocated };
  },
});

export const removeAllocation = defineAction({
  name: "allocation.remove",
  permission: "projects:write",
  input: ZRemoveAllocationInput,
  async handler(ctx, input) {
    const before = await ctx.tx.allocation.findFirst({
      where: { id: input.allocationId, orgId: ctx.org.id },
      select: {
        id: true,
        projectId: true,
        personId: true,
        positionId: true,
        percent: true,
        startDate: true,
        endDate: true,
        project: { select: { orgUnitId: true } },
      },
    });
    if (!before) throw new AppError("NOT_FOUND", "That allocation does not exist.");
    await ctx.assertUnitInScope(before.project.orgUnitId);
    await ctx.tx.allocation.delete({ where: { id: before.id } });
    const { project: _project, ...audited } = before;
    await ctx.audit({ entityType: "Allocation", entityId: before.id, before: audited });
    return { allocationId: before.id };
  },
});
