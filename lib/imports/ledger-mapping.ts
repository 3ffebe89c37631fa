import { z } from "zod";

import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { DATE_FORMATS, type DateFormat } from "@/lib/imports/ledger-values";
import { UNIT_KINDS, ZUnitCode, ZUnitName } from "@/lib/org/schemas";

// A ledger file's mapping onto Keel's ledger fields: which header names hold which field, how
// dates and amounts are written, and what the file's account and department values mean in Keel
// (a category, a cost centre, a new cost centre to create, or "ignore these rows"). Saved per org
// and file shape (the normalised header row) and offered again when a file of the same shape arrives.

/** Keel's ledger fields a file's columns can be mapped onto. */
export const LEDGER_FIELDS = {
  date: "Date",
  account: "Account (→ category)",
  costCentre: "Department / class (→ cost centre)",
  amount: "Amount (signed)",
  debit: "Debit",
  credit: "Credit",
  vendor: "Vendor",
  memo: "Memo",
  reference: "Reference",
  currency: "Currency",
} as const;

/** Every field a mapping can name: the ledger's, and a hiring plan's title and level. */
export const MAPPED_FIELDS = { ...LEDGER_FIELDS, title: "Title", level: "Level" } as const;
export type LedgerField = keyof typeof MAPPED_FIELDS;

/** What a mapped file is imported as (the ImportMapping kinds the wizard maps). */
export type MappedKind = "ACTUALS" | "BUDGET" | "HIRING_PLAN";

/**
 * The fields each kind's wizard offers, in the kind's words. A plan maps onto the same fields as
 * a ledger (its month in the date field, its budget in the amount field), a hiring plan its
 * target start and annual compensation, so one mapping schema, one row reader and one wizard
 * serve every kind.
 */
export const KIND_FIELDS: Record<MappedKind, Partial<Record<LedgerField, string>>> = {
  ACTUALS: LEDGER_FIELDS,
  BUDGET: {
    date: "Month / period",
    account: "Account (→ category)",
    costCentre: "Department (→ cost centre)",
    amount: "Budget amount",
    currency: "Currency",
  },
  HIRING_PLAN: {
    title: "Title",
    level: "Level",
    costCentre: "Org unit / team (→ cost centre)",
    date: "Target start",
    amount: "Annual compensation",
    currency: "Currency",
  },
};

/** A header name as the import compares it: case, spaces and punctuation do not matter. */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/center/g, "centre")
    .replace(/[^a-z0-9]/g, "");
}

/** A file's shape: its header row, normalised. Two files of one shape take the same mapping. */
export function headerSignature(header: readonly string[]): string {
  return header.map(headerKey).filter(Boolean).join("|").slice(0, 2000);
}

export const IGNORE = "IGNORE";

const ZColumn = z.string().trim().min(1).max(200).optional();
const ZValue = z.string().trim().max(200);

const ZMappingObject = z.object({
  encoding: z.enum(["utf-8", "windows-1252"], { error: "Choose the file's character encoding." }),
  dateFormat: z.enum(Object.keys(DATE_FORMATS) as [DateFormat, ...DateFormat[]], {
    error: "Choose how the file writes dates: US (MM/DD/YYYY), EU (DD/MM/YYYY) or ISO (YYYY-MM-DD).",
  }),
  decimalMark: z.enum([".", ","]).default("."),
  /** For a signed amount column: whether spending is written positive (most ledgers) or negative. */
  spendIsNegative: z.boolean().default(false),
  columns: z.object({
    date: z.string({ error: "Choose the date column." }).trim().min(1, "Choose the date column.").max(200),
    account: ZColumn,
    costCentre: ZColumn,
    amount: ZColumn,
    debit: ZColumn,
    credit: ZColumn,
    vendor: ZColumn,
    memo: ZColumn,
    reference: ZColumn,
    currency: ZColumn,
    title: ZColumn,
    level: ZColumn,
  }),
  /** The cost centre of every row when the file has no department column. */
  fixedCostCentre: z.string().trim().max(100).optional(),
  accounts: z
    .array(z.object({ value: ZValue, category: z.union([z.enum(BudgetCategory), z.literal(IGNORE)]) }))
    .max(5000, "At most 5,000 account mappings."),
  costCentres: z
    .array(
      z.object({
        value: ZValue,
        code: z.string().trim().max(100),
        /**
         * "Create a new unit": `code` is not a unit yet; the import creates it under `parentId`
         * (lib/imports/mapped-units.ts) and saves the mapping with the plain code.
         */
        create: z
          .object({ parentId: z.string().trim().max(64), name: z.string().trim().max(200), kind: z.enum(UNIT_KINDS).default("TEAM") })
          .optional(),
      }),
    )
    .max(5000, "At most 5,000 cost centre mappings."),
  /** Rates to the org's currency: 1 unit of `currency` = `rate` units of the org's currency. */
  rates: z
    .array(
      z.object({
        currency: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, "A currency is a 3-letter code."),
        rate: z.string(),
      }),
    )
    .max(50)
    .default([]),
});

