import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { utcDate } from "@/lib/headcount/position-helpers";
import { isInChain } from "@/lib/managers/chain";
import { ZAddManagerNoteInput } from "@/lib/managers/schemas";

/** Refused for anyone not above the manager in the reporting line, whatever their role. */
export const NOT_IN_CHAIN = "Only the people above this manager in the reporting line keep their development notes.";

/**
 * Add a development note or goal about a manager. The audit event names the manager and the
 * kind but carries no text: the audit log and its export are read by people outside the chain.
 */
export const addManagerNote = defineAction({
  name: "manager-note.create",
  permission: "managers:notes",
  revalidate: { path: "/{org}/managers", type: "layout" },
  input: ZAddManagerNoteInput,
  async handler(ctx, input) {
    const manager = await ctx.tx.person.findFirst({ where: { id: input.managerId, orgId: ctx.org.id }, select: { id: true } });
    if (!manager) throw new AppError("NOT_FOUND", "That manager does not exist.");
    if (!(await isInChain(ctx.tx, ctx.org.id, manager.id, ctx.actor.userId))) throw new AppError("FORBIDDEN", NOT_IN_CHAIN);
    const note = await ctx.tx.managerNote.create({
      data: {
        orgId: ctx.org.id,
        managerId: manager.id,
        authorId: ctx.actor.userId,
        kind: input.kind,
        body: input.body,
        checkInOn: input.checkInOn ? utcDate(input.checkInOn) : null,
      },
      select: { id: true },
    });
    await ctx.audit({
      entityType: "ManagerNote",
      entityId: note.id,
      after: { managerId: manager.id, kind: input.kind, checkInOn: input.checkInOn ?? null },
    });
    return { id: note.id };
  },
});
