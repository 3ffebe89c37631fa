"use client";

import { NativeSelect } from "@/components/ui/native-select";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { IGNORE } from "@/lib/imports/ledger-mapping";

const CATEGORY_LABELS = Object.keys(BudgetCategory).map((c) => [c, c.charAt(0) + c.slice(1).toLowerCase()] as const);

/**
 * Step 4 of the ledger import: each account the file names → a category (or Ignore: its rows are
 * skipped), each department → a cost centre (or Ignore), and a rate for each foreign currency.
 * Values are those of the file's first rows, plus any a check found further down.
 */
export function LedgerValueMapping(props: {
  idPrefix: string;
  accountColumn?: string;
  centreColumn?: string;
  accounts: string[];
  centres: string[];
  accountChoice: (v: string) => string;
  centreChoice: (v: string) => string;
  units: { code: string; name: string }[];
  onAccount: (value: string, category: string) => void;
  onCentre: (value: string, code: string) => void;
  currencies: string[];
  orgCurrency: string;
  rates: Map<string, string>;
  onRate: (currency: string, rate: string) => void;
  unmappedCount: number;
}) {
  const { idPrefix: id } = props;
  return (
    <div className="space-y-4">
      <p className="text-sm" role="status">
        {props.unmappedCount === 0
          ? "Every value in the first rows is mapped."
          : `${props.unmappedCount} ${props.unmappedCount === 1 ? "value is" : "values are"} not mapped yet: rows with ${props.unmappedCount === 1 ? "it" : "them"} would be refused.`}
      </p>
      {props.accountColumn ? (
        <ValueTable
          caption={`Accounts (column "${props.accountColumn}") → category`}
          values={props.accounts}
          choice={props.accountChoice}
          onChange={props.onAccount}
          idPrefix={`${id}-acct`}
          options={[...CATEGORY_LABELS, [IGNORE, "Ignore (skip these rows)"]]}
        />
      ) : null}
      {props.centreColumn ? (
        <ValueTable
          caption={`Departments (column "${props.centreColumn}") → cost centre`}
          values={props.centres}
          choice={props.centreChoice}
          onChange={props.onCentre}
          idPrefix={`${id}-cc`}
          options={[...props.units.map((u) => [u.code, `${u.code} — ${u.name}`] as const), [IGNORE, "Ignore (skip these rows)"]]}
        />
      ) : null}
      {props.currencies.length ? (
        <div className="space-y-2">
          <p className="text-sm font-medium">Rates to {props.orgCurrency} (rows in a currency without a rate are refused)</p>
          {props.currencies.map((c) => (
            <div key={c} className="flex items-center gap-2 text-sm">
              <label htmlFor={`${id}-rate-${c}`}>1 {c} =</label>
              <input
                id={`${id}-rate-${c}`}
                inputMode="decimal"
                className="h-9 w-32 rounded-md border border-input bg-background px-2"
                value={props.rates.get(c) ?? ""}
                onChange={(e) => props.onRate(c, e.target.value)}
              />
              <span>{props.orgCurrency}</span>
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
}) {
  if (props.values.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="pb-2 text-left font-medium">{props.caption}</caption>
        <tbody>
          {props.values.map((v, i) => {
            const chosen = props.choice(v);
            return (
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
