"use client";

import Link from "next/link";
import * as React from "react";

import { cn } from "@/lib/utils";

// A menu button (WAI-ARIA APG "menu button" pattern), hand-written on purpose rather than Radix
// DropdownMenu: the three app-shell menus (org switcher, bell, user menu) are on every signed-in
// page, and Radix's menu stack (Popper + floating-ui, FocusScope, DismissableLayer,
// react-remove-scroll, aria-hidden, RovingFocus, Collection) is a large share of the first-load
// JS budget on every route. These menus need none of what that buys (collision-aware
// positioning, submenus, modal scroll lock): they open below a button in a sticky header. This
// small component keeps the behaviour users and assistive tech rely on:
//  - trigger: a button with aria-haspopup="menu", aria-expanded, aria-controls; Enter, Space or
//    ArrowDown open the menu on its first item, ArrowUp on its last; a click opens it too;
//  - menu: role="menu" labelled by its trigger; items role="menuitem" with roving focus:
//    ArrowDown/ArrowUp (wrapping), Home/End, a letter jumps to the next item starting with it;
//    the pointer moves focus like the keyboard, so one item is highlighted at a time;
//  - Escape closes and returns focus to the trigger; choosing an item closes; Tab, a click or
//    focus outside closes.
// Content is rendered only while open, positioned under the trigger (no portal: nothing in the
// header clips it, and the header's stacking context keeps it above the page).

type Focus = "first" | "last" | "menu";

type MenuState = {
  open: boolean;
  /** Where focus goes when the menu opens: first or last item, or the menu itself (pointer). */
  focusOnOpen: Focus;
  show: (focus: Focus) => void;
  hide: (returnFocus: boolean) => void;
  triggerId: string;
  menuId: string;
};

const MenuContext = React.createContext<MenuState | null>(null);

function useMenu(): MenuState {
  const state = React.useContext(MenuContext);
  if (!state) throw new Error("Menu parts must be inside <Menu>");
  return state;
}

export function Menu({ className, children }: { className?: string; children: React.ReactNode }) {
  // null while closed; while open, where focus went on opening.
  const [openWith, setOpenWith] = React.useState<Focus | null>(null);
  const open = openWith !== null;
  const rootRef = React.useRef<HTMLDivElement>(null);
  const id = React.useId();

  const state = React.useMemo<MenuState>(
    () => ({
      open: openWith !== null,
      focusOnOpen: openWith ?? "menu",
      show: setOpenWith,
      hide(returnFocus) {
        setOpenWith(null);
        if (returnFocus) document.getElementById(`${id}-trigger`)?.focus();
      },
      triggerId: `${id}-trigger`,
      menuId: `${id}-menu`,
    }),
    [openWith, id],
  );

  React.useEffect(() => {
    if (!open) return;
    // A press anywhere outside (including on another menu's trigger) closes this one.
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpenWith(null);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [open]);

  return (
    <MenuContext.Provider value={state}>
      <div
        ref={rootRef}
        className={cn("relative flex min-w-0", className)}
        // Focus leaving the menu and its trigger (Tab, or a click elsewhere) closes it.
        onBlur={(event) => {
          if (open && !event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpenWith(null);
        }}
      >
        {children}
      </div>
    </MenuContext.Provider>
  );
}

export function MenuTrigger({ className, onKeyDown, onClick, ...props }: React.ComponentProps<"button">) {
  const menu = useMenu();
  return (
    <button
      type="button"
      id={menu.triggerId}
      aria-haspopup="menu"
      aria-expanded={menu.open}
      aria-controls={menu.open ? menu.menuId : undefined}
      data-state={menu.open ? "open" : "closed"}
      className={className}
      onClick={(event) => {
        onClick?.(event);
        // detail 0: a keyboard "click" (handled in onKeyDown); a pointer opens on the menu itself.
        if (event.detail !== 0 || !menu.open) {
          if (menu.open) menu.hide(false);
          else menu.show("menu");
        }
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        const focus: Focus | null =
          event.key === "Enter" || event.key === " " || event.key === "ArrowDown" ? "first" : event.key === "ArrowUp" ? "last" : null;
        if (focus) {
          event.preventDefault();
          menu.show(focus);
        } else if (event.key === "Escape" && menu.open) {
          event.preventDefault();
          menu.hide(true);
        }
      }}
      {...props}
    />
  );
}

function items(menu: HTMLElement): HTMLElement[] {
  return Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])'));
}

