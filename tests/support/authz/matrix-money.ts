import { row } from "@/tests/support/authz/matrix";

// Budgets, actuals imports and vendors.
// Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN (see matrix.ts).
export const MONEY_ROWS = [
  row("budgets.cell.set", "F ok F F ok F N U N", (fx) => ({
    orgUnitId: fx.unit.id,
    category: "TRAVEL",
    month: "2031-01-01",
    amount: `${1000 + Math.floor(Math.random() * 90000)}.25`,
  })),
  row("budgets.cell.clear", "F ok F F ok F N U N", async (fx) => {
    const line = await fx.make.planLine();
    return { orgUnitId: line.orgUnitId, category: line.category, month: line.month.toISOString().slice(0, 10) };
  }),
  row("budgets.copy-forward", "F ok F F ok F N U -", () => ({ fromFiscalYear: 2040, percentChange: "5", overwrite: true })),
  row("budgets.import", "F ok F F ok F N U V", async (fx) => ({ uploadId: await fx.make.planCsv(), fileName: "plan.csv" })),
  row("actuals.import", "F ok F F ok F N U V", async (fx) => ({ uploadId: await fx.make.actualsCsv(), fileName: "ledger.csv" })),
  row("actuals.import.check", "F ok F F ok F N U V", (fx) => fx.make.ledgerExport()),
  row("actuals.import.mapped", "F ok F F ok F N U V", (fx) => fx.make.ledgerExport()),
  row("actuals.import.mapping.delete", "F ok F F ok F N U N", async (fx) => ({ id: (await fx.make.importMapping("ACTUALS")).id })),
  row("budgets.import.check", "F ok F F ok F N U V", (fx) => fx.make.planExport()),
  row("budgets.import.mapped", "F ok F F ok F N U V", (fx) => fx.make.planExport()),
  row("budgets.import.mapping.delete", "F ok F F ok F N U N", async (fx) => ({ id: (await fx.make.importMapping("BUDGET")).id })),
  row("actuals.import.revert", "F ok F F ok F N U N", async (fx) => ({ batchId: (await fx.make.actualsBatch()).id })),
  row("vendors.create", "F ok F F ok F N U -", (fx) => ({ name: `Vendor ${fx.uid()}`, website: "https://example.com" })),
  row("vendors.update", "F ok F F ok F N U N", async (fx) => ({ id: (await fx.make.vendor()).id, name: `Renamed ${fx.uid()}` })),
  row("contracts.create", "F ok F F ok F N U V", async (fx) => ({
    vendorId: (await fx.make.vendor()).id,
    orgUnitId: fx.unit.id,
    category: "SOFTWARE",
    name: "Licences",
    annualAmount: "12000.00",
    startDate: "2026-01-01",
    endDate: "2026-12-31",
    renewalNoticeDate: "2026-10-01",
    autoRenew: false,
    ownerId: (await fx.make.person()).id,
    status: "ACTIVE",
  })),
  row("contracts.update", "F ok F F ok F N U N", async (fx) => {
    const c = await fx.make.contract();
    return {
      id: c.id,
      version: 1,
      vendorId: c.vendorId,
      orgUnitId: fx.unit.id,
      category: "CLOUD",
      name: "Renamed",
      annualAmount: "24000",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      autoRenew: "on",
      status: "ACTIVE",
    };
  }),
];
