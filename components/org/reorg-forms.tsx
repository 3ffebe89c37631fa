"use client";

import { CalendarClock, Play, Plus, Trash2, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";

import { SearchField } from "@/components/forms/search-field";
import { fieldFor, TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { usePageResult } from "@/components/forms/page-result";
import { useToastedAction } from "@/components/forms/use-toasted-action";
import { UnitFields } from "@/components/org/unit-fields";
import { Button } from "@/components/ui/button";
import { DialogOnDemand } from "@/components/ui/dialog";
import { describedBy, FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { formatDate } from "@/lib/format";
import {
  addReorgStepAction,
  applyReorgAction,
  cancelReorgAction,
  createReorgAction,
  removeReorgStepAction,
  scheduleReorgAction,
} from "@/lib/org/actions";

// The reorg editor's forms (app/(app)/[org]/teams/reorgs). Plain forms with native controls and
// the search pickers, so every step can be added from the keyboard; each submits through its
// server action and shows every field error at its field.

type ReorgRef = { id: string; version: number; name: string };
type NewUnit = { ref: string; name: string; code: string };

export function NewReorgForm({ org }: { org: string }) {
  const [state, action, pending] = useToastedAction((input) => createReorgAction(org, input), {
    done: "Reorg drafted: add its steps below",
    navigate: (d) => `/${org}/teams/reorgs/${d.reorgId}`,
  });
  const errors = errorsOf(state);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate aria-label="New reorg">
      <div className="w-full">
        <FormAlert state={state} />
      </div>
      <div className="w-full max-w-sm">
        <TextField
          id="rg-name"
          name="name"
          label="Name"
          errors={errors.name}
          autoComplete="off"
          placeholder="e.g. Platform consolidation"
        />
      </div>
      <Button type="submit" disabled={pending}>
        <Plus aria-hidden className="size-4" /> {pending ? "Saving…" : "Draft a reorg"}
      </Button>
    </form>
  );
}

const KINDS = [
  ["move", "Move a unit under another parent"],
  ["merge", "Merge a unit into a sibling"],
  ["create", "Create a new unit"],
  ["person", "Move a person to another unit"],
  ["lead", "Change a unit's lead"],
] as const;

export function AddStepForm({ org, reorg, newUnits }: { org: string; reorg: ReorgRef; newUnits: NewUnit[] }) {
  const [kind, setKind] = useState<(typeof KINDS)[number][0]>("move");
  const [state, action, pending] = useToastedAction(
    ({ kind: k, ...fields }) => addReorgStepAction(org, { reorgId: reorg.id, version: reorg.version, step: { kind: k, ...fields } }),
    { done: "Step added: it is the last step in the list", onPage: true },
  );
  const all = errorsOf(state);
  // The step's fields come back as "step.<field>"; shown at the field of the same name.
  const errors = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.replace(/^step\./, ""), v]));
  const field = fieldFor(errors, "st");
  // A unit picker also offers the units earlier steps create.
  const created = newUnits.map((u) => ({ id: u.ref, name: `${u.name} (new)`, title: u.code }));
  const unitPicker = (name: string, label: string, help?: string) => (
    <SearchField kind="unit" org={org} {...field(name)} label={label} help={help} fixed={created} />
  );
  return (
    <form action={action} key={reorg.version} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Add a step">
      <div className="sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <div className="sm:col-span-2">
        <FormField id="st-kind" label="Step" errors={errors.kind}>
          <NativeSelect
            id="st-kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            {...describedBy("st-kind", errors.kind)}
          >
            {KINDS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      {kind === "move" ? (
        <>
          {unitPicker("unit", "Unit", "Moves with every unit below it.")}
          {unitPicker("parent", "New parent")}
        </>
      ) : kind === "merge" ? (
        <>
          {unitPicker("unit", "Unit to merge", "It closes; what is live inside moves.")}
          {unitPicker("target", "Into (a sibling)")}
        </>
      ) : kind === "create" ? (
        <>
          <div className="sm:col-span-2">{unitPicker("parent", "Parent unit")}</div>
          <UnitFields prefix="st" errors={errors} codeHelp="Later steps can name the unit by it." kindName="unitKind" />
          <SearchField kind="person" org={org} {...field("leadId")} label="Lead" emptyLabel="No lead yet" />
        </>
      ) : kind === "person" ? (
        <>
          <SearchField kind="person" org={org} {...field("personId")} label="Person" />
          {unitPicker("unit", "To unit")}
          <SearchField
            kind="person"
            org={org}
            {...field("managerId")}
            label="Manager"
            emptyLabel="Keep the current manager"
            fixed={[{ id: "none", name: "No manager" }]}
          />
        </>
      ) : (
        <>
          {unitPicker("unit", "Unit")}
          <SearchField kind="person" org={org} {...field("leadId")} label="New lead" emptyLabel="No lead" />
        </>
      )}
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" disabled={pending}>
          <Plus aria-hidden className="size-4" /> {pending ? "Adding…" : "Add step"}
        </Button>
      </div>
    </form>
  );
}

