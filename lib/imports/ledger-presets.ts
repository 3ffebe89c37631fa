import type { LedgerField, MappedKind } from "@/lib/imports/ledger-mapping";
import type { DateFormat, DecimalMark } from "@/lib/imports/ledger-values";

// Built-in shapes of the ledger exports finance teams bring (docs/imports.md): the columns each
// report writes under its default settings, how it writes dates, and a sample file in that shape
// (public/samples/). A preset fills the mapping; the person still sees and confirms every choice.

export type LedgerPreset = {
  id: string;
  name: string;
  /** Where to get the file, in the system's own words. */
  howToExport: string;
  sample: string;
  columns: Partial<Record<LedgerField, string>>;
  dateFormat: DateFormat | null;
  decimalMark: DecimalMark;
};

export const LEDGER_PRESETS: readonly LedgerPreset[] = [
  {
    id: "quickbooks-gl-detail",
    name: "QuickBooks Online — General Ledger detail",
    howToExport: "Reports → General Ledger → Customize: columns Date, Account, Department, Memo, Debit, Credit → Export to CSV.",
    sample: "/samples/quickbooks-gl-detail.csv",
    columns: { date: "Date", account: "Account", costCentre: "Department", memo: "Memo", debit: "Debit", credit: "Credit" },
    // A US company file writes MM/DD/YYYY; a company set up elsewhere writes DD/MM/YYYY.
    dateFormat: "MDY",
    decimalMark: ".",
  },
  {
    id: "xero-account-transactions",
    name: "Xero — Account Transactions",
    howToExport: "Reports → Account Transactions: columns Account Code, Account, Contact and a tracking category → Export → CSV.",
    sample: "/samples/xero-account-transactions.csv",
    columns: {
      date: "Date",
      account: "Account",
      costCentre: "Department",
      vendor: "Contact",
      memo: "Description",
      reference: "Reference",
      debit: "Debit",
      credit: "Credit",
    },
    // Xero writes "3 Nov 2026": month names, read the same in any format.
    dateFormat: "DMY",
    decimalMark: ".",
  },
  {
    id: "netsuite-gl-saved-search",
    name: "NetSuite — GL transaction saved search",
    howToExport:
      "A transaction saved search with results Internal ID, Date, Type, Document Number, Name, Account, Memo, Department, Class, Currency, Amount → Export CSV.",
    sample: "/samples/netsuite-gl-saved-search.csv",
    columns: {
      date: "Date",
      account: "Account",
      costCentre: "Department",
      vendor: "Name",
      memo: "Memo",
      reference: "Document Number",
      currency: "Currency",
      amount: "Amount",
    },
    // NetSuite writes dates in the exporting user's date preference: chosen per file.
    dateFormat: null,
    decimalMark: ".",
  },
  {
    id: "keel",
    name: "Keel's own layout",
    howToExport: "Fill in the template: one line per ledger entry, ISO dates, cost centre codes and Keel's categories.",
    sample: "/samples/keel-actuals-template.csv",
    columns: {
      date: "date",
      account: "category",
      costCentre: "cost centre code",
      amount: "amount",
      vendor: "vendor",
      memo: "memo",
      reference: "external reference",
    },
    dateFormat: "YMD",
    decimalMark: ".",
  },
];

/** Shapes of the plan files finance teams bring: a budget spreadsheet, and Keel's own plan layout. */
const PLAN_PRESETS: readonly LedgerPreset[] = [
  {
    id: "budget-spreadsheet",
    name: "Budget spreadsheet (period, department, GL account, budget)",
    howToExport: "Save the budget sheet as CSV: one row per month, department and account, title and total rows allowed.",
    sample: "/samples/budget-spreadsheet.csv",
    columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" },
    // "Nov 2026" reads the same in any format; a sheet of full dates is chosen per file.
    dateFormat: null,
    decimalMark: ".",
  },
  {
    id: "keel",
    name: "Keel's own plan layout",
    howToExport: "Fill in the template: one line per cost centre, category and month (YYYY-MM), amounts like 1234.56.",
    sample: "/samples/keel-plan-template.csv",
    columns: { date: "month", account: "category", costCentre: "cost centre code", amount: "amount" },
    dateFormat: "YMD",
    decimalMark: ".",
  },
];

/** Shapes of hiring plans: a recruiting spreadsheet, and Keel's own hiring-plan layout. */
const POSITION_PRESETS: readonly LedgerPreset[] = [
  {
    id: "recruiting-plan",
    name: "Recruiting plan spreadsheet (role, level, team, start date, salary)",
    howToExport: "Save the hiring plan sheet as CSV: one row per planned hire.",
    sample: "/samples/recruiting-plan.csv",
    columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
    dateFormat: null,
    decimalMark: ".",
  },
  {
    id: "keel",
    name: "Keel's own hiring-plan layout",
    howToExport: "Fill in the template: title, level, org unit code, target start (YYYY-MM-DD), annual compensation.",
    sample: "/samples/keel-hiring-plan-template.csv",
    columns: { title: "title", level: "level", costCentre: "orgUnitCode", date: "targetStart", amount: "annualCompensation" },
    dateFormat: "YMD",
    decimalMark: ".",
  },
];

/** The presets each kind's wizard offers. */
export const KIND_PRESETS: Record<MappedKind, readonly LedgerPreset[]> = {
  ACTUALS: LEDGER_PRESETS,
  BUDGET: PLAN_PRESETS,
  HIRING_PLAN: POSITION_PRESETS,
};
