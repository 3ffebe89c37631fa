"use client";

import { Bell } from "lucide-react";
import { useRouter } from "next/navigation";

import { BELL_ITEMS } from "@/lib/projects/bell-items";

import { Menu, MenuContent, MenuItem, MenuLabel, MenuLinkItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { useJson } from "@/components/ui/use-json";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

type BellItem = { id: string; kind: "due" | "stale" | "acknowledge"; title: string; detail: string; href: string };
type InboxItem = { id: string; subject: string; href: string | null; createdAt: string; read: boolean };
type BellData = { items: BellItem[]; total: number; inbox?: { unread: number; items: InboxItem[] } };

const KIND_LABEL = { due: "Due", stale: "Stale", acknowledge: "Review" } as const;
const KIND_CLASS = {
  due: "bg-muted text-foreground",
  stale: "bg-health-off-track-soft text-health-off-track-text",
  acknowledge: "bg-primary-soft text-primary-soft-foreground",
} as const;

/**
 * In-app notifications for the signed-in member, loaded from `source` (the org's notifications
 * route) after the page, so no page waits for the bell's query. `renderId` changes whenever the
 * server renders the shell again (a full load, or an action that revalidates the org's layout),
 * and the bell then asks again.
 */
export function NotificationBell({ source, renderId, reviewHref }: { source: string; renderId: string; reviewHref: string }) {
  // undefined: not loaded yet; null: the request failed. A new renderId (a new server render of
  // the shell) asks again; the previous answer stays on screen meanwhile.
  const data = useJson<BellData>(source, renderId);

  const router = useRouter();
  const unread = data?.inbox?.unread ?? 0;
  const messages = data?.inbox?.items ?? [];
  // The number is what needs the member now (the computed items); unread messages add a dot and
  // their own heading, so the count still falls by one when one thing is done.
  const count = data?.total ?? 0;
  const items = data?.items ?? [];
  return (
    <Menu>
      <MenuTrigger
        aria-label={count ? `Notifications (${count})` : "Notifications"}
        className="relative flex size-9 items-center justify-center rounded-full transition-colors hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=open]:bg-muted"
      >
        <Bell className="size-5" aria-hidden />
        {count ? (
          <span
            aria-hidden
            className="absolute -top-0.5 -right-0.5 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : unread ? (
          <span aria-hidden className="absolute top-1 right-1 size-2 rounded-full bg-primary" />
        ) : null}
      </MenuTrigger>
      <MenuContent align="end" className="w-[min(24rem,calc(100vw-2rem))]">
        <MenuLabel>Notifications</MenuLabel>
        <MenuSeparator />
        {data === undefined ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">Loading…</p>
        ) : data === null ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">Notifications could not be loaded.</p>
        ) : count === 0 && messages.length === 0 ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">Nothing needs you right now.</p>
        ) : null}
        {items.slice(0, BELL_ITEMS).map((item) => (
          <MenuLinkItem key={item.id} href={item.href} className="items-start">
            <span className={`mt-0.5 shrink-0 rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase ${KIND_CLASS[item.kind]}`}>
              {KIND_LABEL[item.kind]}
            </span>
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium">{item.title}</span>
              <span className="block truncate text-xs text-muted-foreground">{item.detail}</span>
            </span>
          </MenuLinkItem>
        ))}
        <MenuSeparator />
        <MenuLinkItem href={reviewHref} className="font-medium">
          Open the delivery review{count > BELL_ITEMS ? ` (${count - BELL_ITEMS} more)` : ""}
        </MenuLinkItem>
        {messages.length ? (
          <>
            <MenuSeparator />
            <MenuLabel>Messages{unread ? ` (${unread} unread)` : ""}</MenuLabel>
            {messages.map((m) => (
              <MenuLinkItem key={m.id} href={m.href ?? reviewHref} className="items-start">
                <span className="min-w-0">
                  <span className={`block truncate text-sm ${m.read ? "" : "font-semibold"}`}>{m.subject}</span>
                  <span className="block truncate text-xs text-muted-foreground">{m.createdAt.slice(0, 10)}</span>
                </span>
              </MenuLinkItem>
            ))}
            {unread ? (
              <MenuItem
                onSelect={() => {
                  // The shell renders again after the action, and the bell asks again.
                  void markNotificationsReadAction({}).then(() => router.refresh());
                }}
              >
                Mark all messages read
              </MenuItem>
            ) : null}
          </>
        ) : null}
      </MenuContent>
    </Menu>
  );
}
