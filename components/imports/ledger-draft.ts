import { cell, dataRows, type Encoding, type Sample } from "@/components/imports/ledger-sample";
import { suggestCategory, suggestColumns, suggestCostCentre } from "@/lib/imports/ledger-detect";
import { headerKey, type LedgerField, type LedgerMappingInput, type MappedKind, valueKey } from "@/lib/imports/ledger-mapping";
import type { LedgerPreset } from "@/lib/imports/ledger-presets";
import { type DateFormat, dateFormatsReading, type DateReader, type DecimalMark } from "@/lib/imports/ledger-values";
import type { SavedLedgerMapping } from "@/lib/imports/queries";

// The mapping the import wizard drafts in its steps 3 and 4 (components/imports/ledger-import-wizard.tsx):
// suggested for a file, or taken from a saved mapping, then edited; and what it maps each of the
// file's values to. The wizard holds one Draft; everything here is plain data.

export type Draft = {
  columns: Partial<Record<LedgerField, string>>;
  dateFormat: DateFormat | "";
  decimalMark: DecimalMark;
  spendIsNegative: boolean;
  fixedCostCentre: string;
  /** The values mapped so far (saved, chosen, or found further down by a check), by valueKey. */
  accounts: Map<string, { value: string; category: string }>;
  centres: Map<string, { value: string; code: string }>;
  rates: Map<string, string>;
};

/** A change to the draft from steps 3 and 4: the fields it sets, or a function of the draft giving them. */
export type EditDraft = (change: Partial<Draft> | ((d: Draft) => Partial<Draft>)) => void;

export const emptyDraft = (): Draft => ({
  columns: {},
  dateFormat: "",
  decimalMark: ".",
  spendIsNegative: false,
  fixedCostCentre: "",
  accounts: new Map(),
  centres: new Map(),
  rates: new Map(),
});

/**
 * A fresh mapping for the file: columns suggested from its header (the preset's where the file has
 * them), no values mapped yet. The spending sign and the fixed cost centre stay as they were.
 */
export function suggestedDraft(
  s: Sample,
  kind: MappedKind,
  readDate: DateReader,
  preset: LedgerPreset | undefined,
): Omit<Draft, "spendIsNegative" | "fixedCostCentre"> {
  const keys = new Set(s.header.map(headerKey));
  const fromPreset = Object.fromEntries(Object.entries(preset?.columns ?? {}).filter(([, name]) => keys.has(headerKey(name!))));
  const columns: Draft["columns"] = { ...suggestColumns(s.header, kind), ...fromPreset };
  if (columns.debit && columns.credit) delete columns.amount;
  const dates = dataRows(s, columns).map((r) => cell(s, r, columns.date));
  const formats = dateFormatsReading(dates, readDate);
  // Never a silent guess: a format is pre-chosen only when it is the one that reads every sample
  // date, when every format reading them reads them alike ("Nov 2026"), or when the preset the
  // person picked names it and the dates allow it.
  const alike = formats.length > 1 && dates.every((d) => new Set(formats.map((f) => readDate(d, f))).size === 1);
  const dateFormat =
    formats.length === 1 || alike
      ? formats[0]
      : preset?.dateFormat && formats.includes(preset.dateFormat) && formats.length < 3
        ? preset.dateFormat
        : "";
  return { columns, dateFormat, decimalMark: preset?.decimalMark ?? ".", accounts: new Map(), centres: new Map(), rates: new Map() };
}

/** The draft a saved mapping makes. */
export function savedDraft({ mapping: m }: SavedLedgerMapping): Draft {
  return {
    columns: Object.fromEntries(Object.entries(m.columns).filter(([, v]) => v)),
    dateFormat: m.dateFormat,
    decimalMark: m.decimalMark,
    spendIsNegative: m.spendIsNegative,
    fixedCostCentre: m.fixedCostCentre ?? "",
    accounts: new Map(m.accounts.map((a) => [valueKey(a.value), { value: a.value, category: a.category }])),
    centres: new Map(m.costCentres.map((c) => [valueKey(c.value), { value: c.value, code: c.code }])),
    rates: new Map(m.rates.map((r) => [r.currency, r.rate])),
  };
}

/**
 * What the draft maps the file's values to, with `fresh` the values of its first rows the draft
 * does not hold yet: each value's choice (held, else suggested from its name), the lists step 4
 * shows, how many are unmapped, and the mapping to check and import with.
 */
export function readDraft(
  d: Draft,
  encoding: Encoding,
  fresh: { accounts: string[]; centres: string[] },
  units: { code: string; name: string }[],
) {
  const accountChoice = (v: string) => d.accounts.get(valueKey(v))?.category ?? suggestCategory(v) ?? "";
  const centreChoice = (v: string) =>
    d.centres.get(valueKey(v))?.code ??
    suggestCostCentre(v, units) ??
    (units.some((u) => u.code.toLowerCase() === v.toLowerCase()) ? v : "");
  const heldAccounts = [...d.accounts.values()].map((a) => a.value);
  const heldCentres = [...d.centres.values()].map((c) => c.value);
  const mapping: LedgerMappingInput = {
    encoding,
    dateFormat: d.dateFormat as DateFormat,
    decimalMark: d.decimalMark,
    spendIsNegative: d.spendIsNegative,
    columns: { ...(d.columns as LedgerMappingInput["columns"]) },
    fixedCostCentre: d.fixedCostCentre || undefined,
    // Every value the mapping holds or the first rows show, with what it maps to; unmapped ones left out.
    accounts: [...heldAccounts, ...fresh.accounts]
      .map((value) => ({ value, category: accountChoice(value) }))
      .filter((a) => a.category) as LedgerMappingInput["accounts"],
    costCentres: [...heldCentres, ...fresh.centres].map((value) => ({ value, code: centreChoice(value) })).filter((c) => c.code),
    rates: [...d.rates.entries()].filter(([, r]) => r.trim()).map(([c, rate]) => ({ currency: c, rate })),
  };
  // What step 4 lists: the first rows' values and any the mapping (saved, or a check) already holds.
  const accountList = [...new Set([...fresh.accounts, ...heldAccounts])];
  const centreList = [...new Set([...fresh.centres, ...heldCentres])];
  const unmappedCount = accountList.filter((v) => !accountChoice(v)).length + centreList.filter((v) => !centreChoice(v)).length;
  return { mapping, accountChoice, centreChoice, accountList, centreList, unmappedCount };
}
