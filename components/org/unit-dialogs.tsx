"use client";

import { Combine, FolderTree, Lock, type LucideIcon, Pencil, Plus, UserRound } from "lucide-react";
import type * as React from "react";

import { DialogForm } from "@/components/forms/dialog-form";
import { errorsOf } from "@/components/forms/form-alert";
import { SearchField } from "@/components/forms/search-field";
import { useToastedAction } from "@/components/forms/use-toasted-action";
import { UnitFields } from "@/components/org/unit-fields";
import { Button } from "@/components/ui/button";
import { DialogOnDemand } from "@/components/ui/dialog";
import { describedBy, FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import type { SearchOption } from "@/components/ui/search-combobox";
import type { ActionResult } from "@/lib/action-result";
import { closeUnitAction, createUnitAction, mergeUnitAction, moveUnitAction, setUnitLeadAction, updateUnitAction } from "@/lib/org/actions";

// The org tree edit dialogs (unit page and teams page). Each mounts only while open, submits
// through its server action (lib/org/actions.ts) and shows every field error at its field.
// Pickers search as you type (units: /[org]/teams/search, people: /[org]/people/search).

export type UnitRefDto = { id: string; name: string; code: string };
export type UnitDto = UnitRefDto & { kind: string; version: number; lead: { id: string; name: string } | null };

const asOption = (u: UnitRefDto | null): SearchOption | null => (u ? { id: u.id, name: u.name, title: u.code } : null);

/** A unit dialog's input: the form's fields and the unit with the version the form was opened at. */
const onUnit = (unit: UnitDto, input: Record<string, unknown>) => ({ ...input, unitId: unit.id, version: unit.version });

/** A dialog of the unit page, opened by a small outline button; `disabledWhy` disables it and says why. */
export function UnitDialog({
  title,
  description,
  icon: Icon,
  label,
  disabledWhy,
  children,
}: {
  title: string;
  description: string;
  icon: LucideIcon;
  label: string;
  disabledWhy?: string;
  children: (close: () => void) => React.ReactNode;
}) {
  return (
    <DialogOnDemand
      title={title}
      description={description}
      trigger={
        <Button variant="outline" size="sm" disabled={disabledWhy !== undefined} title={disabledWhy}>
          <Icon aria-hidden /> {label}
        </Button>
      }
    >
      {children}
    </DialogOnDemand>
  );
}

export function NewUnitDialog({ org, parent }: { org: string; parent: UnitRefDto | null }) {
  return (
    <DialogOnDemand
      className="max-w-xl"
      title="New org unit"
      description="A division, department, group or team under an existing unit."
      trigger={
        <Button>
          <Plus aria-hidden className="size-4" /> New unit
        </Button>
      }
    >
      {(close) => <NewUnitForm org={org} parent={parent} onDone={close} />}
    </DialogOnDemand>
  );
}

function NewUnitForm({ org, parent, onDone }: { org: string; parent: UnitRefDto | null; onDone: (result?: string) => void }) {
  const [state, action, pending] = useToastedAction((input) => createUnitAction(org, input), {
    done: (form) => `Unit created: ${String(form.get("name") ?? "").trim()}`,
    onDone,
    navigate: (d) => `/${org}/teams/units/${d.unitId}`,
  });
  const errors = errorsOf(state);
  return (
    <DialogForm action={action} state={state} pending={pending} submit="Create unit" twoColumns>
      <div className="sm:col-span-2">
        <SearchField
          org={org}
          kind="unit"
          id="nu-parentId"
          name="parentId"
          label="Parent unit"
          errors={errors.parentId}
          initial={asOption(parent)}
        />
      </div>
      <UnitFields prefix="nu" errors={errors} codeHelp="Unique; ledger and plan imports use it." />
      <SearchField org={org} kind="person" id="nu-leadId" name="leadId" label="Lead" errors={errors.leadId} emptyLabel="No lead yet" />
    </DialogForm>
  );
}

export function EditUnitDialog({ org, unit }: { org: string; unit: UnitDto }) {
  return (
    <UnitDialog title={`Rename ${unit.name}`} description="Name, cost-centre code and kind." icon={Pencil} label={"Rename"}>
      {(close) => <EditUnitForm org={org} unit={unit} onDone={close} />}
    </UnitDialog>
  );
}

function EditUnitForm({ org, unit, onDone }: { org: string; unit: UnitDto; onDone: (result?: string) => void }) {
  const [state, action, pending] = useToastedAction((input) => updateUnitAction(org, onUnit(unit, input)), {
    done: `Saved ${unit.name}`,
    onDone,
  });
  const errors = errorsOf(state);
  return (
    <DialogForm action={action} state={state} pending={pending} submit="Save" twoColumns>
      <UnitFields prefix="eu" errors={errors} codeHelp="Changing it changes what imports must use." defaults={unit} wideName />
    </DialogForm>
  );
}

export function LeadDialog({ org, unit }: { org: string; unit: UnitDto }) {
  return (
    <UnitDialog
      title={`Lead of ${unit.name}`}
      description="Name, replace or remove the unit's lead."
      icon={UserRound}
      label={unit.lead ? "Change lead" : "Set lead"}
    >
      {(close) => (
        <PickForUnitForm
          org={org}
          unit={unit}
          run={setUnitLeadAction}
          done={`Lead of ${unit.name} saved`}
          submit="Save lead"
          picker={{ kind: "person", id: "ul-leadId", name: "leadId", label: "Lead", initial: unit.lead, emptyLabel: "No lead" }}
          onDone={close}
        />
      )}
    </UnitDialog>
  );
}

/**
 * A unit dialog's form that picks one person or unit for the unit (its lead, acting lead or new
 * parent) and sends it, with the unit at the version the dialog opened at, to `run`.
 */
export function PickForUnitForm({
  org,
  unit,
  run,
  done,
  submit,
  picker,
  onDone,
}: {
  org: string;
  unit: UnitDto;
  run: (org: string, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
  done: string;
  submit: string;
  picker: Omit<React.ComponentProps<typeof SearchField>, "org" | "errors">;
  onDone: (result?: string) => void;
}) {
  const [state, action, pending] = useToastedAction((input) => run(org, onUnit(unit, input)), { done, onDone });
  return (
    <DialogForm action={action} state={state} pending={pending} submit={submit}>
      <SearchField org={org} errors={errorsOf(state)[picker.name]} {...picker} />
    </DialogForm>
  );
}

export function MoveUnitDialog({ org, unit, parent }: { org: string; unit: UnitDto; parent: UnitRefDto | null }) {
  return (
    <UnitDialog
      title={`Move ${unit.name}`}
      description="Moves the unit and every unit below it under another parent."
      icon={FolderTree}
      label={"Move"}
    >
      {(close) => (
        <PickForUnitForm
          org={org}
          unit={unit}
          run={moveUnitAction}
          done={`${unit.name} moved`}
          submit="Move unit"
          picker={{
            kind: "unit",
            id: "mu-parentId",
            name: "parentId",
            label: "New parent",
            help: parent ? `Now under ${parent.name} (${parent.code}).` : "Now at the top of the tree.",
          }}
          onDone={close}
        />
      )}
    </UnitDialog>
  );
}

export function MergeUnitDialog({ org, unit, siblings, inside }: { org: string; unit: UnitDto; siblings: UnitRefDto[]; inside: string }) {
  return (
    <UnitDialog
      title={`Merge ${unit.name} into a sibling`}
      description="Everything live inside moves to the unit you choose; this unit then closes and keeps its history."
      icon={Combine}
      label={"Merge"}
      disabledWhy={siblings.length ? undefined : "No sibling to merge into"}
    >
      {(close) => <MergeForm org={org} unit={unit} siblings={siblings} inside={inside} onDone={close} />}
    </UnitDialog>
  );
}

function MergeForm({
  org,
  unit,
  siblings,
  inside,
  onDone,
}: {
  org: string;
  unit: UnitDto;
  siblings: UnitRefDto[];
  inside: string;
  onDone: (result?: string) => void;
}) {
  const [state, action, pending] = useToastedAction((input) => mergeUnitAction(org, onUnit(unit, input)), {
    done: `${unit.name} merged and closed`,
    onDone,
    onPage: true,
  });
  const errors = errorsOf(state);
  return (
    <DialogForm action={action} state={state} pending={pending} submit={`Merge and close ${unit.name}`} destructive>
      <p className="text-sm">
        Inside {unit.name} now: <span className="font-medium">{inside || "nothing"}</span>.
      </p>
      <FormField id="mg-targetId" label="Merge into" errors={errors.targetId}>
        <NativeSelect id="mg-targetId" name="targetId" {...describedBy("mg-targetId", errors.targetId)}>
          {siblings.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.code})
            </option>
          ))}
        </NativeSelect>
      </FormField>
    </DialogForm>
  );
}

