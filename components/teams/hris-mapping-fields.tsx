"use client";

import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { valueKey } from "@/lib/imports/ledger-mapping";
import { HRIS_IGNORE } from "@/lib/people/hris/mapping";
import { HRIS_FIELD_LABELS, HRIS_FIELDS, type HrisField } from "@/lib/people/hris/parse";

// The HRIS dialog's mapping steps: which of the file's columns holds each field, and which cost
// centre each of the file's departments is (or "ignore"), with the unmapped ones listed.

const REQUIRED: ReadonlySet<HrisField> = new Set(["employeeId", "title", "department", "hireDate"]);
const HELP: Partial<Record<HrisField, string>> = {
  name: "Or first and last name.",
  pay: "Only roles that may read pay can import it.",
};

export function HrisColumnMapping({
  header,
  columns,
  errors,
  onChange,
}: {
  header: string[];
  columns: Partial<Record<HrisField, string>>;
  errors: Record<string, string[]>;
  onChange: (field: HrisField, column: string) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Columns</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {HRIS_FIELDS.map((field) => {
          const id = `hris-col-${field}`;
          const errs = errors[`mapping.columns.${field}`];
          const label = `${HRIS_FIELD_LABELS[field][0].toUpperCase()}${HRIS_FIELD_LABELS[field].slice(1)}${REQUIRED.has(field) ? " *" : ""}`;
          return (
            <FormField key={field} id={id} label={label} help={HELP[field]} errors={errs}>
              <NativeSelect id={id} value={columns[field] ?? ""} onChange={(e) => onChange(field, e.target.value)} aria-invalid={!!errs}>
                <option value="">— not in the file —</option>
                {header.filter(Boolean).map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          );
        })}
      </div>
      <p className="text-xs text-muted-foreground">* required. Columns not mapped are not read.</p>
    </fieldset>
  );
}

export function HrisDepartmentMapping({
  values,
  chosen,
  units,
  onChange,
}: {
  values: string[];
  chosen: Map<string, string>;
  units: { code: string; name: string }[];
  onChange: (value: string, code: string) => void;
}) {
  if (values.length === 0) return null;
  const unmapped = values.filter((v) => !chosen.get(valueKey(v)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Departments → cost centres</legend>
      <ul className="grid gap-2 sm:grid-cols-2">
        {values.map((v, i) => (
          <li key={v} className="flex flex-col gap-1">
            <label htmlFor={`hris-dept-${i}`} className="truncate text-sm" title={v}>
              {v}
            </label>
            <NativeSelect id={`hris-dept-${i}`} value={chosen.get(valueKey(v)) ?? ""} onChange={(e) => onChange(v, e.target.value)}>
              <option value="">— not mapped —</option>
              <option value={HRIS_IGNORE}>Ignore (people stay; joiners skipped)</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.code} — {u.name}
                </option>
              ))}
            </NativeSelect>
          </li>
        ))}
      </ul>
      {unmapped.length ? (
        <p role="status" className="rounded-md border border-amber-500/40 bg-amber-500/5 p-2 text-sm" data-testid="hris-unmapped">
          Not mapped ({unmapped.length}): {unmapped.map((v) => `"${v}"`).join(", ")}. Their people stay where they are and their joiners are
          not added; map them or choose Ignore.
        </p>
      ) : null}
    </fieldset>
  );
}
