import { cell, dataRows, type Encoding, type Sample } from "@/components/imports/ledger-sample";
import type { SearchOption } from "@/components/ui/search-combobox";
import { suggestCategory, suggestColumns, suggestCostCentre } from "@/lib/imports/ledger-detect";
import { headerKey, type LedgerField, type LedgerMappingInput, type MappedKind, valueKey } from "@/lib/imports/ledger-mapping";
import type { LedgerPreset } from "@/lib/imports/ledger-presets";
import { type DateFormat, dateFormatsReading, type DateReader, type DecimalMark } from "@/lib/imports/ledger-values";
import type { SavedLedgerMapping } from "@/lib/imports/queries";
import { newUnitFrom, type UNIT_KINDS } from "@/lib/org/schemas";

// The mapping the import wizard drafts in its steps 3 and 4 (components/imports/ledger-import-wizard.tsx):
// suggested for a file, or taken from a saved mapping, then edited; and what it maps each of the
// file's values to. The wizard holds one Draft; everything here is plain data.

/** A new unit as the wizard drafts it for a department value: made by the import, under `parent`. */
export type NewUnitDraft = { parent: SearchOption | null; name: string; code: string; kind: (typeof UNIT_KINDS)[number] };
/** A department value's choice: a cost centre's code, Ignore, or a new unit (with the code it will have). */
type CentreChoice = { value: string; code: string; create?: NewUnitDraft };

export type Draft = {
  columns: Partial<Record<LedgerField, string>>;
  dateFormat: DateFormat | "";
  decimalMark: DecimalMark;
  spendIsNegative: boolean;
  fixedCostCentre: string;
  /** The values mapped so far (saved, chosen, or found further down by a check), by valueKey. */
  accounts: Map<string, { value: string; category: string }>;
  centres: Map<string, CentreChoice>;
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

/** The draft a saved mapping makes; a new unit's parent is named from `units` (the org's open ones). */
export function savedDraft({ mapping: m }: SavedLedgerMapping, units: { id: string; code: string; name: string }[]): Draft {
  return {
    columns: Object.fromEntries(Object.entries(m.columns).filter(([, v]) => v)),
    dateFormat: m.dateFormat,
    decimalMark: m.decimalMark,
    spendIsNegative: m.spendIsNegative,
    fixedCostCentre: m.fixedCostCentre ?? "",
    accounts: new Map(m.accounts.map((a) => [valueKey(a.value), { value: a.value, category: a.category }])),
    centres: new Map(
      m.costCentres.map(({ value, code, create }) => {
        const parent = create && units.find((u) => u.id === create.parentId);
        const draft = create && {
          parent: parent ? { id: parent.id, name: parent.name, title: parent.code } : null,
          name: create.name,
          code,
          kind: create.kind,
        };
        return [valueKey(value), { value, code, ...(draft ? { create: draft } : {}) }];
      }),
    ),
    rates: new Map(m.rates.map((r) => [r.currency, r.rate])),
  };
}

/** A department value mapped onto a cost centre's code (or Ignore). */
export const withCentre = (d: Draft, value: string, code: string): Partial<Draft> => ({
  centres: new Map(d.centres).set(valueKey(value), { value, code }),
});

/** A department value mapped onto a new unit: a team, named and coded from the value until edited. */
export const withNewUnit = (
  d: Draft,
  value: string,
  unit: NewUnitDraft = { parent: null, kind: "TEAM", ...newUnitFrom(value) },
): Partial<Draft> => ({ centres: new Map(d.centres).set(valueKey(value), { value, code: unit.code, create: unit }) });

/**
 * What the draft maps the file's values to, with `fresh` the values of its first rows the draft
 * does not hold yet: each value's choice (held, else suggested from its name), its new unit (only
 * for a member who `canCreateUnits`), the lists step 4 shows, how many are unmapped, and the
 * mapping to check and import with.
 */
export function readDraft(
  d: Draft,
  encoding: Encoding,
  fresh: { accounts: string[]; centres: string[] },
  units: { code: string; name: string }[],
  canCreateUnits: boolean,
) {
  const accountChoice = (v: string) => d.accounts.get(valueKey(v))?.category ?? suggestCategory(v) ?? "";
  const centreChoice = (v: string) => {
    const chosen = d.centres.get(valueKey(v));
    // A saved mapping's new unit, for someone who may not create one: not mapped, to be chosen again.
    if (chosen?.create && !canCreateUnits) return "";
    return chosen?.code ?? suggestCostCentre(v, units) ?? (units.some((u) => u.code.toLowerCase() === v.toLowerCase()) ? v : "");
  };
  // A new unit is only ever sent by someone who may create one (the server refuses anyone else).
  const newUnit = (v: string) => (canCreateUnits ? d.centres.get(valueKey(v))?.create : undefined);
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
    costCentres: [...heldCentres, ...fresh.centres].flatMap((value) => {
      const unit = newUnit(value);
      if (unit) return [{ value, code: unit.code, create: { parentId: unit.parent?.id ?? "", name: unit.name, kind: unit.kind } }];
      const code = centreChoice(value);
      return code ? [{ value, code }] : [];
    }),
    rates: [...d.rates.entries()].filter(([, r]) => r.trim()).map(([c, rate]) => ({ currency: c, rate })),
  };
  // What step 4 lists: the first rows' values and any the mapping (saved, or a check) already holds.
  const accountList = [...new Set([...fresh.accounts, ...heldAccounts])];
  const centreList = [...new Set([...fresh.centres, ...heldCentres])];
  const unmappedCount =
    accountList.filter((v) => !accountChoice(v)).length + centreList.filter((v) => !newUnit(v) && !centreChoice(v)).length;
  // The new units of every listed value, which other values may map onto too.
  const newUnits = centreList.flatMap((v) => newUnit(v) ?? []);
  return { mapping, accountChoice, centreChoice, newUnit, newUnits, accountList, centreList, unmappedCount };
}
