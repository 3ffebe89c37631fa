import Link from "next/link";

import { pageHref, type PageInfo } from "@/lib/paging";
import { cn } from "@/lib/utils";

type Search = Record<string, string | string[] | undefined>;

/** "101–200 of 712 · Previous · Next": links to the neighbouring pages of a server-paged list. */
export function Pager({ info, base, searchParams, label }: { info: PageInfo; base: string; searchParams: Search; label: string }) {
  if (info.pages <= 1) return null;
  const link = (page: number, text: string, rel: "prev" | "next") =>
    page < 1 || page > info.pages ? (
      <span className="rounded-md border border-border px-3 py-1.5 text-muted-foreground opacity-50" aria-disabled="true">
        {text}
      </span>
    ) : (
      <Link
        rel={rel}
        href={pageHref(base, searchParams, page, info.param)}
        prefetch={false}
        className={cn("rounded-md border border-border px-3 py-1.5 hover:bg-muted")}
      >
        {text}
      </Link>
    );
  return (
    <nav aria-label={`${label} pages`} className="mt-3 flex items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground">
        {info.from}–{info.to} of {info.total} · page {info.page} of {info.pages}
      </p>
      <div className="flex gap-2">
        {link(info.page - 1, "Previous", "prev")}
        {link(info.page + 1, "Next", "next")}
      </div>
    </nav>
  );
}
