"use client";

import { differenceInCalendarDays } from "date-fns";
import { useEffect, useRef, useState, useTransition } from "react";

import { usePageResult } from "@/components/forms/page-result";
import { useResultFocus } from "@/components/forms/use-result-focus";
import { StatusUpdateForm, type UpdateBeingEdited } from "@/components/projects/status-update-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { deleteStatusUpdateAction } from "@/lib/projects/actions";
import type { ChosenHealth, HealthReason } from "@/lib/projects/health-rules";
import { UPDATE_EDIT_WINDOW_HOURS } from "@/lib/projects/update-limits";

/** Edit and Delete on the author's own update while it is still theirs to change (the server checks again). */
export function UpdateAuthorActions({
  org,
  projectId,
  projectName,
  update,
  editableUntil,
  suggestion,
}: {
  org: string;
  projectId: string;
  projectName: string;
  update: UpdateBeingEdited;
  /** When the edit window closes (ISO): posted time + UPDATE_EDIT_WINDOW_HOURS. */
  editableUntil: string;
  suggestion: { health: ChosenHealth; reasons: HealthReason[] };
}) {
  const [editOpen, setEditOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [pending, start] = useTransition();
  // Saved: the result beside the Edit button takes focus when the dialog closes. Deleted: the
  // update goes away, so the result is shown and focused at the top of the page.
  const edited = useResultFocus();
  const showOnPage = usePageResult();
  const [refusal, setRefusal] = useState<{ message: string } | null>(null);
  const refusalRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);
  const remove = () =>
    start(async () => {
      const result = await deleteStatusUpdateAction(org, { updateId: update.id });
      if (result.ok) {
        toast.success("Update deleted");
        setDeleteOpen(false);
        showOnPage(`Update deleted: ${update.summary}`);
      } else {
        toast.error(result.message);
        setRefusal({ message: result.message });
      }
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Dialog open={editOpen} onOpenChange={setEditOpen}>
        <DialogTrigger asChild>
          <Button size="sm" variant="outline" aria-label={`Edit update: ${update.summary}`}>
            Edit
          </Button>
        </DialogTrigger>
        <DialogContent className="max-w-2xl" onCloseAutoFocus={edited.onCloseAutoFocus}>
          <DialogHeader>
            <DialogTitle>Edit your update on {projectName}</DialogTitle>
            <DialogDescription>
              You can correct an update for {UPDATE_EDIT_WINDOW_HOURS} hours after posting it: this one is <Deadline iso={editableUntil} />.
              It then shows as edited.
            </DialogDescription>
          </DialogHeader>
          <StatusUpdateForm
            org={org}
            projectId={projectId}
            suggestion={suggestion}
            current={update.health}
            editing={update}
            onDone={(result) => {
              edited.show(result);
              setEditOpen(false);
            }}
          />
        </DialogContent>
      </Dialog>
      {edited.note}
      <Dialog
        open={deleteOpen}
        onOpenChange={(next) => {
          if (pending) return;
          setDeleteOpen(next);
          setRefusal(null);
        }}
      >
        <DialogTrigger asChild>
          <Button size="sm" variant="ghost" aria-label={`Delete update: ${update.summary}`}>
            Delete
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Delete this update?</DialogTitle>
            <DialogDescription>
              &ldquo;{update.summary}&rdquo; goes from {projectName}; the project shows its previous update again. The audit log keeps a
              record.
            </DialogDescription>
          </DialogHeader>
          {refusal ? (
            <p ref={refusalRef} role="alert" tabIndex={-1} className="text-sm text-destructive focus:outline-none">
              {refusal.message}
            </p>
          ) : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => setDeleteOpen(false)} disabled={pending}>
              Keep it
            </Button>
            <Button variant="destructive" onClick={remove} disabled={pending}>
              {pending ? "Deleting…" : "Delete update"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <span className="text-xs text-muted-foreground">
        You can change it: <Deadline iso={editableUntil} />
      </span>
    </div>
  );
}

/**
 * "editable until 14:32" (today), "until tomorrow 09:05", or with the weekday, in the reader's
 * time zone: the server renders it in its own, so the browser's text replaces it.
 */
function Deadline({ iso }: { iso: string }) {
  const at = new Date(iso);
  const now = new Date();
  const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  // Calendar days in the reader's own time zone, not UTC's.
  const days = differenceInCalendarDays(at, now);
  const day =
    days === 0
      ? ""
      : days === 1
        ? "tomorrow "
        : `${new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" }).format(at)}, `;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      editable until {day}
      {time}
    </time>
  );
}
