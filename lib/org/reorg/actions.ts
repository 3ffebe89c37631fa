"use server";

import { revalidatePath } from "next/cache";

import type { ActionResult } from "@/lib/action-result";
import { applyReorg } from "@/lib/org/reorg/apply-reorg";
import { addReorgStep, createReorg, removeReorgStep } from "@/lib/org/reorg/edit-reorg";
import { cancelReorg, scheduleReorg } from "@/lib/org/reorg/schedule-reorg";

// The reorg actions ('use server' entry points), each through the one pipeline (lib/action.ts).
// Applying changes the tree, so the whole org is revalidated; drafting only the reorgs pages.

function revalidated<T>(path: string, result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(path, "layout");
  return result;
}

export async function createReorgAction(org: string, input: unknown) {
  return revalidated(`/${org}/teams/reorgs`, await createReorg(org, input));
}
export async function addReorgStepAction(org: string, input: unknown) {
  return revalidated(`/${org}/teams/reorgs`, await addReorgStep(org, input));
}
export async function removeReorgStepAction(org: string, input: unknown) {
  return revalidated(`/${org}/teams/reorgs`, await removeReorgStep(org, input));
}
export async function scheduleReorgAction(org: string, input: unknown) {
  return revalidated(`/${org}/teams/reorgs`, await scheduleReorg(org, input));
}
export async function cancelReorgAction(org: string, input: unknown) {
  return revalidated(`/${org}/teams/reorgs`, await cancelReorg(org, input));
}
export async function applyReorgAction(org: string, input: unknown) {
  const result = await applyReorg(org, input);
  // The apply returns its impact to the page through a reload, not the action's answer.
  return revalidated(`/${org}`, result.ok ? { ok: true as const, data: { reorgId: result.data.reorgId } } : result);
}
