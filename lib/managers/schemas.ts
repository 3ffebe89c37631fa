import { z } from "zod";

import { ZCheckbox, ZId as ZIdOf, ZOptionalDate } from "@/lib/validation";

const ZId = ZIdOf("Required.");

const MANAGER_NOTE_MAX = 4000;

const ZNoteBody = z
  .string({ error: "Write the note." })
  .trim()
  .min(1, "Write the note.")
  .max(MANAGER_NOTE_MAX, `At most ${MANAGER_NOTE_MAX} characters.`);

export const ZAddManagerNoteInput = z
  .object({
    managerId: ZId,
    kind: z.enum(["NOTE", "GOAL"], { error: "Choose a note or a goal." }),
    body: ZNoteBody,
    checkInOn: ZOptionalDate("check-in date"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "GOAL" && !v.checkInOn) ctx.addIssue({ code: "custom", path: ["checkInOn"], message: "A goal needs a check-in date." });
  });

export const ZDeleteManagerNoteInput = z.object({ noteId: ZId });

export const ZUpdateManagerNoteInput = z.object({
  noteId: ZId,
  body: ZNoteBody,
  checkInOn: ZOptionalDate("check-in date"),
});

/** Mark a goal done (`done` ticked) or open again. */
export const ZSetManagerGoalDoneInput = z.object({ noteId: ZId, done: ZCheckbox });
