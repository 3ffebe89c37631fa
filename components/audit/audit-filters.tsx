import { FilterField, FilterForm } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { formatRecordFilter, type AuditFilters } from "@/lib/audit/filters";
import type { AuditFilterOptions } from "@/lib/audit/queries";

export function AuditFiltersForm({ action, filters, options }: { action: string; filters: AuditFilters; options: AuditFilterOptions }) {
  const cls = "h-8 w-auto min-w-40 text-[13px]";
  return (
    <FilterForm action={action} label="Filter the audit log">
      {filters.record ? <input type="hidden" name="record" value={formatRecordFilter(filters.record)} /> : null}
      <FilterField id="f-actor" label="Who">
        <NativeSelect id="f-actor" name="actor" defaultValue={filters.actor ?? ""} className={`${cls} max-w-72`}>
          <option value="">Anyone</option>
          {options.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.email})
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="f-entity" label="Record type">
        <NativeSelect id="f-entity" name="entity" defaultValue={filters.entity ?? ""} className={cls}>
          <option value="">Any type</option>
          {options.entityTypes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="f-action" label="Action">
        <NativeSelect id="f-action" name="action" defaultValue={filters.action ?? ""} className={cls}>
          <option value="">Any action</option>
          {options.actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="f-from" label="From">
        <Input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className="h-8 w-auto text-[13px]" />
      </FilterField>
      <FilterField id="f-to" label="To">
        <Input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className="h-8 w-auto text-[13px]" />
      </FilterField>
    </FilterForm>
  );
}
