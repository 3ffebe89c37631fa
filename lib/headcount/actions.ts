"use server";

import { revalidatePath } from "next/cache";

import { createAllocation, removeAllocation } from "@/lib/headcount/allocate";
import { createPosition } from "@/lib/headcount/create-position";
import { fillPosition } from "@/lib/headcount/fill-position";
import { importHiringPlan } from "@/lib/headcount/import-hiring-plan";
import { transitionPosition } from "@/lib/headcount/transition-position";
import { updatePosition } from "@/lib/headcount/update-position";

// Thin server-action entry points: all checks live in the pipeline (lib/action.ts). Inputs are
// `unknown` on purpose: whatever a browser sends is untrusted until the zod schema parses it.

function refresh(org: string) {
  revalidatePath(`/${org}`, "layout");
}

export async function createPositionAction(org: string, input: unknown) {
  const result = await createPosition(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function transitionPositionAction(org: string, input: unknown) {
  const result = await transitionPosition(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function fillPositionAction(org: string, input: unknown) {
  const result = await fillPosition(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function createAllocationAction(org: string, input: unknown) {
  const result = await createAllocation(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function removeAllocationAction(org: string, input: unknown) {
  const result = await removeAllocation(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function importHiringPlanAction(org: string, input: unknown) {
  const result = await importHiringPlan(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function updatePositionAction(org: string, input: unknown) {
  const result = await updatePosition(org, input);
  if (result.ok) refresh(org);
  return result;
}
