import Link from "next/link";

/** The links up to a page, each after a slash but the first. */
export function Breadcrumb({ links }: { links: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-muted-foreground">
        {links.map((l, i) => (
          <li key={l.href} className={i === 0 ? undefined : "flex items-center gap-1"}>
            {i === 0 ? null : <span aria-hidden>/</span>}
            <Link href={l.href} className="hover:text-foreground">
              {l.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
