"use server";

import { revalidatePath } from "next/cache";

import { createContract, updateContract } from "@/lib/vendors/contract-mutations";
import { createVendor, updateVendor } from "@/lib/vendors/vendor-mutations";

// Thin server-action entry points; every check is in the pipeline (lib/action.ts).

export async function createVendorAction(org: string, input: unknown) {
  const result = await createVendor(org, input);
  if (result.ok) revalidatePath(`/${org}/vendors`);
  return result;
}

export async function updateVendorAction(org: string, input: unknown) {
  const result = await updateVendor(org, input);
  if (result.ok) revalidatePath(`/${org}/vendors`);
  return result;
}

export async function createContractAction(org: string, input: unknown) {
  const result = await createContract(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}

export async function updateContractAction(org: string, input: unknown) {
  const result = await updateContract(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}
