import type { Draft, EditDraft } from "@/components/imports/ledger-draft";
import { NativeSelect } from "@/components/ui/native-select";
import type { LedgerField } from "@/lib/imports/ledger-mapping";
import { DATE_FORMATS, type DateFormat, type DecimalMark } from "@/lib/imports/ledger-values";

// Step 3 of the mapped import wizard (components/imports/ledger-import-wizard.tsx): which of the
// file's columns holds each field, how its dates and amounts are written, and the cost centre for
// every row when the file has no such column. The wizard holds the draft.

export function LedgerColumnMapping({
  fields,
  required = ["date", "account"],
  idPrefix,
  headerOptions,
  draft,
  onEdit,
  dateCandidates,
  exampleDate,
  units,
  signed,
}: {
  /** The fields this kind maps, in its words. */
  fields: Partial<Record<LedgerField, string>>;
  /** The fields this kind must map (marked *). */
  required?: LedgerField[];
  idPrefix: string;
  headerOptions: string[];
  draft: Draft;
  onEdit: EditDraft;
  /** The formats that read every date of the first rows. */
  dateCandidates: DateFormat[];
  /** A date of the first rows, shown when they read more than one way. */
  exampleDate: string;
  units: { code: string; name: string }[];
  /** Whether amounts have a spending sign to choose (a plan's have none). */
  signed: boolean;
}) {
  const { columns, dateFormat, decimalMark, fixedCostCentre, spendIsNegative } = draft;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {(Object.keys(fields) as LedgerField[]).map((f) => (
          <div key={f} className="flex flex-col gap-1">
            <label htmlFor={`${idPrefix}-col-${f}`} className="text-sm font-medium">
              {fields[f]}
              {required.includes(f) ? " *" : ""}
            </label>
            <NativeSelect
              id={`${idPrefix}-col-${f}`}
              value={columns[f] ?? ""}
              onChange={(e) => {
                const column = e.target.value || undefined;
                onEdit((d) => ({ columns: { ...d.columns, [f]: column } }));
              }}
            >
              <option value="">— not in this file —</option>
              {headerOptions.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </NativeSelect>
          </div>
        ))}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Dates are written *</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {(Object.keys(DATE_FORMATS) as DateFormat[]).map((f) => (
            <label key={f} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${idPrefix}-date`}
                value={f}
                checked={dateFormat === f}
                onChange={() => onEdit({ dateFormat: f })}
              />
              {DATE_FORMATS[f]}
              {columns.date && !dateCandidates.includes(f) ? (
                <span className="text-xs text-muted-foreground">(does not read the first rows)</span>
              ) : null}
            </label>
          ))}
        </div>
        {!dateFormat && dateCandidates.length > 1 ? (
          <p className="text-sm text-amber-700 dark:text-amber-400">
            The first rows&apos; dates read more than one way (e.g. {exampleDate}): choose how this file writes them.
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${idPrefix}-dec`} className="text-sm font-medium">
            Amounts are written
          </label>
          <NativeSelect id={`${idPrefix}-dec`} value={decimalMark} onChange={(e) => onEdit({ decimalMark: e.target.value as DecimalMark })}>
            <option value=".">1,234.56 (decimal point)</option>
            <option value=",">1.234,56 (decimal comma)</option>
          </NativeSelect>
        </div>
        {!columns.costCentre ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${idPrefix}-fixed`} className="text-sm font-medium">
              Cost centre for every row
            </label>
            <NativeSelect id={`${idPrefix}-fixed`} value={fixedCostCentre} onChange={(e) => onEdit({ fixedCostCentre: e.target.value })}>
              <option value="">Choose…</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.code} — {u.name}
                </option>
              ))}
            </NativeSelect>
          </div>
        ) : null}
        {columns.amount && signed ? (
          <label className="flex items-center gap-2 self-end text-sm">
            <input type="checkbox" checked={spendIsNegative} onChange={(e) => onEdit({ spendIsNegative: e.target.checked })} />
            Spending is written as negative amounts
          </label>
        ) : null}
      </div>
    </>
  );
}
