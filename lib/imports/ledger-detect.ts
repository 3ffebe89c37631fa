import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { headerKey, type LedgerField, type MappedKind } from "@/lib/imports/ledger-mapping";

// What the wizard suggests from a file's first rows: where the header row is (below any title
// lines), which column holds which field, which category an account looks like. Suggestions are
// shown pre-filled and the person confirms or changes them; the import itself never guesses.

/** Header names (normalised) that suggest each field, best first. */
const SYNONYMS: Partial<Record<LedgerField, string[]>> = {
  date: ["date", "transactiondate", "txndate", "trandate", "postingdate", "bookedon"],
  account: ["account", "accountname", "accountfullname", "glaccount", "category", "accountcode", "accountnumber"],
  costCentre: ["department", "costcentrecode", "costcentre", "dept", "class", "division", "location", "tracking", "trackingcategory"],
  amount: ["amount", "signedamount", "netamount", "amountnet", "value"],
  debit: ["debit", "debitamount", "amountdebit", "debits", "dr"],
  credit: ["credit", "creditamount", "amountcredit", "credits", "cr"],
  vendor: ["vendor", "vendorname", "supplier", "payee", "contact"],
  memo: ["memo", "memodescription", "description", "linedescription", "details", "narration"],
  reference: ["externalreference", "reference", "num", "documentnumber", "transactionnumber", "transactionid", "internalid", "ref"],
  currency: ["currency", "currencycode", "transactioncurrency"],
};

/** A plan spreadsheet's header names: its month or period, its budget figure. */
const PLAN_SYNONYMS: Partial<Record<LedgerField, string[]>> = {
  date: ["month", "period", "budgetmonth", "planmonth", "fiscalmonth", "monthyear", "postingperiod", "date"],
  account: SYNONYMS.account,
  costCentre: SYNONYMS.costCentre,
  amount: ["budget", "budgetamount", "amount", "plan", "planamount", "planned", "value"],
  currency: SYNONYMS.currency,
};

/** A recruiting plan's header names: the role, its level, the team, when and at what pay. */
const POSITION_SYNONYMS: Partial<Record<LedgerField, string[]>> = {
  title: ["title", "jobtitle", "positiontitle", "role", "position", "job"],
  level: ["level", "joblevel", "grade", "band", "careerlevel"],
  costCentre: ["orgunitcode", "orgunit", "team", "department", "costcentre", "costcentrecode", "dept"],
  date: ["targetstart", "targetstartdate", "startdate", "plannedstart", "start", "hiredate", "date"],
  amount: ["annualcompensation", "compensation", "annualsalary", "salary", "basesalary", "budgetedsalary", "pay"],
  currency: SYNONYMS.currency,
};

const KIND_SYNONYMS: Record<MappedKind, Partial<Record<LedgerField, string[]>>> = {
  ACTUALS: SYNONYMS,
  BUDGET: PLAN_SYNONYMS,
  HIRING_PLAN: POSITION_SYNONYMS,
};

/** How many leading rows the header is looked for in (title lines come before it). */
export const HEADER_SEARCH_ROWS = 50;

const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== "").length;

