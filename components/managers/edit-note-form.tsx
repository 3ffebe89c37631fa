"use client";

import { useActionState, useTransition } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { setManagerGoalDoneAction, updateManagerNoteAction } from "@/lib/managers/actions";

type State = ActionResult<{ id: string }> | null;

/** Edit a development note or goal's text and check-in date (collapsed until opened). */
export function EditNoteForm({
  org,
  note,
  label,
}: {
  org: string;
  note: { id: string; kind: "NOTE" | "GOAL"; body: string; checkInOn: string | null };
  label: string;
}) {
  const id = (f: string) => `mn-${note.id}-${f}`;
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await updateManagerNoteAction(org, { ...Object.fromEntries(form), noteId: note.id });
    if (result.ok) toast.success("Saved");
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Edit</summary>
      <form onSubmit={submitKeepingInput(formAction)} className="mt-2 space-y-3" noValidate aria-label={label}>
        <FormAlert state={state} />
        <FormField id={id("checkInOn")} label={note.kind === "GOAL" ? "Check in on" : "Check in on (optional)"} errors={errors.checkInOn}>
          <Input
            id={id("checkInOn")}
            name="checkInOn"
            type="date"
            defaultValue={note.checkInOn ?? ""}
            className="max-w-48"
            {...describedBy(id("checkInOn"), errors.checkInOn)}
          />
        </FormField>
        <FormField id={id("body")} label={note.kind === "GOAL" ? "Goal" : "Note"} errors={errors.body}>
          <Textarea
            id={id("body")}
            name="body"
            rows={3}
            maxLength={4000}
            defaultValue={note.body}
            {...describedBy(id("body"), errors.body)}
          />
        </FormField>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </form>
    </details>
  );
}

/** Mark a goal done, or open it again. */
export function GoalDoneButton({ org, noteId, done }: { org: string; noteId: string; done: boolean }) {
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await setManagerGoalDoneAction(org, { noteId, done: !done });
          if (result.ok) toast.success(done ? "Goal reopened" : "Goal done");
          else toast.error(result.message);
        })
      }
    >
      {done ? "Reopen goal" : "Mark done"}
    </Button>
  );
}
