import type { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { assertNoReportingCycle, recordAssignment } from "@/lib/people/assignment";
import { wouldCreateCycle } from "@/lib/people/reporting-cycle";
import { ZUpdatePersonInput } from "@/lib/people/schemas";

const SELECT = { id: true, title: true, level: true, orgUnitId: true, managerId: true, startDate: true, version: true } as const;

/**
 * Edit a person's title and level, move them to another unit and/or change their manager. A move
 * or manager change is effective-dated (PersonAssignment history) and audited; the actor must
 * be allowed to write both the unit they leave and the unit they join.
 */
export const updatePerson = defineAction({
  name: "person.update",
  permission: "people:write",
  input: ZUpdatePersonInput,
  handler: updatePersonInTx,
});

/** The change itself, inside the caller's transaction (a reorg applies it as one of its steps). */
export async function updatePersonInTx(ctx: ActionContext, input: z.output<typeof ZUpdatePersonInput>) {
  const before = await ctx.tx.person.findFirst({ where: { id: input.personId, orgId: ctx.org.id }, select: SELECT });
  if (!before) throw new AppError("NOT_FOUND", "That person does not exist.");
  await ctx.assertUnitInScope(before.orgUnitId);
  const unit = await ctx.tx.orgUnit.findFirst({ where: { id: input.orgUnitId, orgId: ctx.org.id }, select: { id: true } });
  if (!unit) throw invalid({ orgUnitId: ["That org unit does not exist."] });
  await ctx.assertUnitInScope(unit.id);
  const managerId = input.managerId ?? null;
  if (managerId) {
    const manager = await ctx.tx.person.findFirst({ where: { id: managerId, orgId: ctx.org.id }, select: { id: true } });
    if (!manager) throw invalid({ managerId: ["That manager does not exist."] });
    // Cheap pure check first (self-manager), then the authoritative one in the database.
    if (wouldCreateCycle(before.id, managerId, new Map())) throw invalid({ managerId: ["A person cannot manage themselves."] });
    await assertNoReportingCycle(ctx, before.id, managerId);
  }
  const moved = unit.id !== before.orgUnitId || managerId !== before.managerId;
  if (moved) {
    if (input.effectiveFrom > toDateString(new Date())) {
      throw invalid({ effectiveFrom: ["Moves take effect today or earlier; future-dated moves are not scheduled yet."] });
    }
    await recordAssignment(ctx, before, { orgUnitId: unit.id, managerId }, input.effectiveFrom);
  }
  const { count } = await ctx.tx.person.updateMany({
    where: { id: before.id, orgId: ctx.org.id, version: input.version },
    data: { title: input.title, level: input.level, orgUnitId: unit.id, managerId, version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
  const after = await ctx.tx.person.findUniqueOrThrow({ where: { id: before.id }, select: SELECT });
  await ctx.audit({
    action: moved ? "person.move" : "person.update",
    entityType: "Person",
    entityId: before.id,
    before,
    after: moved ? { ...after, effectiveFrom: input.effectiveFrom } : after,
  });
  return { personId: after.id, version: after.version };
}
