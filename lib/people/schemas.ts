import { z } from "zod";

import { ZDate, ZVersion } from "@/lib/headcount/schemas";

const ZOptionalId = z.string().trim().max(64).transform((s) => (s === "" || s === "none" ? null : s)).nullable().optional();

export const ZUpdatePersonInput = z.object({
  personId: z.string().trim().min(1).max(64),
  version: ZVersion,
  title: z.string().trim().min(2, "Enter a title.").max(120, "At most 120 characters."),
  level: z.string().trim().min(1, "Enter a level, e.g. IC3.").max(20, "At most 20 characters."),
  orgUnitId: z.string().trim().min(1, "Choose an org unit.").max(64),
  managerId: ZOptionalId,
  /** When a move or manager change takes effect; today or earlier (future moves are not scheduled). */
  effectiveFrom: ZDate,
});

export const ZSetEndDateInput = z.object({
  personId: z.string().trim().min(1).max(64),
  version: ZVersion,
  endDate: ZDate,
  /** What happens to the seat they leave: a BACKFILL to hire into, or closed. */
  vacancy: z.enum(["backfill", "close"], { error: "Choose backfill or close." }),
});
