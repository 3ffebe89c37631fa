import { FilterField, FilterForm } from "@/components/ui/filter-form";
import { NativeSelect } from "@/components/ui/native-select";
import { OptionListSelect } from "@/components/ui/option-list-select";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { HEALTH_LABELS } from "@/components/ui/badge";
import { humanize } from "@/lib/format";
import { DEFAULT_PROJECT_SORT, type FilterOptions, type ProjectFilters, type ProjectSort } from "@/lib/projects/queries";

const STATUSES = ["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"] as const;
const HEALTHS = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const;

export function ProjectFiltersForm({
  org,
  action,
  filters,
  sort,
  options,
}: {
  org: string;
  action: string;
  filters: ProjectFilters;
  sort: ProjectSort;
  options: FilterOptions;
}) {
  const cls = "h-8 w-auto min-w-36 text-[13px]";
  const sorted = sort.key !== DEFAULT_PROJECT_SORT.key || sort.dir !== DEFAULT_PROJECT_SORT.dir;
  return (
    <FilterForm action={action} label="Filter projects">
      {/* Applying filters keeps the list's sort. */}
      {sorted ? (
        <>
          <input type="hidden" name="sort" value={sort.key} />
          <input type="hidden" name="dir" value={sort.dir} />
        </>
      ) : null}
      <FilterField id="f-unit" label="Org unit">
        <OptionListSelect
          id="f-unit"
          name="unit"
          defaultValue={filters.unit ?? ""}
          className={cls}
          options={[["", "All units"], ...options.units.map((u) => [u.id, u.name, u.depth] as const)]}
        />
      </FilterField>
      <FilterField id="f-status" label="Status">
        <NativeSelect id="f-status" name="status" defaultValue={filters.status ?? ""} className={cls}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="f-health" label="Health">
        <NativeSelect id="f-health" name="health" defaultValue={filters.health ?? ""} className={cls}>
          <option value="">Any health</option>
          {HEALTHS.map((h) => (
            <option key={h} value={h}>
              {HEALTH_LABELS[h]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="f-initiative" label="Initiative">
        <OptionListSelect
          id="f-initiative"
          name="initiative"
          defaultValue={filters.initiative ?? ""}
          className={cls}
          options={[["", "Any initiative"], ["none", "No initiative"], ...options.initiatives.map((i) => [i.id, i.name] as const)]}
        />
      </FilterField>
      <FilterField id="f-lead" label="Lead">
        {/* Searched, not listed: a large org has hundreds of project leads. The picked id is the
            hidden "lead" field, so the filter stays in the URL. */}
        <SearchCombobox
          id="f-lead"
          name="lead"
          source={`/${org}/people/search`}
          params={{ leads: "1" }}
          initial={options.lead}
          emptyLabel="Anyone"
          placeholder="Anyone"
          className="h-8 w-44 text-[13px]"
        />
      </FilterField>
      <label className="flex h-8 items-center gap-2 text-sm">
        <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale} className="accent-primary" /> Stale only
      </label>
      <label className="flex h-8 items-center gap-2 text-sm">
        <input type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="accent-primary" /> Archived
      </label>
    </FilterForm>
  );
}
