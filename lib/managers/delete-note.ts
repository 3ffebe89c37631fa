import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { NOT_IN_CHAIN } from "@/lib/managers/add-note";
import { isInChain } from "@/lib/managers/chain";
import { ZDeleteManagerNoteInput } from "@/lib/managers/schemas";

/** Delete a development note or goal; as for adding one, only from above in the reporting line. */
export const deleteManagerNote = defineAction({
  name: "manager-note.delete",
  permission: "managers:notes",
  revalidate: { path: "/{org}/managers", type: "layout" },
  input: ZDeleteManagerNoteInput,
  async handler(ctx, input) {
    const note = await ctx.tx.managerNote.findFirst({
      where: { id: input.noteId, orgId: ctx.org.id },
      select: { id: true, managerId: true, kind: true },
    });
    if (!note) throw new AppError("NOT_FOUND", "That note does not exist.");
    if (!(await isInChain(ctx.tx, ctx.org.id, note.managerId, ctx.actor.userId))) throw new AppError("FORBIDDEN", NOT_IN_CHAIN);
    await ctx.tx.managerNote.delete({ where: { id: note.id } });
    await ctx.audit({ entityType: "ManagerNote", entityId: note.id, before: { managerId: note.managerId, kind: note.kind } });
    return { id: note.id };
  },
});
