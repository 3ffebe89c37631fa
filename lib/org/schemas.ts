import { z } from "zod";

import { ZId, ZOptionalId, ZVersion } from "@/lib/validation";

// Inputs of the org tree edits (lib/org/*-unit.ts). Ids are checked against the org on the
// server; a unit's `version` is the one the form was opened with (optimistic concurrency).

const UNIT_KINDS = ["DIVISION", "DEPARTMENT", "GROUP", "TEAM", "OTHER"] as const;

const ZRequiredId = ZId("Required.");

const ZUnitName = z.string().trim().min(2, "Enter a name of at least 2 characters.").max(80, "At most 80 characters.");
/** The cost-centre code: what ledger and plan imports name the unit by; unique per org, ignoring case. */
const ZUnitCode = z
  .string()
  .trim()
  .min(2, "Enter a cost-centre code of at least 2 characters.")
  .max(32, "At most 32 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dot, dash or underscore, starting with a letter or digit.");
const ZUnitKind = z.enum(UNIT_KINDS, { error: "Choose division, department, group, team or other." });

export const ZCreateUnitInput = z.object({
  parentId: ZRequiredId,
  name: ZUnitName,
  code: ZUnitCode,
  kind: ZUnitKind,
  leadId: ZOptionalId,
});

export const ZUpdateUnitInput = z.object({
  unitId: ZRequiredId,
  version: ZVersion,
  name: ZUnitName,
  code: ZUnitCode,
  kind: ZUnitKind,
});

export const ZSetUnitLeadInput = z.object({
  unitId: ZRequiredId,
  version: ZVersion,
  /** Empty: the unit has no lead. */
  leadId: ZOptionalId,
});

export const ZSetActingLeadInput = z.object({
  unitId: ZRequiredId,
  version: ZVersion,
  /** Empty: the acting lead's stand-in ends. */
  actingLeadId: ZOptionalId,
});

export const ZMoveUnitInput = z.object({
  unitId: ZRequiredId,
  version: ZVersion,
  parentId: ZRequiredId,
});

export const ZMergeUnitInput = z.object({
  unitId: ZRequiredId,
  version: ZVersion,
  /** The sibling that receives the unit's contents; the unit is closed. */
  targetId: ZRequiredId,
});

export const ZCloseUnitInput = z.object({
  unitId: ZRequiredId,
  version: ZVersion,
  /** Where what is still inside goes; empty = the unit must already be empty. */
  targetId: ZOptionalId,
});
