"use client";

import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Undo2 } from "lucide-react";
import { useState, useTransition } from "react";

import { useConfirm } from "@/components/forms/use-result-focus";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { revertImportAction } from "@/lib/budgets/actions";
import type { ImportBatchRow } from "@/lib/budgets/queries";
import { formatRelative, humanize } from "@/lib/format";

const lines = (n: number) => `${n} ledger ${n === 1 ? "line" : "lines"}`;

/** Recent imports; ledger imports can be reverted (deletes exactly that batch's lines) after a confirmation dialog. */
export function ImportHistory({
  org,
  batches,
  canRevert,
  now,
}: {
  org: string;
  batches: ImportBatchRow[];
  canRevert: boolean;
  now: string;
}) {
  const [pending, startTransition] = useTransition();
  // The dialog has no trigger of its own: the row's Revert button that opened it gets focus back.
  const confirmation = useConfirm<ImportBatchRow>();
  const { asking: confirming, outcomeRef } = confirmation;
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (batches.length === 0) return <p className="text-sm text-muted-foreground">No imports yet.</p>;

  function revert(b: ImportBatchRow) {
    startTransition(async () => {
      const result = await revertImportAction(org, { batchId: b.id });
      const text = result.ok
        ? `Reverted "${b.fileName}": ${lines(result.data.deletedCount)} removed.`
        : `Could not revert "${b.fileName}": ${result.message}`;
      if (result.ok) toast.success(`Reverted "${b.fileName}"`, `${lines(result.data.deletedCount)} removed.`);
      else toast.error("Could not revert", result.message);
      setOutcome({ ok: result.ok, text });
      // The button that opened the dialog is gone once the batch reads Reverted: focus the result instead.
      confirmation.settle();
    });
  }

  return (
    <div className="space-y-2">
      <p
        ref={outcomeRef}
        tabIndex={-1}
        role="status"
        className={outcome ? (outcome.ok ? "text-sm font-medium" : "text-sm font-medium text-destructive") : "sr-only"}
      >
        {outcome?.text}
      </p>
      <Table aria-label="Imports">
        <TableHeader>
          <TableRow>
            <TableHead>File</TableHead>
            <TableHead>Kind</TableHead>
            <TableHead>When</TableHead>
            <TableHead>By</TableHead>
            <TableHead className="text-right">Rows</TableHead>
            <TableHead className="text-right">Imported</TableHead>
            <TableHead className="text-right">Skipped</TableHead>
            <TableHead>Status</TableHead>
            {canRevert ? <TableHead className="sr-only">Actions</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {batches.map((b) => (
            <TableRow key={b.id}>
              <TableCell className="font-medium">{b.fileName}</TableCell>
              <TableCell>{b.kind === "BUDGET" ? "Plan" : humanize(b.kind)}</TableCell>
              <TableCell>{formatRelative(b.createdAt, now)}</TableCell>
              <TableCell>{b.createdBy}</TableCell>
              <TableCell className="text-right tabular-nums">{b.rowCount}</TableCell>
              <TableCell className="text-right tabular-nums">{b.insertedCount}</TableCell>
              <TableCell className="text-right tabular-nums">{b.skippedCount}</TableCell>
              <TableCell>
                <Badge variant={b.status === "REVERTED" ? "secondary" : "outline"}>{humanize(b.status)}</Badge>
              </TableCell>
              {canRevert ? (
                <TableCell className="text-right">
                  {b.kind === "ACTUALS" && b.status === "COMPLETED" ? (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={pending}
                      onClick={(e) => confirmation.ask(b, e.currentTarget)}
                      aria-label={`Revert ${b.fileName}`}
                    >
                      <Undo2 className="size-4" aria-hidden />
                      Revert
                    </Button>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        confirmation={confirmation}
        pending={pending}
        title="Revert this import?"
        description={
          confirming
            ? `"${confirming.fileName}": its ${lines(confirming.insertedCount)} will be deleted from the ledger. The import stays in this list as Reverted, and the audit log keeps a record.`
            : null
        }
        keepLabel="Keep it"
        confirmLabel="Revert import"
        pendingLabel="Reverting…"
        onConfirm={revert}
      />
    </div>
  );
}
