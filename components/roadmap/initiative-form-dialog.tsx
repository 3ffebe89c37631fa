"use client";

import type * as React from "react";
import { useActionState } from "react";

import { SearchField } from "@/components/forms/search-field";
import { fieldFor, SelectField, TextareaField, TextField } from "@/components/forms/text-field";
import { DialogForm } from "@/components/forms/dialog-form";
import { errorsOf } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { INITIATIVE_PERIOD_OPTIONS } from "@/components/roadmap/periods";
import { DialogOnDemand } from "@/components/ui/dialog";
import { FormLoadGate } from "@/components/ui/form-load-gate";
import { useJson } from "@/components/ui/use-json";
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

const STATUSES = [
  ["PROPOSED", "Proposed"],
  ["ACTIVE", "Active"],
  ["DONE", "Done"],
  ["CANCELLED", "Cancelled"],
] as const;
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
  const field = fieldFor(errorsOf(state), "i");
  return (
    <FormLoadGate data={loaded && loaded.units}>
      {(units) => (
        <DialogForm
          onSubmit={submitKeepingInput(formAction)}
          state={state}
          pending={pending}
          submit={i ? "Save initiative" : "Create initiative"}
          twoColumns
        >
          <div className="sm:col-span-2">
            <TextField {...field("name")} label="Name" defaultValue={i?.name} />
          </div>
          <div className="sm:col-span-2">
            <TextareaField {...field("objective")} label="Objective" rows={2} defaultValue={i?.objective} />
          </div>
          <SelectField
            {...field("orgUnitId")}
            label="Org unit"
            defaultValue={i?.orgUnitId ?? ""}
            options={[["", "Choose…"], ...units.map((u) => [u.id, `${"\u00a0\u00a0".repeat(u.depth)}${u.name}`] as const)]}
          />
          {/* People are searched as you type, not listed in the page. */}
          <SearchField {...field("ownerId")} org={org} kind="person" label="Owner" initial={i?.owner ?? null} emptyLabel="No owner" />
          <TextField {...field("fiscalYear")} label="Fiscal year" inputMode="numeric" defaultValue={i?.fiscalYear ?? defaultFiscalYear} />
          <SelectField
            {...field("period")}
            label="Period"
            defaultValue={i?.period ?? "YEAR"}
            options={INITIATIVE_PERIOD_OPTIONS.map((o) => [o.key, o.label] as const)}
          />
          <SelectField {...field("status")} label="Status" defaultValue={i?.status ?? "PROPOSED"} options={STATUSES} />
        </DialogForm>
      )}
    </FormLoadGate>
  );
}
