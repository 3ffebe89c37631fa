"use server";

import { revalidatePath } from "next/cache";

import type { ActionResult } from "@/lib/action-result";
import { closeUnit, mergeUnit } from "@/lib/org/close-unit";
import { createUnit } from "@/lib/org/create-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { applyReorg } from "@/lib/org/reorg/apply-reorg";
import { addReorgStep, createReorg, removeReorgStep } from "@/lib/org/reorg/edit-reorg";
import { cancelReorg, scheduleReorg } from "@/lib/org/reorg/schedule-reorg";
import { setUnitLead } from "@/lib/org/set-unit-lead";
import { updateUnit } from "@/lib/org/update-unit";

// The org tree edits and reorgs ('use server' entry points). Each runs the one pipeline
// (lib/action.ts); a change of the tree changes every page's rollups, so the whole org is
// revalidated (simplest for reorgs too: drafting one is rare).

function revalidated<T>(org: string, result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}

export async function createUnitAction(org: string, input: unknown) {
  const result = await createUnit(org, input);
  return revalidated(org, result);
}
export async function updateUnitAction(org: string, input: unknown) {
  const result = await updateUnit(org, input);
  return revalidated(org, result);
}
export async function setUnitLeadAction(org: string, input: unknown) {
  const result = await setUnitLead(org, input);
  return revalidated(org, result);
}
export async function moveUnitAction(org: string, input: unknown) {
  const result = await moveUnit(org, input);
  return revalidated(org, result);
}
export async function mergeUnitAction(org: string, input: unknown) {
  const result = await mergeUnit(org, input);
  return revalidated(org, result);
}
export async function closeUnitAction(org: string, input: unknown) {
  const result = await closeUnit(org, input);
  return revalidated(org, result);
}

export async function createReorgAction(org: string, input: unknown) {
  const result = await createReorg(org, input);
  return revalidated(org, result);
}
export async function addReorgStepAction(org: string, input: unknown) {
  const result = await addReorgStep(org, input);
  return revalidated(org, result);
}
export async function removeReorgStepAction(org: string, input: unknown) {
  const result = await removeReorgStep(org, input);
  return revalidated(org, result);
}
export async function scheduleReorgAction(org: string, input: unknown) {
  const result = await scheduleReorg(org, input);
  return revalidated(org, result);
}
export async function cancelReorgAction(org: string, input: unknown) {
  const result = await cancelReorg(org, input);
  return revalidated(org, result);
}
export async function applyReorgAction(org: string, input: unknown) {
  const result = await applyReorg(org, input);
  // The page shows the impact from the reorg row after a reload; the answer stays small.
  return revalidated(org, result.ok ? { ok: true as const, data: { reorgId: result.data.reorgId } } : result);
}
