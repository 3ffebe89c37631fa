import "server-only";

import { db } from "@/lib/db";
import type { CadenceSettings } from "@/lib/projects/staleness";

/** The org's update cadence (weekly/biweekly, due weekday, grace days). */
export async function getCadence(orgId: string): Promise<CadenceSettings> {
  return db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { updateCadence: true, updateDueWeekday: true, updateGraceDays: true },
  });
}

export const todayString = (now = new Date()) => now.toISOString().slice(0, 10);