export function MenuContent({
  align = "start",
  className,
  children,
}: {
  align?: "start" | "end";
  className?: string;
  children: React.ReactNode;
}) {
  const menu = useMenu();
  const ref = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    if (!menu.open || !ref.current) return;
    const list = items(ref.current);
    const target = menu.focusOnOpen === "first" ? list[0] : menu.focusOnOpen === "last" ? list.at(-1) : undefined;
    (target ?? ref.current).focus();
  }, [menu.open, menu.focusOnOpen]);

  if (!menu.open) return null;

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const list = items(event.currentTarget);
    const at = list.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === "ArrowDown") next = list[(at + 1) % list.length];
    else if (event.key === "ArrowUp") next = list[at <= 0 ? list.length - 1 : at - 1];
    else if (event.key === "Home") next = list[0];
    else if (event.key === "End") next = list.at(-1);
    else if (event.key === "Escape") {
      event.preventDefault();
      menu.hide(true);
      return;
    } else if (event.key === "Tab") {
      menu.hide(false);
      return;
    } else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typeahead: the next item (after the focused one, wrapping) whose text starts with the key.
      const key = event.key.toLowerCase();
      const order = [...list.slice(at + 1), ...list.slice(0, at + 1)];
      next = order.find((item) => (item.textContent ?? "").trim().toLowerCase().startsWith(key));
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div
      ref={ref}
      id={menu.menuId}
      role="menu"
      aria-labelledby={menu.triggerId}
      aria-orientation="vertical"
      tabIndex={-1}
      data-state="open"
      onKeyDown={onKeyDown}
      className={cn(
        "absolute top-full z-50 mt-1.5 max-h-[calc(100vh-4.5rem)] min-w-48 overflow-x-hidden overflow-y-auto rounded-lg border border-border bg-popover p-1 text-popover-foreground shadow-lg outline-none animate-fade-in",
        align === "end" ? "right-0" : "left-0",
        className,
      )}
    >
      {children}
    </div>
  );
}

const itemClass =
  "relative flex w-full cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-left text-sm outline-none select-none focus:bg-muted [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground";

// The pointer moves focus, as the arrow keys do, so hover and keyboard share one highlight.
const focusOnHover = (event: React.PointerEvent<HTMLElement>) => {
  if (event.pointerType === "mouse" && document.activeElement !== event.currentTarget) event.currentTarget.focus();
};

/** An action in the menu: runs `onSelect`, then closes. */
export function MenuItem({ className, onSelect, ...props }: Omit<React.ComponentProps<"button">, "onSelect"> & { onSelect: () => void }) {
  const menu = useMenu();
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={cn(itemClass, className)}
      onPointerMove={focusOnHover}
      onClick={() => {
        menu.hide(true);
        onSelect();
      }}
      {...props}
    />
  );
}

/** A link in the menu (client-side navigation): Enter or Space follows it, then the menu closes. */
export function MenuLinkItem({ className, onClick, ...props }: React.ComponentProps<typeof Link>) {
  const menu = useMenu();
  return (
    <Link
      role="menuitem"
      tabIndex={-1}
      className={cn(itemClass, className)}
      onPointerMove={focusOnHover}
      onKeyDown={(event) => {
        // A link activates on Enter natively; a menu item on Space as well.
        if (event.key === " ") {
          event.preventDefault();
          event.currentTarget.click();
        }
      }}
      onClick={(event) => {
        onClick?.(event);
        menu.hide(false);
      }}
      {...props}
    />
  );
}

export function MenuLabel({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("px-2 py-1.5 text-xs font-semibold text-muted-foreground", className)} {...props} />;
}

export function MenuSeparator({ className, ...props }: React.ComponentProps<"div">) {
  return <div role="separator" className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />;
}
