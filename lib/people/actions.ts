"use server";

import { revalidatePath } from "next/cache";

import { setEndDate } from "@/lib/people/set-end-date";
import { updatePerson } from "@/lib/people/update-person";

export async function updatePersonAction(org: string, input: unknown) {
  const result = await updatePerson(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}

export async function setEndDateAction(org: string, input: unknown) {
  const result = await setEndDate(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}
