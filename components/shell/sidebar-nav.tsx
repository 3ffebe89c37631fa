"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { NAV_SECTIONS, type NavItem, SETTINGS_ITEM } from "@/components/shell/nav-items";
import { cn } from "@/lib/utils";

function NavLink({ orgSlug, item, pathname }: { orgSlug: string; item: NavItem; pathname: string }) {
  const href = `/${orgSlug}/${item.area}`;
  const active = pathname === href || pathname.startsWith(`${href}/`);
  const Icon = item.icon;
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "group relative flex h-9 items-center gap-3 rounded-md px-3 text-sm font-medium transition-colors",
        "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-offset-2 focus-visible:ring-offset-sidebar",
        active ? "bg-sidebar-accent text-sidebar-active" : "text-sidebar-foreground hover:bg-sidebar-accent/60 hover:text-sidebar-active",
      )}
    >
      {active ? <span aria-hidden className="absolute inset-y-2 left-0 w-0.5 rounded-full bg-indigo-400" /> : null}
      <Icon
        aria-hidden
        className={cn("size-4 shrink-0", active ? "text-indigo-300" : "text-sidebar-muted group-hover:text-sidebar-foreground")}
      />
      {item.label}
    </Link>
  );
}

export function SidebarNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-6 overflow-y-auto px-3 py-4">
      {NAV_SECTIONS.map((section, i) => (
        <div key={section.label ?? i} className="space-y-1">
          {section.label ? (
            <p className="px-3 pb-1 text-[11px] font-semibold tracking-wider text-sidebar-muted uppercase">{section.label}</p>
          ) : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => (
              <li key={item.area}>
                <NavLink orgSlug={orgSlug} item={item} pathname={pathname} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="mt-auto border-t border-sidebar-border pt-4">
        <NavLink orgSlug={orgSlug} item={SETTINGS_ITEM} pathname={pathname} />
      </div>
    </nav>
  );
}
