import { z } from "zod";

import { ZId, ZOptionalId, ZVersion } from "@/lib/validation";

// Inputs of the org tree edits (lib/org/*-unit.ts). Ids are checked against the org on the
// server; a unit's `version` is the one the form was opened with (optimistic concurrency).

export const UNIT_KINDS = ["DIVISION", "DEPARTMENT", "GROUP", "TEAM", "OTHER"] as const;

const ZRequiredId = ZId("Required.");
const UNIT_CODE_MAX = 32;

export const ZUnitName = z.string().trim().min(2, "Enter a name of at least 2 characters.").max(80, "At most 80 characters.");
/** The cost-centre code: what ledger and plan imports name the unit by; unique per org, ignoring case. */
export const ZUnitCode = z
  .string()
  .trim()
  .min(2, "Enter a cost-centre code of at least 2 characters.")
  .max(UNIT_CODE_MAX, `At most ${UNIT_CODE_MAX} characters.`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dot, dash or underscore, starting with a letter or digit.");

/**
 * A new unit's name and cost-centre code made from what a file calls a department ("R&D", "Café
 * Ops", "Engineering : Platform"): the last part of a "Parent : Child" value; its code with accents
 * dropped, anything ZUnitCode refuses turned into a dash, upper-case, at most UNIT_CODE_MAX
 * characters, or "" when fewer than 2 usable characters are left (the person types one).
 */
export function newUnitFrom(value: string): { name: string; code: string } {
  const name = (value.split(":").at(-1) ?? "").trim().slice(0, 80);
  const code = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/[._-]*-[._-]*/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, UNIT_CODE_MAX)
    .replace(/[._-]+$/, "")
    .toUpperCase();
  return { name, code: code.length >= 2 ? code : "" };
}

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
