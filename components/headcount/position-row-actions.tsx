"use client";

import { useActionState, useState, useTransition } from "react";

import { SearchField } from "@/components/forms/search-field";
import { usePageResult } from "@/components/forms/page-result";
import { fieldFor, FISCAL_QUARTERS, SelectField, TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { AllocationForm } from "@/components/people/allocation-form";
import { Button } from "@/components/ui/button";
import { DialogOnDemand } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { fillPositionAction, transitionPositionAction, updatePositionAction } from "@/lib/headcount/actions";
import { canTransition } from "@/lib/headcount/transitions";

const VACANT_OR_PLANNED: PositionStatus[] = ["PLANNED", "OPEN", "BACKFILL"];

/**
 * Open / Fill / Close for one position; only the transitions the table allows are offered. The
 * people and projects to pick are searched as you type, not carried in the page.
 */
export function PositionRowActions({
  org,
  position,
  today,
  canStaff,
}: {
  org: string;
  position: EditablePosition;
  today: string;
  /** The user may staff projects (projects:write): offer "Staff". */
  canStaff: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const run = (event: "open" | "close") =>
    startTransition(async () => {
      const result = await transitionPositionAction(org, { positionId: position.id, version: position.version, event });
      if (result.ok) toast.success(event === "open" ? "Position opened" : "Position closed");
      else toast.error(result.message);
    });
  return (
    <div className="flex justify-end gap-1">
      {canTransition(position.status, "open") ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => run("open")} aria-label={`Open ${position.title}`}>
          Open
        </Button>
      ) : null}
      {canTransition(position.status, "fill") ? (
        <DialogOnDemand
          trigger={
            <Button size="sm" aria-label={`Fill ${position.title}`}>
              Fill
            </Button>
          }
          title={`Fill ${position.title}`}
          description="With a new hire, or by moving someone already here into this position."
        >
          {(close) => <FillForm org={org} position={position} today={today} onDone={close} />}
        </DialogOnDemand>
      ) : null}
      {VACANT_OR_PLANNED.includes(position.status) && canStaff ? (
        <DialogOnDemand
          trigger={
            <Button size="sm" variant="outline" aria-label={`Staff a project with ${position.title}`}>
              Staff
            </Button>
          }
          title={`Allocate ${position.title} to a project`}
          description="The project shows this position as a hire it is waiting on until it is filled."
        >
          {() => <AllocationForm org={org} who={{ positionId: position.id }} today={today} />}
        </DialogOnDemand>
      ) : null}
      {position.status !== "CLOSED" ? (
        <DialogOnDemand
          trigger={
            <Button size="sm" variant="ghost" aria-label={`Edit ${position.title}`}>
              Edit
            </Button>
          }
          title={`Edit ${position.title}`}
          description="Target start, level, pay and the period it is budgeted in."
        >
          {(close) => <EditForm org={org} position={position} onDone={close} />}
        </DialogOnDemand>
      ) : null}
      {canTransition(position.status, "close") ? (
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => run("close")} aria-label={`Close ${position.title}`}>
          Close
        </Button>
      ) : null}
    </div>
  );
}

type EditablePosition = {
  id: string;
  title: string;
  level: string;
  status: PositionStatus;
  version: number;
  targetStartDate: string | null;
  budgetFiscalYear: number;
  budgetFiscalQuarter: number | null;
  loadedCostMultiplier: string | null;
  /** Present only for readers who may read pay. */
  annualCompCents?: number;
};

type EditState = ActionResult<{ positionId: string; version: number }> | null;

function EditForm({ org, position, onDone }: { org: string; position: EditablePosition; onDone: (result?: string) => void }) {
  const [state, formAction, pending] = useActionState<EditState, FormData>(async (_prev, form) => {
    const result = await updatePositionAction(org, { ...Object.fromEntries(form), positionId: position.id, version: position.version });
    if (result.ok) {
      toast.success("Position saved");
      onDone(`Saved ${String(form.get("title") ?? position.title).trim()}`);
    }
    return result;
  }, null);
  const errors = errorsOf(state);
  const field = fieldFor(errors, `ep-${position.id}`);
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormAlert state={state} unplacedField="status" />
      </div>
      <div className="sm:col-span-2">
        <TextField {...field("title")} label="Title" defaultValue={position.title} />
      </div>
      <TextField {...field("level")} label="Level" defaultValue={position.level} />
      <TextField {...field("targetStartDate")} label="Target start" type="date" defaultValue={position.targetStartDate ?? ""} />
      <TextField
        {...field("compensation")}
        label="New annual compensation"
        // Without pay access the stored pay and band are not shown, so they change together.
        help={
          position.annualCompCents === undefined
            ? "Blank keeps the current pay. To change pay or band, enter the pay and both ends of the band."
            : "Blank keeps the current amount."
        }
        inputMode="decimal"
      />
      <div className="grid grid-cols-1 gap-2 sm:col-span-2 sm:grid-cols-2">
        <TextField {...field("compBandMin")} label="New band from" help="Blank keeps the band." inputMode="decimal" />
        <TextField {...field("compBandMax")} label="New band to" inputMode="decimal" />
      </div>
      <TextField
        {...field("loadedCostMultiplier")}
        label="Loaded-cost multiplier"
        help="Blank: the organization default."
        inputMode="decimal"
        defaultValue={position.loadedCostMultiplier ?? ""}
      />
      <TextField {...field("budgetFiscalYear")} label="Budget FY" inputMode="numeric" defaultValue={position.budgetFiscalYear} />
      <SelectField
        {...field("budgetFiscalQuarter")}
        label="Quarter"
        options={FISCAL_QUARTERS}
        defaultValue={position.budgetFiscalQuarter ? String(position.budgetFiscalQuarter) : ""}
      />
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save position"}
        </Button>
      </div>
    </form>
  );
}

type FillState = ActionResult<{ positionId: string; personId: string }> | null;

function FillForm({
  org,
  position,
  today,
  onDone,
}: {
  org: string;
  position: { id: string; title: string; version: number };
  today: string;
  onDone: () => void;
}) {
  const [mode, setMode] = useState<"new" | "existing">("new");
  const showOnPage = usePageResult();
  const [state, formAction, pending] = useActionState<FillState, FormData>(async (_prev, form) => {
    const result = await fillPositionAction(org, { ...Object.fromEntries(form), positionId: position.id, version: position.version });
    if (result.ok) {
      toast.success("Position filled");
      // A filled position has no Fill button any more: the result goes at the top of the page.
      onDone();
      showOnPage(`${position.title} filled`);
    }
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} unplacedField="status" />
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Who fills it</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="new" checked={mode === "new"} onChange={() => setMode("new")} /> New hire
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="existing" checked={mode === "existing"} onChange={() => setMode("existing")} /> Existing
          person
        </label>
      </fieldset>
      {mode === "new" ? (
        <>
          <TextField id="fill-name" name="name" label="Name" errors={errors.name} />
          <TextField id="fill-email" name="email" label="Email (optional)" errors={errors.email} type="email" />
        </>
      ) : (
        <SearchField org={org} kind="person" id="fill-personId" name="personId" label="Person" errors={errors.personId} />
      )}
      <TextField
        id="fill-startDate"
        name="startDate"
        label="Start date in this position"
        errors={errors.startDate}
        type="date"
        defaultValue={today}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Fill position"}
        </Button>
      </div>
    </form>
  );
}
