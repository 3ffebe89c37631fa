"use server";

import { copyPlanForward } from "@/lib/budgets/copy-plan-forward";
import { revertImport } from "@/lib/budgets/revert-import";
import { clearBudgetCell, setBudgetCell } from "@/lib/budgets/set-budget-cell";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.
// CSV imports arrive through the upload route (app/(app)/[org]/budgets/import/route.ts), which
// runs the import actions through the same pipeline.

export const revertImportAction = revertImport;
export const setBudgetCellAction = setBudgetCell;
export const clearBudgetCellAction = clearBudgetCell;
export const copyPlanForwardAction = copyPlanForward;
