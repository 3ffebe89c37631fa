import { FilterField, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { formatRecordFilter, type AuditFilters } from "@/lib/audit/filters";
import type { AuditFilterOptions } from "@/lib/audit/queries";

export function AuditFiltersForm({ action, filters, options }: { action: string; filters: AuditFilters; options: AuditFilterOptions }) {
  const cls = "h-8 w-auto min-w-40 text-[13px]";
  return (
    <FilterForm action={action} label="Filter the audit log">
      {filters.record ? <input type="hidden" name="record" value={formatRecordFilter(filters.record)} /> : null}
      <FilterSelect
        id="f-actor"
        name="actor"
        label="Who"
        anyLabel="Anyone"
        options={options.actors.map((a) => [a.id, `${a.name} (${a.email})`] as const)}
        defaultValue={filters.actor ?? ""}
        className={`${cls} max-w-72`}
      />
      <FilterSelect
        id="f-entity"
        name="entity"
        label="Record type"
        anyLabel="Any type"
        options={options.entityTypes.map((t) => [t.value, t.label] as const)}
        defaultValue={filters.entity ?? ""}
        className={cls}
      />
      <FilterSelect
        id="f-action"
        name="action"
        label="Action"
        anyLabel="Any action"
        options={options.actions.map((a) => [a.value, a.label] as const)}
        defaultValue={filters.action ?? ""}
        className={cls}
      />
      <FilterField id="f-from" label="From">
        <Input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className="h-8 w-auto text-[13px]" />
      </FilterField>
      <FilterField id="f-to" label="To">
        <Input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className="h-8 w-auto text-[13px]" />
      </FilterField>
    </FilterForm>
  );
}