/**
 * The index of the header row among a file's first rows: the first row that names a date column
 * and an account or amount column; failing that, the first row as wide as the widest row with no
 * number or date in it. Title lines (one filled cell) are never it. -1 when nothing looks like one.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], kind: MappedKind = "ACTUALS"): number {
  const n = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < n; i++) {
    const keys = rows[i].map(headerKey);
    const has = (f: LedgerField) => (KIND_SYNONYMS[kind][f] ?? []).some((s) => keys.includes(s));
    if (filled(rows[i]) >= 2 && has("date") && (has("account") || has("amount") || has("debit"))) return i;
  }
  const widest = Math.max(0, ...rows.slice(0, n).map(filled));
  for (let i = 0; i < n; i++) {
    const cells = rows[i].filter((c) => c.trim() !== "");
    if (cells.length >= 2 && cells.length >= widest * 0.6 && cells.every((c) => !/\d/.test(c) || /[a-z]{3}/i.test(c))) return i;
  }
  return -1;
}

/** Column suggestions for a header row: field → the header name as the file writes it. */
export function suggestColumns(header: readonly string[], kind: MappedKind = "ACTUALS"): Partial<Record<LedgerField, string>> {
  const keys = header.map(headerKey);
  const out: Partial<Record<LedgerField, string>> = {};
  const taken = new Set<number>();
  const synonyms = KIND_SYNONYMS[kind];
  for (const field of Object.keys(synonyms) as LedgerField[]) {
    for (const s of synonyms[field]!) {
      const i = keys.indexOf(s);
      if (i >= 0 && !taken.has(i)) {
        out[field] = header[i].trim();
        taken.add(i);
        break;
      }
    }
  }
  // Debit and credit columns win over an amount column (a report showing both has a running
  // amount or a net column that is not the line's own amount).
  if (out.debit && out.credit) delete out.amount;
  else {
    delete out.debit;
    delete out.credit;
  }
  return out;
}

const CATEGORY_WORDS: [BudgetCategory, RegExp][] = [
  ["PERSONNEL", /salar|wage|payroll|bonus|benefit|pension|personnel|staff|employee|401k|commission|headcount/i],
  ["CONTRACTORS", /contractor|consult|freelanc|outsourc|professional (fee|service)|agency|temp labou?r/i],
  ["CLOUD", /cloud|hosting|aws|azure|gcp|google cloud|infrastructure|data ?cent(er|re)/i],
  ["SOFTWARE", /software|saas|subscription|licen[cs]e/i],
  ["HARDWARE", /hardware|equipment|computer|laptop|device|monitor/i],
  ["TRAINING", /training|education|course|conference|learning|tuition|seminar/i],
  ["TRAVEL", /travel|airfare|flight|hotel|lodging|mileage|meal|taxi|rideshare|per diem/i],
];

/** The category an account's name suggests ("6100 Travel & Entertainment" → TRAVEL), or null. */
export function suggestCategory(account: string): BudgetCategory | null {
  const exact = account.trim().toUpperCase().replace(/\s+/g, "_");
  if (Object.hasOwn(BudgetCategory, exact)) return exact as BudgetCategory;
  // Income and balance-sheet accounts are no spending category: left for the person (often Ignore).
  if (/revenue|income|sales|receivable|payable|bank|equity/i.test(account)) return null;
  for (const [category, words] of CATEGORY_WORDS) if (words.test(account)) return category;
  return null;
}

/** The cost centre a department value names: a unit whose code or name it is (case-insensitive). */
export function suggestCostCentre(value: string, units: readonly { code: string; name: string }[]): string | null {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  const hit =
    units.find((u) => u.code.toLowerCase() === v) ??
    units.find((u) => u.name.toLowerCase() === v) ??
    // QuickBooks writes sub-departments as "Parent:Child"; the last part is the department.
    units.find((u) => u.name.toLowerCase() === v.split(":").at(-1)!.trim());
  return hit?.code ?? null;
}

/**
 * Rows a ledger report adds around its lines, skipped by the import: headings (one filled cell,
 * e.g. an account section's title), opening/closing balance lines, and total and subtotal lines
 * (first filled cell "Total…", with no date). A line with a date is never a total.
 */
export function isSummaryRow(cells: readonly string[], dateCell: string): boolean {
  if (filled(cells) <= 1) return true;
  if (cells.some((c) => BALANCE.test(c.trim()))) return true;
  return !/\d/.test(dateCell) && TOTAL.test(firstFilled(cells));
}

const TOTAL = /^(grand )?(sub)?totals?\b|^net (movement|change)\b/i;
const BALANCE = /^(opening|closing|beginning|ending) balance$/i;
const firstFilled = (cells: readonly string[]) => cells.find((c) => c.trim() !== "")?.trim() ?? "";
