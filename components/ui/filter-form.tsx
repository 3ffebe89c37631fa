import Link from "next/link";
import type * as React from "react";

import { Button } from "@/components/ui/button";

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
