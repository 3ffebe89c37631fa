import { z } from "zod";

import { ZDate, ZId as ZIdOf, ZVersion } from "@/lib/validation";

// A reorg's steps (Reorg.steps, JSON) and the inputs of its actions. A step names a unit by its
// id, or a unit an earlier step of the same reorg creates by "new:<code>" (it has no id yet).

const UNIT_KINDS = ["DIVISION", "DEPARTMENT", "GROUP", "TEAM", "OTHER"] as const;

const ZId = ZIdOf("Required.");
const ZUnitRef = z.string().trim().min(1, "Choose a unit.").max(64);
const ZOptionalId = z
  .string()
  .trim()
  .max(64)
  .transform((s) => (s === "" || s === "none" ? null : s))
  .nullable()
  .optional();
/** A person step's manager: "keep" (or absent) keeps the current one, "" / "none" removes it. */
const ZManagerChoice = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((s) => (s === undefined || s === "keep" ? undefined : s === "" || s === "none" ? null : s));

const ZMoveStep = z.object({ kind: z.literal("move"), unit: ZUnitRef, parent: ZUnitRef });
const ZMergeStep = z.object({ kind: z.literal("merge"), unit: ZUnitRef, target: ZUnitRef });
const ZCreateStep = z.object({
  kind: z.literal("create"),
  parent: ZUnitRef,
  name: z.string().trim().min(2, "Enter a name of at least 2 characters.").max(80, "At most 80 characters."),
  code: z
    .string()
    .trim()
    .min(2, "Enter a cost-centre code of at least 2 characters.")
    .max(32, "At most 32 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dot, dash or underscore, starting with a letter or digit."),
  unitKind: z.enum(UNIT_KINDS, { error: "Choose division, department, group, team or other." }),
  leadId: ZOptionalId,
});
const ZPersonStep = z.object({ kind: z.literal("person"), personId: ZId, unit: ZUnitRef, managerId: ZManagerChoice });
const ZLeadStep = z.object({ kind: z.literal("lead"), unit: ZUnitRef, leadId: ZOptionalId });

export const ZReorgStep = z.discriminatedUnion("kind", [ZMoveStep, ZMergeStep, ZCreateStep, ZPersonStep, ZLeadStep], {
  error: "Choose what the step does: move, merge, new unit, move a person or change a lead.",
});
export type ReorgStep = z.output<typeof ZReorgStep>;
export const ZReorgSteps = z.array(ZReorgStep).max(200, "A reorg has at most 200 steps.");

/** How a step names a unit that an earlier step of the same reorg creates. */
export const newUnitRef = (code: string) => `new:${code.toLowerCase()}`;

const ZReorgName = z.string().trim().min(3, "Enter a name of at least 3 characters.").max(100, "At most 100 characters.");
const ZReorgRef = { reorgId: ZId, version: ZVersion };

export const ZCreateReorgInput = z.object({ name: ZReorgName });
export const ZAddReorgStepInput = z.object({ ...ZReorgRef, step: ZReorgStep });
export const ZRemoveReorgStepInput = z.object({ ...ZReorgRef, index: z.coerce.number().int().min(0).max(199) });
export const ZScheduleReorgInput = z.object({ ...ZReorgRef, effectiveOn: ZDate("effective date") });
export const ZCancelReorgInput = z.object(ZReorgRef);
export const ZApplyReorgInput = z.object({
  ...ZReorgRef,
  /** Set by applyDueReorgs only: apply a scheduled reorg whose date is on or before this day. */
  dueOn: ZDate().optional(),
});
