import Link from "next/link";

import { UnitFilter } from "@/components/forms/search-field";
import { FilterField, FilterForm, FilterSelect, KeepParams } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { DEFAULT_LINES_SORT, linesQuery, MAX_SEARCH, type LinesFilters } from "@/lib/budgets/lines-query";
import { humanize } from "@/lib/format";
import { BudgetCategory } from "@/lib/generated/prisma/enums";

const CATEGORIES = Object.keys(BudgetCategory).map((c) => [c, humanize(c)] as const);

/**
 * The lines' filters as a plain GET form: they live in the URL, so the list can be shared and the
 * CSV export follows them. The unit is searched as you type (/[org]/teams/search); a vendor is
 * set by a link (a vendor name in the list) and shown here to be removed.
 */
export function LinesFiltersForm({
  org,
  action,
  filters,
  unit,
  vendor,
}: {
  org: string;
  action: string;
  filters: LinesFilters;
  unit: { id: string; name: string } | null;
  vendor: { id: string; name: string } | null;
}) {
  const cls = "h-8 w-auto min-w-36 text-[13px]";
  const sorted = filters.sort.key !== DEFAULT_LINES_SORT.key || filters.sort.dir !== DEFAULT_LINES_SORT.dir;
  return (
    <FilterForm action={action} label={filters.kind === "plan" ? "Filter plan lines" : "Filter ledger lines"}>
      {filters.kind === "plan" ? <input type="hidden" name="kind" value="plan" /> : null}
      <KeepParams values={sorted ? { sort: filters.sort.key, dir: filters.sort.dir } : {}} />
      <UnitFilter org={org} id="l-unit" initial={unit} className="h-8 w-44 text-[13px]" />
      <FilterField id="l-scope" label="Units">
        <NativeSelect id="l-scope" name="scope" defaultValue={filters.own ? "own" : ""} className={cls}>
          <option value="">This unit and below</option>
          <option value="own">This unit only</option>
        </NativeSelect>
      </FilterField>
      <FilterSelect
        id="l-cat"
        name="cat"
        label="Category"
        anyLabel="All categories"
        options={CATEGORIES}
        defaultValue={filters.category ?? ""}
        className={cls}
      />
      <FilterField id="l-from" label="From month">
        <Input
          id="l-from"
          name="from"
          type="month"
          defaultValue={filters.from}
          min="2000-01"
          max="2100-12"
          className="h-8 w-40 text-[13px]"
        />
      </FilterField>
      <FilterField id="l-to" label="To month">
        <Input id="l-to" name="to" type="month" defaultValue={filters.to} min="2000-01" max="2100-12" className="h-8 w-40 text-[13px]" />
      </FilterField>
      {filters.kind === "actual" ? (
        <FilterField id="l-q" label="Memo or reference">
          <Input
            id="l-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={MAX_SEARCH}
            placeholder="Contains…"
            className="h-8 w-44 text-[13px]"
          />
        </FilterField>
      ) : null}
      {vendor ? (
        <p className="flex h-8 items-center gap-2 text-sm">
          <input type="hidden" name="vendor" value={vendor.id} />
          Vendor: <span className="font-medium">{vendor.name}</span>
          <Link
            href={`${action}?${linesQuery(filters, { vendorId: null })}`}
            className="text-primary hover:underline"
            aria-label={`Remove the vendor filter ${vendor.name}`}
          >
            Remove
          </Link>
        </p>
      ) : null}
    </FilterForm>
  );
}
