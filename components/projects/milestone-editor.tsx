"use client";

import { useActionState, useEffect, useState, useTransition } from "react";

import { TextField } from "@/components/forms/text-field";
import { FormAlert } from "@/components/forms/form-alert";
import { ControlResult, useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { formatDate } from "@/lib/format";
import { completeMilestoneAction, createMilestoneAction, updateMilestoneAction } from "@/lib/projects/actions";

type Milestone = { id: string; name: string; dueDate: string; doneDate: string | null };
type State = ActionResult<{ id: string }> | null;

export function MilestoneList({
  org,
  projectId,
  milestones,
  today,
  canEdit,
}: {
  org: string;
  projectId: string;
  milestones: Milestone[];
  today: string;
  canEdit: boolean;
}) {
  return (
    <div className="space-y-3">
      {milestones.length === 0 ? <p className="text-sm text-muted-foreground">No milestones.</p> : null}
      <ul className="space-y-2 text-sm">
        {milestones.map((m) => (
          <MilestoneRow key={m.id} org={org} milestone={m} today={today} canEdit={canEdit} />
        ))}
      </ul>
      {canEdit ? <AddMilestone org={org} projectId={projectId} /> : null}
    </div>
  );
}

type RowResult = { state: ActionResult<unknown>; done: string } | null;

function MilestoneRow({ org, milestone: m, today, canEdit }: { org: string; milestone: Milestone; today: string; canEdit: boolean }) {
  const [pending, start] = useTransition();
  // The checkbox and the date field are disabled while saving, which drops focus: it goes to the
  // row's result (or refusal) instead.
  const [result, setResult] = useState<RowResult>(null);
  const { formRef, resultRef } = useFocusAfterSubmit<HTMLSpanElement, HTMLLIElement>(result?.state ?? null);
  const overdue = !m.doneDate && m.dueDate < today;
  const toggle = () =>
    start(async () => {
      const done = !m.doneDate;
      const state = await completeMilestoneAction(org, { id: m.id, done });
      if (!state.ok) toast.error(state.message);
      setResult({ state, done: done ? `${m.name} marked done.` : `${m.name} marked not done.` });
    });
  return (
    <li ref={formRef} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
      <span className="flex items-center gap-2">
        {canEdit ? (
          <input
            type="checkbox"
            aria-label={`${m.name} done`}
            checked={!!m.doneDate}
            disabled={pending}
            onChange={toggle}
            className="accent-primary"
          />
        ) : null}
        <span className={m.doneDate ? "text-muted-foreground line-through" : undefined}>{m.name}</span>
      </span>
      <span className="flex items-center gap-2">
        {canEdit && !m.doneDate ? (
          // The date field shows the due date: it is not written out beside it a second time.
          <>
            {overdue ? <span className="font-medium text-destructive">Overdue</span> : null}
            <RescheduleMilestone org={org} milestone={m} onResult={setResult} />
          </>
        ) : (
          <span className={overdue ? "font-medium text-destructive" : "text-muted-foreground"}>
            {m.doneDate ? `Done ${formatDate(m.doneDate)}` : `${overdue ? "Overdue · " : ""}${formatDate(m.dueDate)}`}
          </span>
        )}
      </span>
      <ControlResult state={result?.state ?? null} resultRef={resultRef} className="w-full">
        {result?.done}
      </ControlResult>
    </li>
  );
}

function RescheduleMilestone({
  org,
  milestone: m,
  onResult,
}: {
  org: string;
  milestone: Milestone;
  onResult: (result: RowResult) => void;
}) {
  const [pending, start] = useTransition();
  // Saved when the field is left or Enter is pressed, not on every change: typing a date key by
  // key passes through other valid dates (year 2, 20, 202…), each of which would be saved.
  function save(dueDate: string) {
    if (!dueDate || dueDate === m.dueDate) return;
    start(async () => {
      const result = await updateMilestoneAction(org, { id: m.id, name: m.name, dueDate });
      if (result.ok) toast.success("Milestone rescheduled");
      else toast.error(result.message, result.fieldErrors?.dueDate?.join(" "));
      const why =
        !result.ok && result.fieldErrors?.dueDate
          ? { ...result, message: `${result.message} ${result.fieldErrors.dueDate.join(" ")}` }
          : result;
      onResult({ state: why, done: `${m.name} rescheduled to ${formatDate(dueDate)}.` });
    });
  }
  return (
    <>
      <input
        type="date"
        aria-label={`${m.name} due date`}
        aria-describedby={`${m.id}-due-hint`}
        defaultValue={m.dueDate}
        disabled={pending}
        className="h-7 w-[8.5rem] rounded border border-input bg-background px-1 text-xs"
        onBlur={(e) => save(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            save(e.currentTarget.value);
          }
        }}
      />
      <span id={`${m.id}-due-hint`} className="sr-only">
        Saved when you leave the field or press Enter.
      </span>
    </>
  );
}

function AddMilestone({ org, projectId }: { org: string; projectId: string }) {
  const [added, setAdded] = useState("");
  const [state, formAction, pending] = useActionState<State, FormData>(async (_p, form) => {
    const result = await createMilestoneAction(org, { ...Object.fromEntries(form), projectId });
    if (result.ok) setAdded(String(form.get("name") ?? "").trim());
    return result;
  }, null);
  const { formRef: ref, resultRef } = useFocusAfterSubmit(state);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state, ref]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      ref={ref}
      onSubmit={submitKeepingInput(formAction)}
      className="space-y-2 border-t border-border pt-3"
      noValidate
      aria-label="Add a milestone"
    >
      {state && !state.ok && !state.fieldErrors ? <FormAlert state={state} /> : null}
      <div className="grid grid-cols-[1fr_9rem] gap-2">
        <TextField id="milestone-name" name="name" label="Milestone" errors={errors.name} className="h-8" />
        <TextField id="milestone-due" name="dueDate" label="Due" errors={errors.dueDate} type="date" className="h-8" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          Add milestone
        </Button>
        <p
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className={state?.ok ? "text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring" : "sr-only"}
        >
          {state?.ok ? `Milestone added: ${added}` : null}
        </p>
      </div>
    </form>
  );
}