/** The mapping's rules for a kind: which columns it must name, which combinations make sense. */
const mappingRules = (kind: MappedKind) => (m: z.output<typeof ZMappingObject>, ctx: z.RefinementCtx) => {
  const c = m.columns;
  if (kind === "HIRING_PLAN") {
    for (const [f, what] of [
      ["title", "title"],
      ["level", "level"],
      ["amount", "annual compensation"],
    ] as const)
      if (!c[f]) ctx.addIssue({ code: "custom", path: ["columns", f], message: `Choose the ${what} column.` });
    if (c.debit || c.credit)
      ctx.addIssue({ code: "custom", path: ["columns", "debit"], message: "A hiring plan has no debit or credit columns." });
  } else if (!c.account) ctx.addIssue({ code: "custom", path: ["columns", "account"], message: "Choose the account column." });
  if (!c.amount && !c.debit && !c.credit)
    ctx.addIssue({ code: "custom", path: ["columns", "amount"], message: "Choose an amount column, or debit and credit columns." });
  if (c.amount && (c.debit || c.credit))
    ctx.addIssue({
      code: "custom",
      path: ["columns", "amount"],
      message: "Choose either a signed amount column or debit/credit columns, not both.",
    });
  if (!c.costCentre && !m.fixedCostCentre)
    ctx.addIssue({
      code: "custom",
      path: ["columns", "costCentre"],
      message: "Choose the department column, or one cost centre for every row.",
    });
  const used = Object.entries(c).filter(([, v]) => v);
  const seen = new Map<string, string>();
  for (const [field, name] of used) {
    const key = headerKey(name!);
    if (seen.has(key))
      ctx.addIssue({ code: "custom", path: ["columns", field], message: `Column "${name}" is already mapped to ${seen.get(key)}.` });
    else seen.set(key, field);
  }
  // A new unit's fields meet the org tree's own rules, named by the value they are for.
  const created = new Map<string, string>();
  for (const [i, centre] of m.costCentres.entries()) {
    if (!centre.create) {
      if (!centre.code)
        ctx.addIssue({ code: "custom", path: ["costCentres", i, "code"], message: `Choose a cost centre for "${centre.value}".` });
      continue;
    }
    const issue = (field: string, message: string) =>
      ctx.addIssue({
        code: "custom",
        path: ["costCentres", i, ...(field === "code" ? [] : ["create"]), field],
        message: `New unit for "${centre.value}": ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
      });
    if (!centre.create.parentId) issue("parentId", "choose the unit it goes under.");
    const name = ZUnitName.safeParse(centre.create.name);
    if (!name.success) issue("name", name.error.issues[0].message);
    const code = ZUnitCode.safeParse(centre.code);
    if (!code.success) issue("code", code.error.issues[0].message);
    const key = centre.code.toLowerCase();
    const twice = created.get(key);
    if (twice !== undefined) issue("code", `the code ${centre.code} is already the new unit for "${twice}"; map this value to it instead.`);
    else created.set(key, centre.value);
  }
  for (const [i, r] of m.rates.entries())
    if (!/^\d{1,6}(\.\d{1,8})?$/.test(r.rate.trim()) || !/[1-9]/.test(r.rate))
      ctx.addIssue({
        code: "custom",
        path: ["rates", i, "rate"],
        message: `Rate for ${r.currency} must be a positive number like 1.0825.`,
      });
};

/** A ledger's or a plan's mapping. */
export const ZLedgerMapping = ZMappingObject.superRefine(mappingRules("ACTUALS"));
/** A hiring plan's mapping: the same shape, with title, level and compensation required instead of an account. */
export const ZPositionsMapping = ZMappingObject.superRefine(mappingRules("HIRING_PLAN"));
/** The mapping schema of each kind. */
export const KIND_MAPPING = { ACTUALS: ZLedgerMapping, BUDGET: ZLedgerMapping, HIRING_PLAN: ZPositionsMapping } as const;
export type LedgerMapping = z.output<typeof ZLedgerMapping>;
export type LedgerMappingInput = z.input<typeof ZLedgerMapping>;

/** A value as mapped: account and department values match case-insensitively, trimmed. */
export const valueKey = (v: string) => v.trim().toLowerCase();
