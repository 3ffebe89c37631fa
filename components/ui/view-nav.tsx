import Link from "next/link";

import { cn } from "@/lib/utils";

/**
 * A row of links of which one is current: a page's views (`?view=…`) or the fiscal years of a
 * view. The choice is in the URL, so it is shareable and survives a reload, and each view renders
 * (and queries) only what it shows.
 */
export function ViewNav({
  label,
  items,
  className,
}: {
  label: string;
  items: { key: string; label: string; href: string; current: boolean }[];
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cn("mb-6 flex flex-wrap gap-2", className)}>
      {items.map((v) => (
        <Link
          prefetch={false}
          key={v.key}
          href={v.href}
          aria-current={v.current ? "page" : undefined}
          className={cn(
            "rounded-md border px-3 py-1.5 text-sm",
            v.current ? "border-primary bg-primary-soft font-medium text-primary" : "border-border hover:bg-muted",
          )}
        >
          {v.label}
        </Link>
      ))}
    </nav>
  );
}
