import { z } from "zod";

import { ZDate } from "@/lib/headcount/schemas";

const ZId = z.string().trim().min(1, "Required.").max(64);

const MANAGER_NOTE_MAX = 4000;

export const ZAddManagerNoteInput = z
  .object({
    managerId: ZId,
    kind: z.enum(["NOTE", "GOAL"], { error: "Choose a note or a goal." }),
    body: z.string({ error: "Write the note." }).trim().min(1, "Write the note.").max(MANAGER_NOTE_MAX, `At most ${MANAGER_NOTE_MAX} characters.`),
    checkInOn: z.string().trim().transform((s) => (s === "" ? null : s)).pipe(ZDate.nullable()).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "GOAL" && !v.checkInOn) ctx.addIssue({ code: "custom", path: ["checkInOn"], message: "A goal needs a check-in date." });
  });

export const ZDeleteManagerNoteInput = z.object({ noteId: ZId });
