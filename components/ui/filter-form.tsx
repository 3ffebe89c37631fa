import Link from "next/link";
import type * as React from "react";

import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

/**
 * A plain GET form for a list's filters: they live in the URL, so a filtered view can be shared,
 * bookmarked and exported. "Clear" links back to the unfiltered list.
 */
export function FilterForm({ action, label, children }: { action: string; label: string; children: React.ReactNode }) {
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-3" aria-label={label}>
      {children}
      <Button type="submit" size="sm">
        Apply filters
      </Button>
      <Button asChild size="sm" variant="ghost">
        <Link href={action}>Clear</Link>
      </Button>
    </form>
  );
}

/** One labelled control of a FilterForm (the label names the control by id). */
export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A filter's select of `options` ([value, label] pairs), after a first option `anyLabel` (value "")
 * that leaves the list unfiltered; every other prop goes to the select.
 */
export function FilterSelect({
  id,
  label,
  anyLabel,
  options,
  ...select
}: {
  id: string;
  label: string;
  anyLabel: string;
  options: readonly (readonly [string, string])[];
} & Omit<React.ComponentProps<"select">, "id" | "children">) {
  return (
    <FilterField id={id} label={label}>
      <NativeSelect id={id} {...select}>
        <option value="">{anyLabel}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </NativeSelect>
    </FilterField>
  );
}

/** Hidden fields that carry the view's other settings (its sort) through a filter submit. */
export function KeepParams({ values }: { values: Record<string, string | null | undefined> }) {
  return Object.entries(values).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null));
}
