import { z } from "zod";

import { ProjectStatus } from "@/lib/generated/prisma/enums";
import { MARKDOWN_PROBLEM_MESSAGES, markdownProblem } from "@/lib/markdown-bounds";
import { updateBodyProblems, withoutEmptyTemplate } from "@/lib/projects/update-body";
import { UPDATE_LIMITS } from "@/lib/projects/update-limits";
import { ZCentsOrNull, ZCheckbox, ZDate, ZDateOrNull, ZId, ZIdOrNull, ZVersion } from "@/lib/validation";

// Inputs arrive from forms (strings, "" for an empty field) or from code: coerce where a form
// sends text. Every schema reports all field errors at once (lib/action.ts collects them).

const ZBudget = ZCentsOrNull({ message: "Enter the budget as an amount, e.g. 250000 or 250,000.00." });

const projectFields = {
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(2, "Name must be at least 2 characters.")
    .max(120, "Name must be at most 120 characters."),
  description: z.string().trim().max(2000, "Description must be at most 2000 characters.").optional().default(""),
  orgUnitId: ZId("Choose the owning team."),
  leadId: ZIdOrNull,
  initiativeId: ZIdOrNull,
  startDate: ZDateOrNull("start date"),
  targetDate: ZDateOrNull("target date"),
  budget: ZBudget,
  capex: ZCheckbox,
};

const targetAfterStart = (v: { startDate: string | null; targetDate: string | null }) =>
  !v.startDate || !v.targetDate || v.targetDate >= v.startDate;
const TARGET_MSG = { path: ["targetDate"], message: "Target date must be on or after the start date." };

export const ZCreateProjectInput = z
  .object({ ...projectFields, status: z.enum(ProjectStatus, { error: "Choose a status." }).optional().default("PLANNED") })
  .refine(targetAfterStart, TARGET_MSG);

export const ZUpdateProjectInput = z.object({ id: ZId(), version: ZVersion, ...projectFields }).refine(targetAfterStart, TARGET_MSG);

export const ZSetProjectStatusInput = z.object({
  id: ZId(),
  version: ZVersion,
  status: z.enum(ProjectStatus, { error: "Choose a status." }),
});
export const ZArchiveProjectInput = z.object({ id: ZId(), version: ZVersion, archived: ZCheckbox });

const UPDATE_HEALTHS = ["ON_TRACK", "AT_RISK", "OFF_TRACK"] as const;

const ZUpdateSummary = z
  .string({ error: "Write a one-line summary." })
  .trim()
  .min(3, "Write a one-line summary (at least 3 characters).")
  .max(UPDATE_LIMITS.summary, `Keep the summary to one line: at most ${UPDATE_LIMITS.summary} characters.`);
const ZUpdateBody = z
  .string()
  .max(UPDATE_LIMITS.body, `The details must be at most ${UPDATE_LIMITS.body.toLocaleString("en-US")} characters.`)
  .optional()
  .default("")
  .transform(withoutEmptyTemplate)
  .superRefine((body, ctx) => {
    // Bounds first (lib/markdown-bounds.ts): a pathological text is refused before it is parsed.
    const problem = markdownProblem(body);
    if (problem) {
      ctx.addIssue({ code: "custom", message: MARKDOWN_PROBLEM_MESSAGES[problem] });
      return;
    }
    for (const message of updateBodyProblems(body)) ctx.addIssue({ code: "custom", message });
  });
const ZOverrideReason = z
  .string()
  .trim()
  .max(UPDATE_LIMITS.overrideReason, `Keep the reason to at most ${UPDATE_LIMITS.overrideReason} characters.`)
  .optional()
  .transform((s) => (s ? s : null));

export const ZPostStatusUpdateInput = z.object({
  projectId: ZId("Choose a project."),
  health: z.enum(UPDATE_HEALTHS, { error: "Choose On track, At risk or Off track." }),
  summary: ZUpdateSummary,
  body: ZUpdateBody,
  overrideReason: ZOverrideReason,
});

/** The author's correction of their update (within UPDATE_EDIT_WINDOW_HOURS of posting it). */
export const ZEditStatusUpdateInput = z.object({
  updateId: ZId("Choose an update."),
  health: z.enum(UPDATE_HEALTHS, { error: "Choose On track, At risk or Off track." }),
  summary: ZUpdateSummary,
  body: ZUpdateBody,
  overrideReason: ZOverrideReason,
});

export const ZDeleteStatusUpdateInput = z.object({ updateId: ZId("Choose an update.") });

export const ZAcknowledgeUpdateInput = z.object({ updateId: ZId("Choose an update.") });

const milestoneName = z
  .string({ error: "Name the milestone." })
  .trim()
  .min(2, "Name must be at least 2 characters.")
  .max(120, "Name must be at most 120 characters.");

export const ZCreateMilestoneInput = z.object({ projectId: ZId("Choose a project."), name: milestoneName, dueDate: ZDate("due date") });
export const ZUpdateMilestoneInput = z.object({ id: ZId(), name: milestoneName, dueDate: ZDate("due date") });
export const ZCompleteMilestoneInput = z.object({
  id: ZId(),
  done: ZCheckbox,
  doneDate: ZDateOrNull("completion date"),
});

export const ZAddDependencyInput = z
  .object({
    blockerId: ZId("Choose the project that blocks."),
    blockedId: ZId("Choose the project that waits."),
    note: z.string().trim().max(300, "Keep the note under 300 characters.").optional().default(""),
  })
  .refine((v) => v.blockerId !== v.blockedId, { path: ["blockerId"], message: "A project cannot depend on itself." });
export const ZRemoveDependencyInput = z.object({ id: ZId() });
