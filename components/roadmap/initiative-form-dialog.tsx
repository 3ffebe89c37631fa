"use client";

import type * as React from "react";
import { useActionState } from "react";

import { SearchField } from "@/components/forms/search-field";
import { TextareaField, TextField } from "@/components/forms/text-field";
import { FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { INITIATIVE_PERIOD_OPTIONS } from "@/components/roadmap/periods";
import { Button } from "@/components/ui/button";
import { DialogOnDemand } from "@/components/ui/dialog";
import { FormLoadGate } from "@/components/ui/form-load-gate";
import { describedBy, FormField } from "@/components/ui/form-field";
import { useJson } from "@/components/ui/use-json";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { createInitiativeAction, updateInitiativeAction } from "@/lib/roadmap/actions";

export type InitiativeFormValues = {
  id: string;
  updatedAt: string;
  name: string;
  objective: string;
  orgUnitId: string;
  owner: { id: string; name: string } | null;
  fiscalYear: number;
  period: string;
  status: string;
};

type State = ActionResult<unknown> | null;
type Unit = { id: string; name: string; code: string; depth: number };

/**
 * Create (no `initiative`) or edit an initiative. The roadmap offers one per editable initiative,
 * so the dialog mounts only while open (DialogOnDemand), and the units it may use are loaded from
 * the org's roadmap form-options route when it opens, not carried in the page.
 */
export function InitiativeFormDialog({
  org,
  initiative,
  defaultFiscalYear,
  trigger,
}: {
  org: string;
  initiative?: InitiativeFormValues;
  defaultFiscalYear: number;
  trigger: React.ReactElement<React.ComponentProps<"button">>;
}) {
  return (
    <DialogOnDemand
      trigger={trigger}
      title={initiative ? "Edit initiative" : "New initiative"}
      description="Initiatives are planned by fiscal year, half or quarter."
    >
      {(close) => <InitiativeForm org={org} initiative={initiative} defaultFiscalYear={defaultFiscalYear} onDone={close} />}
    </DialogOnDemand>
  );
}

function InitiativeForm({
  org,
  initiative: i,
  defaultFiscalYear,
  onDone,
}: {
  org: string;
  initiative?: InitiativeFormValues;
  defaultFiscalYear: number;
  onDone: (result?: string) => void;
}) {
  const loaded = useJson<{ units: Unit[] }>(`/${org}/roadmap/form-options`);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_p, form) => {
    const input = Object.fromEntries(form);
    const result = i
      ? await updateInitiativeAction(org, { ...input, id: i.id, expectedUpdatedAt: i.updatedAt })
      : await createInitiativeAction(org, input);
    if (result.ok) {
      toast.success(i ? "Initiative saved" : "Initiative created");
      onDone(`${i ? "Initiative saved" : "Initiative created"}: ${String(form.get("name") ?? "").trim()}`);
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <FormLoadGate data={loaded && loaded.units}>
      {(units) => (
        <form onSubmit={submitKeepingInput(formAction)} className="grid gap-4 sm:grid-cols-2" noValidate>
          <div className="sm:col-span-2">
            <FormAlert state={state} />
          </div>
          <div className="sm:col-span-2">
            <TextField id="i-name" name="name" label="Name" errors={errors.name} defaultValue={i?.name} />
          </div>
          <div className="sm:col-span-2">
            <TextareaField
              id="i-objective"
              name="objective"
              label="Objective"
              errors={errors.objective}
              rows={2}
              defaultValue={i?.objective}
            />
          </div>
          <FormField id="i-unit" label="Org unit" errors={errors.orgUnitId}>
            <NativeSelect id="i-unit" name="orgUnitId" defaultValue={i?.orgUnitId ?? ""} {...describedBy("i-unit", errors.orgUnitId)}>
              <option value="">Choose…</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {"\u00a0\u00a0".repeat(u.depth)}
                  {u.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          {/* People are searched as you type, not listed in the page. */}
          <SearchField
            org={org}
            kind="person"
            id="i-owner"
            name="ownerId"
            label="Owner"
            errors={errors.ownerId}
            initial={i?.owner ?? null}
            emptyLabel="No owner"
          />
          <TextField
            id="i-fy"
            name="fiscalYear"
            label="Fiscal year"
            errors={errors.fiscalYear}
            inputMode="numeric"
            defaultValue={i?.fiscalYear ?? defaultFiscalYear}
          />
          <FormField id="i-period" label="Period" errors={errors.period}>
            <NativeSelect id="i-period" name="period" defaultValue={i?.period ?? "YEAR"} {...describedBy("i-period", errors.period)}>
              {INITIATIVE_PERIOD_OPTIONS.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="i-status" label="Status" errors={errors.status}>
            <NativeSelect id="i-status" name="status" defaultValue={i?.status ?? "PROPOSED"} {...describedBy("i-status", errors.status)}>
              <option value="PROPOSED">Proposed</option>
              <option value="ACTIVE">Active</option>
              <option value="DONE">Done</option>
              <option value="CANCELLED">Cancelled</option>
            </NativeSelect>
          </FormField>
          <div className="flex justify-end sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : i ? "Save initiative" : "Create initiative"}
            </Button>
          </div>
        </form>
      )}
    </FormLoadGate>
  );
}
