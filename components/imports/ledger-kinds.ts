import {
  checkMappedActualsAction,
  checkMappedPlanAction,
  checkMappedPositionsAction,
  deleteActualsMappingAction,
  deletePlanMappingAction,
  deletePositionsMappingAction,
  importMappedActualsAction,
  importMappedPlanAction,
  importMappedPositionsAction,
} from "@/lib/imports/actions";
import { parseLedgerDate, parseLedgerMonth } from "@/lib/imports/ledger-values";

/** What differs between the kinds the mapped import wizard imports: its actions, how dates read, its words. */
export const KINDS = {
  ACTUALS: {
    check: checkMappedActualsAction,
    import: importMappedActualsAction,
    remove: deleteActualsMappingAction,
    readDate: parseLedgerDate,
    anyLabel: "Any ledger (detect from the header)",
    done: "budgets",
    imported: (d: { insertedCount: number; rowCount: number; skippedCount: number }) =>
      [
        `Imported ${d.insertedCount} of ${d.rowCount} ledger lines`,
        d.skippedCount ? `${d.skippedCount} already imported, skipped.` : undefined,
      ] as const,
  },
  BUDGET: {
    check: checkMappedPlanAction,
    import: importMappedPlanAction,
    remove: deletePlanMappingAction,
    readDate: parseLedgerMonth,
    anyLabel: "Any spreadsheet (detect from the header)",
    done: "budgets",
    imported: (d: { insertedCount: number; rowCount: number }) => [`Imported ${d.rowCount} plan lines`, undefined] as const,
  },
  HIRING_PLAN: {
    check: checkMappedPositionsAction,
    import: importMappedPositionsAction,
    remove: deletePositionsMappingAction,
    readDate: parseLedgerDate,
    anyLabel: "Any spreadsheet (detect from the header)",
    done: "headcount",
    imported: (d: { created?: number }) => [`Imported ${d.created ?? 0} planned positions`, undefined] as const,
  },
} as const;
