"use client";

import { useActionState, useState, useTransition } from "react";

import { errorsOf, FormAlert } from "@/components/headcount/form-alert";
import { AllocationForm } from "@/components/people/allocation-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { fillPositionAction, transitionPositionAction } from "@/lib/headcount/actions";
import { canTransition } from "@/lib/headcount/transitions";

const VACANT_OR_PLANNED: PositionStatus[] = ["PLANNED", "OPEN", "BACKFILL"];

export type PersonChoice = { id: string; name: string; title: string };

/** Open / Fill / Close for one position; only the transitions the table allows are offered. */
export function PositionRowActions({ org, position, people, today, projects }: {
  org: string;
  position: { id: string; title: string; status: PositionStatus; version: number };
  people: PersonChoice[];
  today: string;
  projects: { id: string; name: string }[];
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
        <Button size="sm" variant="outline" disabled={pending} onClick={() => run("open")} aria-label={`Open ${position.title}`}>Open</Button>
      ) : null}
      {canTransition(position.status, "fill") ? <FillDialog org={org} position={position} people={people} today={today} /> : null}
      {VACANT_OR_PLANNED.includes(position.status) && projects.length ? (
        <Dialog>
          <DialogTrigger asChild>
            <Button size="sm" variant="outline" aria-label={`Staff a project with ${position.title}`}>Staff</Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Allocate {position.title} to a project</DialogTitle>
              <DialogDescription>The project shows this position as a hire it is waiting on until it is filled.</DialogDescription>
            </DialogHeader>
            <AllocationForm org={org} who={{ positionId: position.id }} projects={projects} today={today} />
          </DialogContent>
        </Dialog>
      ) : null}
      {canTransition(position.status, "close") ? (
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => run("close")} aria-label={`Close ${position.title}`}>Close</Button>
      ) : null}
    </div>
  );
}

type FillState = ActionResult<{ positionId: string; personId: string }> | null;

function FillDialog({ org, position, people, today }: { org: string; position: { id: string; title: string; version: number }; people: PersonChoice[]; today: string }) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [state, formAction, pending] = useActionState<FillState, FormData>(
    async (_prev, form) => {
      const result = await fillPositionAction(org, { ...Object.fromEntries(form), positionId: position.id, version: position.version });
      if (result.ok) {
        toast.success("Position filled");
        setOpen(false);
      }
      return result;
    },
    null,
  );
  const errors = errorsOf(state);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" aria-label={`Fill ${position.title}`}>Fill</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Fill {position.title}</DialogTitle>
          <DialogDescription>With a new hire, or by moving someone already here into this position.</DialogDescription>
        </DialogHeader>
        <form action={formAction} className="space-y-4" noValidate>
          <FormAlert state={state} />
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Who fills it</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" value="new" checked={mode === "new"} onChange={() => setMode("new")} /> New hire
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" value="existing" checked={mode === "existing"} onChange={() => setMode("existing")} /> Existing person
            </label>
          </fieldset>
          {mode === "new" ? (
            <>
              <FormField id="fill-name" label="Name" errors={errors.name}>
                <Input id="fill-name" name="name" {...describedBy("fill-name", errors.name)} />
              </FormField>
              <FormField id="fill-email" label="Email (optional)" errors={errors.email}>
                <Input id="fill-email" name="email" type="email" {...describedBy("fill-email", errors.email)} />
              </FormField>
            </>
          ) : (
            <FormField id="fill-personId" label="Person" errors={errors.personId}>
              <NativeSelect id="fill-personId" name="personId" {...describedBy("fill-personId", errors.personId)}>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>{p.name} — {p.title}</option>
                ))}
              </NativeSelect>
            </FormField>
          )}
          <FormField id="fill-startDate" label="Start date in this position" errors={errors.startDate}>
            <Input id="fill-startDate" name="startDate" type="date" defaultValue={today} {...describedBy("fill-startDate", errors.startDate)} />
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Fill position"}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
