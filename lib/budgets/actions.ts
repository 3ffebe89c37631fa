"use server";

import { revalidatePath } from "next/cache";

import { copyPlanForward } from "@/lib/budgets/copy-plan-forward";
import { revertImport } from "@/lib/budgets/revert-import";
import { clearBudgetCell, setBudgetCell } from "@/lib/budgets/set-budget-cell";

// Thin server-action entry points: every check lives in the pipeline (lib/action.ts). CSV imports
// arrive through the upload route (app/(app)/[org]/budgets/import/route.ts), which calls the
// import actions through the same pipeline.

export async function revertImportAction(org: string, batchId: string) {
  const result = await revertImport(org, { batchId });
  if (result.ok) revalidatePath(`/${org}/budgets`, "layout");
  return result;
}

export async function setBudgetCellAction(org: string, input: unknown) {
  const result = await setBudgetCell(org, input);
  if (result.ok) revalidatePath(`/${org}/budgets`, "layout");
  return result;
}

export async function clearBudgetCellAction(org: string, input: unknown) {
  const result = await clearBudgetCell(org, input);
  if (result.ok) revalidatePath(`/${org}/budgets`, "layout");
  return result;
}

export async function copyPlanForwardAction(org: string, input: unknown) {
  const result = await copyPlanForward(org, input);
  if (result.ok) revalidatePath(`/${org}/budgets`, "layout");
  return result;
}
