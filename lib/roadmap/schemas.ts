import { z } from "zod";

import { InitiativeStatus } from "@/lib/generated/prisma/enums";
import { ZExpectedUpdatedAt, ZFiscalYear, ZId, ZIdOrNull } from "@/lib/validation";

const INITIATIVE_PERIODS = ["YEAR", "H1", "H2", "Q1", "Q2", "Q3", "Q4"] as const;
export type InitiativePeriod = (typeof INITIATIVE_PERIODS)[number];

const fields = {
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(2, "Name must be at least 2 characters.")
    .max(120, "Name must be at most 120 characters."),
  objective: z.string().trim().max(1000, "Objective must be at most 1000 characters.").optional().default(""),
  orgUnitId: ZId("Choose the owning unit."),
  ownerId: ZIdOrNull,
  fiscalYear: ZFiscalYear(),
  period: z.enum(INITIATIVE_PERIODS, { error: "Choose the whole year, a half or a quarter." }),
  status: z.enum(InitiativeStatus, { error: "Choose a status." }).optional().default("PROPOSED"),
};

export const ZCreateInitiativeInput = z.object(fields);
export const ZUpdateInitiativeInput = z.object({
  id: ZId(),
  /** The initiative's updatedAt when the form was opened: a concurrent edit is refused. */
  expectedUpdatedAt: ZExpectedUpdatedAt,
  ...fields,
});

export function periodColumns(period: InitiativePeriod): { fiscalQuarter: number | null; fiscalHalf: number | null } {
  if (period.startsWith("Q")) return { fiscalQuarter: Number(period.slice(1)), fiscalHalf: null };
  if (period.startsWith("H")) return { fiscalQuarter: null, fiscalHalf: Number(period.slice(1)) };
  return { fiscalQuarter: null, fiscalHalf: null };
}

export function periodOf(i: { fiscalQuarter: number | null; fiscalHalf: number | null }): InitiativePeriod {
  if (i.fiscalQuarter) return `Q${i.fiscalQuarter}` as InitiativePeriod;
  if (i.fiscalHalf) return `H${i.fiscalHalf}` as InitiativePeriod;
  return "YEAR";
}
