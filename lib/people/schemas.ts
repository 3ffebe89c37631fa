import { z } from "zod";

import { ZDate, ZId, ZOptionalId, ZVersion } from "@/lib/validation";

export const ZUpdatePersonInput = z.object({
  personId: ZId("Required."),
  version: ZVersion,
  title: z.string().trim().min(2, "Enter a title.").max(120, "At most 120 characters."),
  level: z.string().trim().min(1, "Enter a level, e.g. IC3.").max(20, "At most 20 characters."),
  orgUnitId: ZId("Choose an org unit."),
  managerId: ZOptionalId,
  /** When a move or manager change takes effect; today or earlier (future moves are not scheduled). */
  effectiveFrom: ZDate("effective date"),
});

export const DEPARTURE_REGRET = ["regretted", "non-regretted", "unrecorded"] as const;
const ZRegret = z.enum(DEPARTURE_REGRET, { error: "Choose regretted, not regretted or not recorded." });

export const ZSetEndDateInput = z.object({
  personId: ZId("Required."),
  version: ZVersion,
  endDate: ZDate("end date"),
  /** What happens to the seat they leave: a BACKFILL to hire into, or closed. */
  vacancy: z.enum(["backfill", "close"], { error: "Choose backfill or close." }),
  /** Whether losing them was regretted (as person.set-departure-regret); may be left unrecorded. */
  regretted: ZRegret.default("unrecorded"),
});

export const ZSetDepartureRegretInput = z.object({
  personId: ZId("Required."),
  version: ZVersion,
  /** Whether losing them was regretted; "unrecorded" takes a recorded answer back. */
  regretted: ZRegret,
});
