"use server";

import { revalidatePath } from "next/cache";

import { createInitiative, updateInitiative } from "@/lib/roadmap/initiatives";

export async function createInitiativeAction(org: string, input: unknown) {
  const result = await createInitiative(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}

export async function updateInitiativeAction(org: string, input: unknown) {
  const result = await updateInitiative(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}
