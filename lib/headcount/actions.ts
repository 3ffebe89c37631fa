"use server";

import { createAllocation, removeAllocation } from "@/lib/headcount/allocate";
import { createPosition } from "@/lib/headcount/create-position";
import { fillPosition } from "@/lib/headcount/fill-position";
import { importHiringPlan } from "@/lib/headcount/import-hiring-plan";
import { transitionPosition } from "@/lib/headcount/transition-position";
import { updatePosition } from "@/lib/headcount/update-position";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const createPositionAction = createPosition;
export const transitionPositionAction = transitionPosition;
export const fillPositionAction = fillPosition;
export const createAllocationAction = createAllocation;
export const removeAllocationAction = removeAllocation;
export const importHiringPlanAction = importHiringPlan;
export const updatePositionAction = updatePosition;
