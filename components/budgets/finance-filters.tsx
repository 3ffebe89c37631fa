"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

import { NativeSelect } from "@/components/ui/native-select";

type Option = { value: string; label: string };

/** Period, org unit and category of the finance view, kept in the URL so views can be shared. */
export function FinanceFilters({ periods, units, categories, value }: {
  periods: Option[];
  units: Option[];
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
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      <NativeSelect id={id} className={className} value={value[key]} onChange={(e) => set(key, e.target.value)} aria-busy={pending}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );

  return (
    <div className="mb-6 flex flex-wrap items-end gap-3" data-pending={pending || undefined}>
      {field("period", "Period", "period", periods, "w-56")}
      {field("unit", "Org unit", "unit", units, "w-64")}
      {field("cat", "Category", "cat", categories, "w-44")}
    </div>
  );
}
