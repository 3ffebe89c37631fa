import type { ActionContext } from "@/lib/action";
import { defineAction } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { utcDate } from "@/lib/headcount/position-helpers";
import { NOT_IN_CHAIN } from "@/lib/managers/add-note";
import { isInChain } from "@/lib/managers/chain";
import { ZSetManagerGoalDoneInput, ZUpdateManagerNoteInput } from "@/lib/managers/schemas";

// Editing a development note or goal and marking a goal done: as for adding one, only from above
// the manager in the reporting line (whoever wrote it), and audited without the text (the audit
// log is read outside the chain).

async function noteInChainOrThrow(ctx: ActionContext, noteId: string) {
  const note = await ctx.tx.managerNote.findFirst({
    where: { id: noteId, orgId: ctx.org.id },
    select: { id: true, managerId: true, kind: true, checkInOn: true, doneOn: true },
  });
  if (!note) throw new AppError("NOT_FOUND", "That note does not exist.");
  if (!(await isInChain(ctx.tx, ctx.org.id, note.managerId, ctx.actor.userId))) throw new AppError("FORBIDDEN", NOT_IN_CHAIN);
  return note;
}

const day = (d: Date | null) => (d ? toDateString(d) : null);

export const updateManagerNote = defineAction({
  name: "manager-note.update",
  permission: "managers:notes",
  revalidate: { path: "/{org}/managers", type: "layout" },
  input: ZUpdateManagerNoteInput,
  async handler(ctx, input) {
    const note = await noteInChainOrThrow(ctx, input.noteId);
    if (note.kind === "GOAL" && !input.checkInOn) throw invalid({ checkInOn: ["A goal needs a check-in date."] });
    await ctx.tx.managerNote.update({
      where: { id: note.id },
      data: { body: input.body, checkInOn: input.checkInOn ? utcDate(input.checkInOn) : null, editedAt: new Date() },
    });
    await ctx.audit({
      entityType: "ManagerNote",
      entityId: note.id,
      before: { managerId: note.managerId, kind: note.kind, checkInOn: day(note.checkInOn) },
      after: { managerId: note.managerId, kind: note.kind, checkInOn: input.checkInOn ?? null },
    });
    return { id: note.id };
  },
});

export const setManagerGoalDone = defineAction({
  name: "manager-note.set-done",
  permission: "managers:notes",
  revalidate: { path: "/{org}/managers", type: "layout" },
  input: ZSetManagerGoalDoneInput,
  async handler(ctx, input) {
    const note = await noteInChainOrThrow(ctx, input.noteId);
    if (note.kind !== "GOAL") throw invalid({ done: ["Only a goal can be marked done."] });
    const doneOn = input.done ? (note.doneOn ?? utcDate(toDateString(new Date()))) : null;
    await ctx.tx.managerNote.update({ where: { id: note.id }, data: { doneOn } });
    await ctx.audit({
      entityType: "ManagerNote",
      entityId: note.id,
      before: { managerId: note.managerId, kind: note.kind, doneOn: day(note.doneOn) },
      after: { managerId: note.managerId, kind: note.kind, doneOn: day(doneOn) },
    });
    return { id: note.id, doneOn: day(doneOn) };
  },
});
