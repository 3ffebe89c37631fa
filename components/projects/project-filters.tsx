import { FilterSearch, UnitFilter } from "@/components/forms/search-field";
import { FilterField, FilterForm, FilterSelect, KeepParams } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { humanize } from "@/lib/format";
import { DEFAULT_PROJECT_SORT, type FilterOptions, NO_INITIATIVE, type ProjectFilters, type ProjectSort } from "@/lib/projects/queries";

const STATUSES = ["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"].map((s) => [s, humanize(s)] as const);
const HEALTHS = (["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const).map((h) => [h, HEALTH_LABELS[h]] as const);

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
      <KeepParams values={sorted ? { sort: sort.key, dir: sort.dir } : {}} />
      {/* Units, initiatives and leads are searched, not listed: a large org has ~500 units, ~300
          initiatives and hundreds of leads. The picked id is the hidden field ("unit",
          "initiative", "lead"), so the filters stay in the URL and the CSV export follows them. */}
      <FilterField id="f-q" label="Name">
        <Input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Search names" className={cls} />
      </FilterField>
      <UnitFilter org={org} id="f-unit" emptyLabel="All units" initial={options.unit} className={search} />
      <FilterSelect
        id="f-status"
        name="status"
        label="Status"
        anyLabel="Any status"
        options={STATUSES}
        defaultValue={filters.status ?? ""}
        className={cls}
      />
      <FilterSelect
        id="f-health"
        name="health"
        label="Health"
        anyLabel="Any health"
        options={HEALTHS}
        defaultValue={filters.health ?? ""}
        className={cls}
      />
      <FilterSearch
        org={org}
        kind="initiative"
        id="f-initiative"
        name="initiative"
        label="Initiative"
        emptyLabel="Any initiative"
        fixed={[NO_INITIATIVE]}
        initial={options.initiative}
        className={search}
      />
      <FilterSearch
        org={org}
        kind="person"
        id="f-lead"
        name="lead"
        label="Lead"
        emptyLabel="Anyone"
        params={{ leads: "1" }}
        initial={options.lead}
        className={search}
      />
      <label className="flex h-8 items-center gap-2 text-sm">
        <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale} className="accent-primary" /> Stale only
      </label>
      <label className="flex h-8 items-center gap-2 text-sm">
        <input type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="accent-primary" /> Archived
      </label>
    </FilterForm>
  );
}
