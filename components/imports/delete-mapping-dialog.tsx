"use client";

import { useState, useTransition } from "react";

import { useConfirm } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import type { SavedLedgerMapping } from "@/lib/imports/queries";

/**
 * Deleting a saved mapping from the import wizard, after the app's confirmation dialog: the next
 * file of that shape is mapped afresh. `remove` is the kind's delete action.
 */
export function useDeleteMapping(org: string, remove: (org: string, input: { id: string }) => Promise<ActionResult<{ id: string }>>) {
  const confirmation = useConfirm<SavedLedgerMapping>();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const { asking, outcomeRef } = confirmation;

  function dialog(onDeleted: (m: SavedLedgerMapping) => void) {
    const run = (m: SavedLedgerMapping) =>
      startTransition(async () => {
        const result = await remove(org, { id: m.id });
        if (result.ok) {
          toast.success("Saved mapping deleted");
          onDeleted(m);
        } else toast.error("Could not delete the mapping", result.message);
        setOutcome({ ok: result.ok, text: result.ok ? "Saved mapping deleted: this file is mapped afresh below." : result.message });
        confirmation.settle();
      });
    return (
      <>
        <p
          ref={outcomeRef}
          tabIndex={-1}
          role="status"
          className={outcome ? (outcome.ok ? "text-sm font-medium" : "text-sm font-medium text-destructive") : "sr-only"}
        >
          {outcome?.text}
        </p>
        <Dialog open={asking !== null} onOpenChange={(open) => (open || pending ? null : confirmation.cancel())}>
          <DialogContent onCloseAutoFocus={confirmation.onCloseAutoFocus}>
            <DialogHeader>
              <DialogTitle>Delete this saved mapping?</DialogTitle>
              <DialogDescription>
                {asking
                  ? `The mapping for files with the columns ${asking.header.map((h) => `"${h}"`).join(", ")} will be forgotten; the next such file is mapped afresh. Imports already made stay as they are.`
                  : null}
              </DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={confirmation.cancel} disabled={pending}>
                Keep it
              </Button>
              <Button variant="destructive" onClick={() => asking && run(asking)} disabled={pending}>
                {pending ? "Deleting…" : "Delete mapping"}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </>
    );
  }
  return { ask: confirmation.ask, dialog };
}
