"use server";

import { deleteActualsMapping, deletePlanMapping } from "@/lib/imports/delete-mapping";
import { checkMappedActuals, importMappedActuals } from "@/lib/imports/import-mapped-actuals";
import { checkMappedPlan, importMappedPlan } from "@/lib/imports/import-mapped-plan";

// The mapped imports' server actions (the wizard on /[org]/budgets/ledger-import and
// /[org]/budgets/plan-import); each is a built action (lib/action.ts), so the pipeline does every check.

export const checkMappedActualsAction = checkMappedActuals;
export const importMappedActualsAction = importMappedActuals;
export const checkMappedPlanAction = checkMappedPlan;
export const importMappedPlanAction = importMappedPlan;
export const deleteActualsMappingAction = deleteActualsMapping;
export const deletePlanMappingAction = deletePlanMapping;
