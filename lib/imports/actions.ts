"use server";

import { checkMappedActuals, importMappedActuals } from "@/lib/imports/import-mapped-actuals";

// The mapped ledger import's server actions (the wizard on /[org]/budgets/ledger-import); each is
// a built action (lib/action.ts), so the pipeline does every check.

export const checkMappedActualsAction = checkMappedActuals;
export const importMappedActualsAction = importMappedActuals;
