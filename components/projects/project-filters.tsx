import { FilterField, FilterForm } from "@/components/ui/filter-form";
import { NativeSelect } from "@/components/ui/native-select";
import { Input } from "@/components/ui/input";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { humanize } from "@/lib/format";
import { DEFAULT_PROJECT_SORT, type FilterOptions, NO_INITIATIVE, type ProjectFilters, type ProjectSort } from "@/lib/projects/queries";

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
  const search = "h-8 w-44 text-[13px]";
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
      {/* Units, initiatives and leads are searched, not listed: a large org has ~500 units, ~300
          initiatives and hundreds of leads. The picked id is the hidden field ("unit",
          "initiative", "lead"), so the filters stay in the URL and the CSV export follows them. */}
      <FilterField id="f-q" label="Name">
        <Input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Search names" className={cls} />
      </FilterField>
      <FilterField id="f-unit" label="Org unit">
        <SearchCombobox
          id="f-unit"
          name="unit"
          source={`/${org}/teams/search`}
          initial={options.unit}
          emptyLabel="All units"
          placeholder="All units"
          className={search}
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
        <SearchCombobox
          id="f-initiative"
          name="initiative"
          source={`/${org}/roadmap/search`}
          initial={options.initiative}
          emptyLabel="Any initiative"
          fixed={[NO_INITIATIVE]}
          placeholder="Any initiative"
          className={search}
        />
      </FilterField>
      <FilterField id="f-lead" label="Lead">
        <SearchCombobox
          id="f-lead"
          name="lead"
          source={`/${org}/people/search`}
          params={{ leads: "1" }}
          initial={options.lead}
          emptyLabel="Anyone"
          placeholder="Anyone"
          className={search}
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
