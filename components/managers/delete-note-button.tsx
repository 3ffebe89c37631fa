"use client";

import { useState, useTransition } from "react";

import { usePageResult } from "@/components/forms/page-result";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { deleteManagerNoteAction } from "@/lib/managers/actions";

/**
 * Deletes a note or goal after asking in a dialog (not the browser's confirm()); the note's row
 * goes away, so the result is shown, and focused, at the top of the page.
 */
export function DeleteNoteButton({ org, noteId, label }: { org: string; noteId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const showOnPage = usePageResult();
  const remove = () =>
    start(async () => {
      const result = await deleteManagerNoteAction(org, { noteId });
      if (result.ok) {
        toast.success("Deleted");
        setOpen(false);
        showOnPage(`${label.replace(/^Delete/, "Deleted")}.`);
      } else setError(result.message);
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="ghost" size="sm" aria-label={label}>
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{label}?</DialogTitle>
          <DialogDescription>It is removed from this manager&apos;s notes for good.</DialogDescription>
        </DialogHeader>
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            Keep it
          </Button>
          <Button variant="destructive" onClick={remove} disabled={pending}>
            {pending ? "Deleting…" : "Delete"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
