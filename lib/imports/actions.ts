"use server";

import { deleteActualsMapping, deletePlanMapping, deletePositionsMapping } from "@/lib/imports/delete-mapping";
import { checkMappedActuals, importMappedActuals } from "@/lib/imports/import-mapped-actuals";
import { checkMappedPlan, importMappedPlan } from "@/lib/imports/import-mapped-plan";
import { checkMappedPositions, importMappedPositions } from "@/lib/imports/import-mapped-positions";

// The mapped imports' server actions (the wizard on /[org]/budgets/ledger-import,
// /[org]/budgets/plan-import and /[org]/headcount/positions-import); each is a built action (lib/action.ts), so the pipeline does every check.

export const checkMappedActualsAction = checkMappedActuals;
export const importMappedActualsAction = importMappedActuals;
export const checkMappedPlanAction = checkMappedPlan;
export const importMappedPlanAction = importMappedPlan;
export const deleteActualsMappingAction = deleteActualsMapping;
export const deletePlanMappingAction = deletePlanMapping;
export const checkMappedPositionsAction = checkMappedPositions;
export const importMappedPositionsAction = importMappedPositions;
export const deletePositionsMappingAction = deletePositionsMapping;
