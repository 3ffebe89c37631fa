"use client";

import { Menu, X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { usePathname } from "next/navigation";
import { useState } from "react";

import { KeelMark } from "@/components/shell/keel-logo";
import { SidebarNav } from "@/components/shell/sidebar-nav";

/**
 * Below the lg breakpoint the sidebar would take most of a phone's width: it hides, and this
 * button in the top bar opens the same navigation as a drawer (a dialog: focus stays in it,
 * Escape closes it). Following a link closes it.
 */
export function MobileNav({ orgSlug }: { orgSlug: string }) {
  const [open, setOpen] = useState(false);
  // Any navigation closes the drawer, also one not started by a click in it (back button, a
  // link elsewhere in the page, a redirect after an action).
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  if (open && openedOn !== pathname) setOpen(false);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) setOpenedOn(pathname);
  };
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Trigger className="-ml-2 rounded-md p-2 text-foreground hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none lg:hidden">
        <Menu className="size-5" aria-hidden />
        <span className="sr-only">Open navigation</span>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-slate-900/40 lg:hidden" />
        <DialogPrimitive.Content
          className="fixed inset-y-0 left-0 z-50 flex w-64 max-w-[85vw] flex-col bg-sidebar text-sidebar-foreground shadow-xl focus:outline-none lg:hidden"
          onClick={(e) => {
            if ((e.target as HTMLElement).closest("a")) setOpen(false);
          }}
        >
          <div className="flex h-14 shrink-0 items-center justify-between border-b border-sidebar-border px-5">
            <DialogPrimitive.Title className="flex items-center gap-2.5 text-lg font-semibold tracking-tight text-white">
              <KeelMark className="size-7" />
              Keel
            </DialogPrimitive.Title>
            <DialogPrimitive.Close className="rounded-md p-1 text-sidebar-muted hover:text-white focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
              <X className="size-5" aria-hidden />
              <span className="sr-only">Close navigation</span>
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Description className="sr-only">The sections of Keel</DialogPrimitive.Description>
          <SidebarNav orgSlug={orgSlug} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
