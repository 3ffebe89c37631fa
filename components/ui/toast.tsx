"use client";

import { CircleCheck, CircleX, Info, X } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import * as React from "react";

import { cn } from "@/lib/utils";

// A tiny module-level store so that toast() can be called from anywhere on the client (event
// handlers, after a server action returns) without threading a context through every form.

type ToastVariant = "default" | "success" | "error";

export type ToastInput = {
  title: React.ReactNode;
  description?: React.ReactNode;
  variant?: ToastVariant;
  /** Milliseconds before auto-dismiss. Errors stay a little longer by default. */
  duration?: number;
  action?: { label: string; onClick: () => void };
};

type ToastEntry = ToastInput & { id: number; open: boolean };

const MAX_TOASTS = 3;
let entries: ToastEntry[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: ToastEntry[]) {
  entries = next;
  for (const listener of listeners) listener();
}

export function toast(input: ToastInput): number {
  const id = nextId++;
  emit([...entries, { ...input, id, open: true }].slice(-MAX_TOASTS));
  return id;
}

toast.success = (title: React.ReactNode, description?: React.ReactNode) => toast({ title, description, variant: "success" });
toast.error = (title: React.ReactNode, description?: React.ReactNode) => toast({ title, description, variant: "error" });

function dismissToast(id?: number) {
  emit(entries.map((t) => (id === undefined || t.id === id ? { ...t, open: false } : t)));
  // Keep the closed entry long enough for the exit animation, then drop it.
  setTimeout(() => emit(entries.filter((t) => t.open || (id !== undefined && t.id !== id))), 200);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: ToastEntry[] = [];

function useToast() {
  const toasts = React.useSyncExternalStore(
    subscribe,
    () => entries,
    () => EMPTY,
  );
  return { toasts, toast, dismiss: dismissToast };
}

const ICONS = { default: Info, success: CircleCheck, error: CircleX } as const;

export function Toaster() {
  const { toasts, dismiss } = useToast();
  return (
    <ToastPrimitive.Provider swipeDirection="right" label="Notification">
      {toasts.map(({ id, title, description, variant = "default", duration, action, open }) => {
        const Icon = ICONS[variant];
        return (
          <ToastPrimitive.Root
            key={id}
            open={open}
            onOpenChange={(o) => (o ? undefined : dismiss(id))}
            duration={duration ?? (variant === "error" ? 8000 : 5000)}
            // Errors interrupt screen readers; confirmations are announced politely.
            type={variant === "error" ? "foreground" : "background"}
            className={cn(
              "group pointer-events-auto relative flex w-full items-start gap-3 rounded-lg border bg-background p-4 pr-9 shadow-lg",
              "data-[state=open]:animate-slide-in data-[state=closed]:opacity-0 data-[state=closed]:transition-opacity",
              "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=end]:translate-x-(--radix-toast-swipe-end-x)",
              variant === "error" ? "border-health-off-track/30" : "border-border",
            )}
          >
            <Icon
              aria-hidden
              className={cn(
                "mt-0.5 size-5 shrink-0",
                variant === "success" && "text-health-on-track",
                variant === "error" && "text-health-off-track",
                variant === "default" && "text-primary",
              )}
            />
            <div className="grid flex-1 gap-1">
              <ToastPrimitive.Title className="text-sm font-semibold">{title}</ToastPrimitive.Title>
              {description ? (
                <ToastPrimitive.Description className="text-sm text-muted-foreground">{description}</ToastPrimitive.Description>
              ) : null}
              {action ? (
                <ToastPrimitive.Action altText={action.label} asChild>
                  <button
                    type="button"
                    onClick={action.onClick}
                    className="mt-1 w-fit rounded-md border border-input px-2.5 py-1 text-xs font-medium hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  >
                    {action.label}
                  </button>
                </ToastPrimitive.Action>
              ) : null}
            </div>
            <ToastPrimitive.Close
              aria-label="Dismiss notification"
              className="absolute top-3 right-3 rounded-sm p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <X className="size-4" aria-hidden />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[100] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}
