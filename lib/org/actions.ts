"use server";

import { closeUnit, mergeUnit } from "@/lib/org/close-unit";
import { createUnit } from "@/lib/org/create-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { applyReorg } from "@/lib/org/reorg/apply-reorg";
import { addReorgStep, createReorg, removeReorgStep } from "@/lib/org/reorg/edit-reorg";
import { cancelReorg, scheduleReorg } from "@/lib/org/reorg/schedule-reorg";
import { setActingLead } from "@/lib/org/set-acting-lead";
import { setUnitLead } from "@/lib/org/set-unit-lead";
import { updateUnit } from "@/lib/org/update-unit";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const createUnitAction = createUnit;
export const updateUnitAction = updateUnit;
export const setUnitLeadAction = setUnitLead;
export const setActingLeadAction = setActingLead;
export const moveUnitAction = moveUnit;
export const mergeUnitAction = mergeUnit;
export const closeUnitAction = closeUnit;

export const createReorgAction = createReorg;
export const addReorgStepAction = addReorgStep;
export const removeReorgStepAction = removeReorgStep;
export const scheduleReorgAction = scheduleReorg;
export const cancelReorgAction = cancelReorg;
export const applyReorgAction = applyReorg;
