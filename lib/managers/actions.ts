"use server";

import { revalidatePath } from "next/cache";

import { addManagerNote } from "@/lib/managers/add-note";
import { deleteManagerNote } from "@/lib/managers/delete-note";

export async function addManagerNoteAction(org: string, input: unknown) {
  const result = await addManagerNote(org, input);
  if (result.ok) revalidatePath(`/${org}/managers`, "layout");
  return result;
}

export async function deleteManagerNoteAction(org: string, input: unknown) {
  const result = await deleteManagerNote(org, input);
  if (result.ok) revalidatePath(`/${org}/managers`, "layout");
  return result;
}
