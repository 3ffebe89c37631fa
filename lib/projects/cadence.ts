import "server-only";

import { cache } from "react";

import { db } from "@/lib/db";
import type { CadenceSettings } from "@/lib/projects/staleness";

/**
 * The org's update cadence (weekly/biweekly, due weekday, grace days). Read once per request
 * (React `cache`): the projects list, the review and the bell each need it. No mutation reads it.
 */
export const getCadence = cache(async (orgId: string): Promise<CadenceSettings> => {
  return db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { updateCadence: true, updateDueWeekday: true, updateGraceDays: true },
  });
});

export const todayString = (now = new Date()) => now.toISOString().slice(0, 10);