export function CloseUnitDialog({ org, unit, inside }: { org: string; unit: UnitDto; inside: string }) {
  return (
    <UnitDialog
      title={`Close ${unit.name}`}
      description="A closed unit keeps its history, the people who left it and its ledger, but takes nothing new."
      icon={Lock}
      label={"Close"}
    >
      {(close) => <CloseForm org={org} unit={unit} inside={inside} onDone={close} />}
    </UnitDialog>
  );
}

function CloseForm({ org, unit, inside, onDone }: { org: string; unit: UnitDto; inside: string; onDone: (result?: string) => void }) {
  const [state, action, pending] = useToastedAction((input) => closeUnitAction(org, onUnit(unit, input)), {
    done: `${unit.name} closed`,
    onDone,
    onPage: true,
  });
  const errors = errorsOf(state);
  return (
    <DialogForm
      action={action}
      state={state}
      pending={pending}
      submit={inside ? `Move and close ${unit.name}` : `Close ${unit.name}`}
      destructive
    >
      {inside ? (
        <>
          <p className="text-sm" id="cu-inside">
            Still inside: <span className="font-medium">{inside}</span>. Choose where they go; they move before the unit closes.
          </p>
          <SearchField org={org} kind="unit" id="cu-targetId" name="targetId" label="Move them to" errors={errors.targetId} />
        </>
      ) : (
        <p className="text-sm">{unit.name} is empty: nothing moves.</p>
      )}
    </DialogForm>
  );
}
