"use client";

import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useState, useTransition } from "react";

import { useConfirm } from "@/components/forms/use-result-focus";
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
        <ConfirmDialog
          confirmation={confirmation}
          pending={pending}
          title="Delete this saved mapping?"
          description={
            asking
              ? `The mapping for files with the columns ${asking.header.map((h) => `"${h}"`).join(", ")} will be forgotten; the next such file is mapped afresh. Imports already made stay as they are.`
              : null
          }
          keepLabel="Keep it"
          confirmLabel="Delete mapping"
          pendingLabel="Deleting…"
          onConfirm={run}
        />
      </>
    );
  }
  return { ask: confirmation.ask, dialog };
}
