"use client";

import type * as React from "react";

import { type Draft, type EditDraft, type readDraft, withCentre, withNewUnit } from "@/components/imports/ledger-draft";
import { NewUnitFields } from "@/components/imports/ledger-new-unit-fields";
import { NativeSelect } from "@/components/ui/native-select";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { IGNORE, valueKey } from "@/lib/imports/ledger-mapping";

const CATEGORY_LABELS = Object.keys(BudgetCategory).map((c) => [c, c.charAt(0) + c.slice(1).toLowerCase()] as const);

/** The cost-centre choice "Create a new unit" (a select's value; never saved: the mapping holds the new code). */
const CREATE = "CREATE";

/**
 * Step 4 of the ledger import: each account the file names → a category (or Ignore: its rows are
 * skipped), each department → a cost centre, a new unit (for members who may change the org tree:
 * its parent, name, code and kind asked for beneath) or Ignore, and a rate for each foreign
 * currency. Values are those of the file's first rows, plus any a check found further down.
 */
export function LedgerValueMapping({
  idPrefix: id,
  draft,
  values,
  onEdit,
  units,
  newUnitsIn,
  currencies,
  orgCurrency,
}: {
  idPrefix: string;
  draft: Draft;
  /** What the draft maps the file's values to (readDraft). */
  values: Pick<
    ReturnType<typeof readDraft>,
    "accountList" | "centreList" | "accountChoice" | "centreChoice" | "newUnit" | "newUnits" | "unmappedCount"
  >;
  onEdit: EditDraft;
  units: { code: string; name: string }[];
  /** The org, for the new unit's parent picker: present when the member may create org units. */
  newUnitsIn?: string;
  /** The foreign currencies of the first rows. */
  currencies: string[];
  orgCurrency: string;
}) {
  const { unmappedCount } = values;
  return (
    <div className="space-y-4">
      <p className="text-sm" role="status">
        {unmappedCount === 0
          ? "Every value in the first rows is mapped."
          : `${unmappedCount} ${unmappedCount === 1 ? "value is" : "values are"} not mapped yet: rows with ${unmappedCount === 1 ? "it" : "them"} would be refused.`}
      </p>
      {draft.columns.account ? (
        <ValueTable
          caption={`Accounts (column "${draft.columns.account}") → category`}
          values={values.accountList}
          choice={values.accountChoice}
          onChange={(value, category) => onEdit((d) => ({ accounts: new Map(d.accounts).set(valueKey(value), { value, category }) }))}
          idPrefix={`${id}-acct`}
          options={[...CATEGORY_LABELS, [IGNORE, "Ignore (skip these rows)"]]}
        />
      ) : null}
      {draft.columns.costCentre ? (
        <ValueTable
          caption={`Departments (column "${draft.columns.costCentre}") → cost centre`}
          values={values.centreList}
          choice={(v) => (values.newUnit(v) ? CREATE : values.centreChoice(v))}
          onChange={(value, code) => onEdit((d) => (code === CREATE ? withNewUnit(d, value) : withCentre(d, value, code)))}
          idPrefix={`${id}-cc`}
          options={[
            ...units.map((u) => [u.code, `${u.code} — ${u.name}`] as const),
            ...values.newUnits
              .filter((n) => n.code && !units.some((u) => u.code.toLowerCase() === n.code.toLowerCase()))
              .map((n) => [n.code, `${n.code} — ${n.name} (new)`] as const),
            ...(newUnitsIn ? [[CREATE, "Create a new unit…"] as const] : []),
            [IGNORE, "Ignore (skip these rows)"],
          ]}
          below={(v, rowId) => {
            const unit = values.newUnit(v);
            return unit && newUnitsIn ? (
              <NewUnitFields
                idPrefix={rowId}
                org={newUnitsIn}
                value={v}
                draft={unit}
                onDraft={(value, changed) => onEdit((d) => withNewUnit(d, value, changed))}
              />
            ) : null;
          }}
        />
      ) : null}
      {currencies.length ? (
        <div className="space-y-2">
          <p className="text-sm font-medium">Rates to {orgCurrency} (rows in a currency without a rate are refused)</p>
          {currencies.map((c) => (
            <div key={c} className="flex items-center gap-2 text-sm">
              <label htmlFor={`${id}-rate-${c}`}>1 {c} =</label>
              <input
                id={`${id}-rate-${c}`}
                inputMode="decimal"
                className="h-9 w-32 rounded-md border border-input bg-background px-2"
                value={draft.rates.get(c) ?? ""}
                onChange={(e) => {
                  const rate = e.target.value;
                  onEdit((d) => ({ rates: new Map(d.rates).set(c, rate) }));
                }}
              />
              <span>{orgCurrency}</span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function ValueTable(props: {
  caption: string;
  values: string[];
  choice: (v: string) => string;
  onChange: (value: string, to: string) => void;
  idPrefix: string;
  options: (readonly [string, string])[];
  /** More to ask about a value, in a row of its own beneath it. */
  below?: (value: string, rowId: string) => React.ReactNode;
}) {
  if (props.values.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="pb-2 text-left font-medium">{props.caption}</caption>
        <tbody>
          {props.values.flatMap((v, i) => {
            const chosen = props.choice(v);
            const more = props.below?.(v, `${props.idPrefix}-${i}`);
            return [
              <tr key={v} className="border-t border-border">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <label htmlFor={`${props.idPrefix}-${i}`}>{v}</label>
                </th>
                <td className="w-1/2 py-1.5">
                  <NativeSelect
                    id={`${props.idPrefix}-${i}`}
                    value={chosen}
                    aria-invalid={chosen ? undefined : true}
                    onChange={(e) => props.onChange(v, e.target.value)}
                  >
                    <option value="">Not mapped</option>
                    {props.options.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </NativeSelect>
                </td>
              </tr>,
              more ? (
                <tr key={`${v}-below`}>
                  <td colSpan={2} className="pb-3">
                    {more}
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
