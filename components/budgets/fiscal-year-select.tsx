"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { fiscalYearLabel } from "@/lib/fiscal";

/** Picks the fiscal year shown, kept in the URL (?fy=2027) so the view can be shared. */
export function FiscalYearSelect({
  years,
  value,
  current,
  stacked = false,
}: {
  years: number[];
  value: number;
  current: number;
  stacked?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  return (
    <div className={stacked ? "flex flex-col gap-1" : "flex items-center gap-2"} data-pending={pending || undefined}>
      <label
        htmlFor="fiscal-year"
        className={stacked ? "text-xs font-medium text-muted-foreground" : "text-sm font-medium text-muted-foreground"}
      >
        Fiscal year
      </label>
      <Select
        value={String(value)}
        onValueChange={(fy) => {
          const params = new URLSearchParams(searchParams.toString());
          params.set("fy", fy);
          startTransition(() => router.push(`${pathname}?${params.toString()}`));
        }}
      >
        <SelectTrigger id="fiscal-year" className="w-40" aria-busy={pending}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {years.map((fy) => (
            <SelectItem key={fy} value={String(fy)}>
              {fiscalYearLabel(fy)}
              {fy === current ? " (current)" : ""}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