export function RemoveStepButton({ org, reorg, index, text }: { org: string; reorg: ReorgRef; index: number; text: string }) {
  const [state, action, pending] = useToastedAction(
    () => removeReorgStepAction(org, { reorgId: reorg.id, version: reorg.version, index }),
    {
      done: "Step removed",
      onPage: true,
    },
  );
  return (
    <form action={action} className="inline">
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Remove step ${index + 1}: ${text}`}>
        <Trash2 aria-hidden /> Remove
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {state.message} {state.fieldErrors?.index?.join(" ")}
        </p>
      ) : null}
    </form>
  );
}

function ConfirmForm({
  run,
  done,
  label,
  destructive,
  onDone,
}: {
  run: () => Promise<ActionResult<unknown>>;
  done: string;
  label: string;
  destructive?: boolean;
  onDone: () => void;
}) {
  // The reorg's buttons change with its status: its result goes at the top of the page.
  const [state, action, pending] = useToastedAction(run, { done, onDone, onPage: true });
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onDone}>
          Keep as is
        </Button>
        <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
          {pending ? "Working…" : label}
        </Button>
      </div>
    </form>
  );
}

/** Apply now, schedule, cancel: each behind a dialog that says what will happen. */
export function ReorgControls({
  org,
  reorg,
  status,
  steps,
  today,
}: {
  org: string;
  reorg: ReorgRef;
  status: string;
  steps: number;
  today: string;
}) {
  const canRun = (status === "DRAFT" || status === "SCHEDULED") && steps > 0;
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Apply, schedule or cancel">
      {canRun ? (
        <DialogOnDemand
          title={`Apply “${reorg.name}” now?`}
          description={`All ${steps} ${steps === 1 ? "step" : "steps"} are applied together, today, as the preview below shows; each is audited. This cannot be undone by Keel (a new reorg can change things back).`}
          trigger={
            <Button>
              <Play aria-hidden className="size-4" /> Apply now
            </Button>
          }
        >
          {(close) => (
            <ConfirmForm
              run={() => applyReorgAction(org, { reorgId: reorg.id, version: reorg.version })}
              done="Reorg applied"
              label="Apply now"
              onDone={close}
            />
          )}
        </DialogOnDemand>
      ) : null}
      {status === "DRAFT" && steps > 0 ? (
        <DialogOnDemand
          title={`Schedule “${reorg.name}”`}
          description="It applies itself on that day (the first run after midnight UTC). Until then it can be cancelled, and no other scheduled reorg may touch its units."
          trigger={
            <Button variant="outline">
              <CalendarClock aria-hidden className="size-4" /> Schedule…
            </Button>
          }
        >
          {(close) => <ScheduleForm org={org} reorg={reorg} today={today} onDone={close} />}
        </DialogOnDemand>
      ) : null}
      {status === "DRAFT" || status === "SCHEDULED" || status === "FAILED" ? (
        <DialogOnDemand
          title={`Cancel “${reorg.name}”?`}
          description="Nothing of it is applied; it stays in the list as cancelled."
          trigger={
            <Button variant="outline">
              <XCircle aria-hidden className="size-4" /> Cancel reorg
            </Button>
          }
        >
          {(close) => (
            <ConfirmForm
              run={() => cancelReorgAction(org, { reorgId: reorg.id, version: reorg.version })}
              done="Reorg cancelled"
              label="Cancel reorg"
              destructive
              onDone={close}
            />
          )}
        </DialogOnDemand>
      ) : null}
    </div>
  );
}

function ScheduleForm({ org, reorg, today, onDone }: { org: string; reorg: ReorgRef; today: string; onDone: () => void }) {
  const router = useRouter();
  const showOnPage = usePageResult();
  const [state, action, pending] = useActionState<ActionResult<unknown> | null, FormData>(async (_prev, form) => {
    const result = await scheduleReorgAction(org, { reorgId: reorg.id, version: reorg.version, effectiveOn: form.get("effectiveOn") });
    if (result.ok) {
      toast.success("Reorg scheduled");
      onDone();
      showOnPage(`Reorg scheduled for ${formatDate(String(form.get("effectiveOn")))}`);
      router.refresh();
    }
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <TextField
        id="rs-effectiveOn"
        name="effectiveOn"
        label="Effective on"
        errors={errors.effectiveOn}
        help="Today or later; months before this one are closed."
        type="date"
        min={today}
        defaultValue={today}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onDone}>
          Keep as draft
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Scheduling…" : "Schedule"}
        </Button>
      </div>
    </form>
  );
}
