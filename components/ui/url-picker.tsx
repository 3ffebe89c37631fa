"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

import { SearchCombobox, type SearchOption } from "@/components/ui/search-combobox";

/**
 * A search picker that sets one URL parameter when something is picked (and clears the page
 * number and the parameters in `resets`): the teams page's unit, the plan grid's unit. The
 * choices come from a search route, so a long list is never in the page.
 */
export function UrlPicker({
  id,
  label,
  param,
  source,
  initial,
  emptyLabel,
  placeholder,
  resets = [],
  hash,
}: {
  id: string;
  label: string;
  param: string;
  source: string;
  initial: SearchOption | null;
  emptyLabel?: string;
  placeholder?: string;
  resets?: string[];
  hash?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1" data-pending={pending || undefined}>
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      <SearchCombobox
        id={id}
        name={param}
        source={source}
        initial={initial}
        emptyLabel={emptyLabel}
        placeholder={placeholder}
        className="w-72"
        onPick={(o) => {
          const params = new URLSearchParams(searchParams.toString());
          for (const k of ["page", ...resets]) params.delete(k);
          if (o?.id) params.set(param, o.id);
          else params.delete(param);
          const q = params.toString();
          startTransition(() => router.push(`${pathname}${q ? `?${q}` : ""}${hash ? `#${hash}` : ""}`));
        }}
      />
    </div>
  );
}
