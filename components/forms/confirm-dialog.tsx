"use client";

import type * as React from "react";

import type { useConfirm } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/**
 * The app's "are you sure?" for a destructive step (never `window.confirm`): open while
 * `confirmation` asks about something, closed by Escape or the keep button unless the step is
 * running; focus goes back to the opener on cancel, to the outcome once settled (useConfirm).
 */
export function ConfirmDialog<T>({
  confirmation,
  pending,
  title,
  description,
  keepLabel,
  confirmLabel,
  pendingLabel,
  onConfirm,
}: {
  confirmation: ReturnType<typeof useConfirm<T>>;
  pending: boolean;
  title: React.ReactNode;
  description: React.ReactNode;
  keepLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: (about: T) => void;
}) {
  const { asking } = confirmation;
  return (
    <Dialog open={asking !== null} onOpenChange={(open) => (open || pending ? null : confirmation.cancel())}>
      <DialogContent onCloseAutoFocus={confirmation.onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={confirmation.cancel} disabled={pending}>
            {keepLabel}
          </Button>
          <Button variant="destructive" onClick={() => asking !== null && onConfirm(asking)} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
