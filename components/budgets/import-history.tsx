"use client";

import { Undo2 } from "lucide-react";
import { useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { revertImportAction } from "@/lib/budgets/actions";
import type { ImportBatchRow } from "@/lib/budgets/queries";
import { formatRelative, humanize } from "@/lib/format";

/** Recent imports; ledger imports can be reverted (deletes exactly that batch's lines). */
export function ImportHistory({ org, batches, canRevert, now }: { org: string; batches: ImportBatchRow[]; canRevert: boolean; now: string }) {
  const [pending, startTransition] = useTransition();
  if (batches.length === 0) return <p className="text-sm text-muted-foreground">No imports yet.</p>;

  function revert(b: ImportBatchRow) {
    if (!window.confirm(`Revert "${b.fileName}"? Its ${b.insertedCount} ledger line(s) will be deleted.`)) return;
    startTransition(async () => {
      const result = await revertImportAction(org, { batchId: b.id });
      if (result.ok) toast.success(`Reverted "${b.fileName}"`, `${result.data.deletedCount} line(s) removed.`);
      else toast.error("Could not revert", result.message);
    });
  }

  return (
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
                  <Button variant="outline" size="sm" disabled={pending} onClick={() => revert(b)}>
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
  );
}
