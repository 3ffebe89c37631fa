"use client";

import { X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import * as React from "react";

import { usePageResultClaimsFocus } from "@/components/forms/page-result";
import { useResultFocus } from "@/components/forms/use-result-focus";
import { cn } from "@/lib/utils";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
const DialogPortal = DialogPrimitive.Portal;

function DialogOverlay({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Overlay>) {
  return (
    <DialogPrimitive.Overlay
      data-slot="dialog-overlay"
      className={cn("fixed inset-0 z-50 bg-slate-900/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in", className)}
      {...props}
    />
  );
}

export function DialogContent({
  className,
  children,
  showClose = true,
  onEscapeKeyDown,
  onCloseAutoFocus,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Content> & { showClose?: boolean }) {
  const pageResultClaimsFocus = usePageResultClaimsFocus();
  return (
    <DialogPortal>
      <DialogOverlay />
      <DialogPrimitive.Content
        data-slot="dialog-content"
        className={cn(
          "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-xl border border-border bg-background p-6 shadow-xl data-[state=open]:animate-fade-in focus:outline-none",
          className,
        )}
        {...props}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          // The action showed its result at the top of the page (page-result.tsx): focus stays
          // there, not on the trigger, which may go with the row the action removed.
          if (!event.defaultPrevented && pageResultClaimsFocus()) event.preventDefault();
        }}
        onEscapeKeyDown={(event) => {
          // Escape in an open search picker (components/ui/search-combobox.tsx) closes its list, not the dialog.
          const target = event.target as HTMLElement | null;
          if (target?.getAttribute("role") === "combobox" && target.getAttribute("aria-expanded") === "true") event.preventDefault();
          onEscapeKeyDown?.(event);
        }}
      >
        {children}
        {showClose ? (
          <DialogPrimitive.Close className="absolute top-4 right-4 rounded-sm p-1 text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <X className="size-4" aria-hidden />
            <span className="sr-only">Close</span>
          </DialogPrimitive.Close>
        ) : null}
      </DialogPrimitive.Content>
    </DialogPortal>
  );
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="dialog-header" className={cn("flex flex-col gap-1.5 pr-6", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="dialog-footer" className={cn("flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end", className)} {...props} />
  );
}

export function DialogTitle({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title data-slot="dialog-title" className={cn("text-lg leading-none font-semibold", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Description>) {
  return (
    <DialogPrimitive.Description data-slot="dialog-description" className={cn("text-sm text-muted-foreground", className)} {...props} />
  );
}

/**
 * A trigger whose dialog is mounted only while open. For dialogs repeated per table row: 100 rows
 * × 3 Radix dialog roots (with their forms' state hooks) cost server render and hydration for
 * dialogs nobody opened. Closing returns focus to the trigger, as a DialogTrigger would.
 */
export function DialogOnDemand({
  trigger,
  title,
  description,
  className,
  children,
}: {
  trigger: React.ReactElement<React.ComponentProps<"button">>;
  title: React.ReactNode;
  description?: React.ReactNode;
  className?: string;
  /**
   * The dialog's body; `close` closes it. Closed with a result ("Position opened"), the result is
   * shown beside the trigger and focused, so the keyboard lands on what the form did.
   */
  children: (close: (result?: string) => void) => React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  const ref = React.useRef<HTMLButtonElement>(null);
  const outcome = useResultFocus();
  return (
    <>
      {React.cloneElement(trigger, {
        ref,
        onClick: () => setOpen(true),
        "aria-haspopup": "dialog",
        "aria-expanded": open,
      } as React.ComponentProps<"button">)}
      {outcome.note}
      {open ? (
        <Dialog open onOpenChange={setOpen}>
          <DialogContent
            className={className}
            onCloseAutoFocus={(event) => {
              outcome.onCloseAutoFocus(event);
              if (event.defaultPrevented) return;
              event.preventDefault();
              ref.current?.focus();
            }}
          >
            <DialogHeader>
              <DialogTitle>{title}</DialogTitle>
              {description ? <DialogDescription>{description}</DialogDescription> : null}
            </DialogHeader>
            {children((text) => {
              if (text) outcome.show(text);
              setOpen(false);
            })}
          </DialogContent>
        </Dialog>
      ) : null}
    </>
  );
}
