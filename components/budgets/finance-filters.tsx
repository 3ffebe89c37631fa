"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type * as React from "react";
import { useTransition } from "react";

import { UnitFilter } from "@/components/forms/search-field";
import { FilterField } from "@/components/ui/filter-form";
import { NativeSelect } from "@/components/ui/native-select";
import type { SearchOption } from "@/components/ui/search-combobox";

type Option = { value: string; label: string };

/**
 * Period, org unit and category of the finance view, kept in the URL so views can be shared. The
 * org unit is searched as you type (/[org]/teams/search) like every unit filter: a large org's
 * ~500 units were a quarter of the page.
 */
export function FinanceFilters({
  org,
  year,
  periods,
  unit,
  categories,
  value,
}: {
  org: string;
  /** The fiscal-year control, first in the row: the periods are of the year it picks. */
  year?: React.ReactNode;
  periods: Option[];
  /** The picked unit's name, if any. */
  unit: SearchOption | null;
  categories: Option[];
  value: { period: string; unit: string; cat: string };
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  function set(key: string, v: string) {
    const params = new URLSearchParams(searchParams.toString());
    if (v) params.set(key, v);
    else params.delete(key);
    startTransition(() => router.push(`${pathname}?${params.toString()}`));
  }

  const field = (id: string, label: string, key: "period" | "unit" | "cat", options: Option[], className: string) => (
    <FilterField id={id} label={label}>
      <NativeSelect id={id} className={className} value={value[key]} onChange={(e) => set(key, e.target.value)} aria-busy={pending}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FilterField>
  );

  return (
    <div className="mb-6 flex flex-wrap items-end gap-3" data-pending={pending || undefined}>
      {year}
      {field("period", "Period", "period", periods, "w-56")}
      <UnitFilter org={org} id="unit" initial={unit} onPick={(o) => set("unit", o?.id ?? "")} className="w-64" />
      {field("cat", "Category", "cat", categories, "w-44")}
    </div>
  );
}
