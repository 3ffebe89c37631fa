"use server";

import { revalidatePath } from "next/cache";

import type { ActionResult } from "@/lib/action-result";
import { closeUnit, mergeUnit } from "@/lib/org/close-unit";
import { createUnit } from "@/lib/org/create-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { setUnitLead } from "@/lib/org/set-unit-lead";
import { updateUnit } from "@/lib/org/update-unit";

// The org tree edits ('use server' entry points). Each runs the one pipeline (lib/action.ts);
// a change of the tree changes every page's rollups, so the whole org is revalidated.

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
