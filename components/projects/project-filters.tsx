import { FilterField, FilterForm } from "@/components/ui/filter-form";
import { NativeSelect } from "@/components/ui/native-select";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { HEALTH_LABELS } from "@/components/ui/badge";
import { humanize } from "@/lib/format";
import type { FilterOptions, ProjectFilters } from "@/lib/projects/queries";

const STATUSES = ["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"] as const;
const HEALTHS = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const;

export function ProjectFiltersForm({ org, action, filters, options }: { org: string; action: string; filters: ProjectFilters; options: FilterOptions }) {
  const cls = "h-8 w-auto min-w-36 text-[13px]";
  return (
    <FilterForm action={action} label="Filter projects">
      <FilterField id="f-unit" label="Org unit">
        <NativeSelect id="f-unit" name="unit" defaultValue={filters.unit ?? ""} className={cls}>
          <option value="">All units</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {"\u00a0\u00a0".repeat(u.depth)}
              {u.name}
            </option>
          ))}
        </NativeSelect>
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
        <NativeSelect id="f-initiative" name="initiative" defaultValue={filters.initiative ?? ""} className={cls}>
          <option value="">Any initiative</option>
          <option value="none">No initiative</option>
          {options.initiatives.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </NativeSelect>
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
