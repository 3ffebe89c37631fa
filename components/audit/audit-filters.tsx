import Link from "next/link";
import type * as React from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { AuditFilters } from "@/lib/audit/filters";
import type { AuditFilterOptions } from "@/lib/audit/queries";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and exported. */
export function AuditFiltersForm({ action, filters, options }: { action: string; filters: AuditFilters; options: AuditFilterOptions }) {
  const cls = "h-8 w-auto min-w-40 text-[13px]";
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
      <Filter id="f-actor" label="Who">
        <NativeSelect id="f-actor" name="actor" defaultValue={filters.actor ?? ""} className={`${cls} max-w-72`}>
          <option value="">Anyone</option>
          {options.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.email})
            </option>
          ))}
        </NativeSelect>
      </Filter>
      <Filter id="f-entity" label="Record type">
        <NativeSelect id="f-entity" name="entity" defaultValue={filters.entity ?? ""} className={cls}>
          <option value="">Any type</option>
          {options.entityTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </NativeSelect>
      </Filter>
      <Filter id="f-action" label="Action">
        <NativeSelect id="f-action" name="action" defaultValue={filters.action ?? ""} className={cls}>
          <option value="">Any action</option>
          {options.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </NativeSelect>
      </Filter>
      <Filter id="f-from" label="From">
        <Input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className="h-8 w-auto text-[13px]" />
      </Filter>
      <Filter id="f-to" label="To">
        <Input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className="h-8 w-auto text-[13px]" />
      </Filter>
      <Button type="submit" size="sm">
        Apply filters
      </Button>
      <Button asChild size="sm" variant="ghost">
        <Link href={action}>Clear</Link>
      </Button>
    </form>
  );
}

function Filter({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}
