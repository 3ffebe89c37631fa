"use client";

import { Bell } from "lucide-react";
import Link from "next/link";

import { BELL_ITEMS } from "@/components/shell/bell-items";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type BellItem = { id: string; kind: "due" | "stale" | "acknowledge"; title: string; detail: string; href: string };

const KIND_LABEL = { due: "Due", stale: "Stale", acknowledge: "Review" } as const;
const KIND_CLASS = {
  due: "bg-muted text-foreground",
  stale: "bg-health-off-track-soft text-health-off-track-text",
  acknowledge: "bg-primary-soft text-primary-soft-foreground",
} as const;

/** In-app notifications, computed on demand by the server for the signed-in member. */
export function NotificationBell({ items, total, reviewHref }: { items: BellItem[]; total?: number; reviewHref: string }) {
  const count = total ?? items.length;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={count ? `Notifications (${count})` : "Notifications"}
        className="relative flex size-9 items-center justify-center rounded-full transition-colors hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=open]:bg-muted"
      >
        <Bell className="size-5" aria-hidden />
        {count ? (
          <span aria-hidden className="absolute -top-0.5 -right-0.5 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-white">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-96">
        <DropdownMenuLabel>Notifications</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {count === 0 ? <p className="px-2 py-3 text-sm text-muted-foreground">Nothing needs you right now.</p> : null}
        {items.slice(0, BELL_ITEMS).map((item) => (
          <DropdownMenuItem key={item.id} asChild>
            <Link href={item.href} className="flex items-start gap-2">
              <span className={`mt-0.5 shrink-0 rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase ${KIND_CLASS[item.kind]}`}>{KIND_LABEL[item.kind]}</span>
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium">{item.title}</span>
                <span className="block truncate text-xs text-muted-foreground">{item.detail}</span>
              </span>
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={reviewHref} className="text-sm font-medium">
            Open the delivery review{count > 12 ? ` (${count - 12} more)` : ""}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
