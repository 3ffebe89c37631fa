"use client";

import { Plus } from "lucide-react";
import { useActionState } from "react";

import { FISCAL_QUARTERS, SelectField, TextField, UnitSelectField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { DialogOnDemand } from "@/components/ui/dialog";
import { FormLoadGate } from "@/components/ui/form-load-gate";
import { toast } from "@/components/ui/toast";
import { useJson } from "@/components/ui/use-json";
import type { ActionResult } from "@/lib/action-result";
import { createPositionAction } from "@/lib/headcount/actions";
import type { PositionFormOptions } from "@/lib/headcount/form-options";

type State = ActionResult<{ positionId: string; status: string }> | null;

/**
 * The new-position dialog: it mounts only while open (DialogOnDemand), and its units (those the
 * member may create positions in) load from the org's headcount form-options route when it opens.
 */
export function NewPositionDialog({ org, fiscalYear, quarter }: { org: string; fiscalYear: number; quarter: number }) {
  return (
    <DialogOnDemand
      className="max-w-xl"
      title="New position"
      description="A headcount slot: plan it for later or open it for hiring now."
      trigger={
        <Button>
          <Plus aria-hidden className="size-4" /> New position
        </Button>
      }
    >
      {(close) => <NewPositionForm org={org} fiscalYear={fiscalYear} quarter={quarter} onDone={close} />}
    </DialogOnDemand>
  );
}

function NewPositionForm({
  org,
  fiscalYear,
  quarter,
  onDone,
}: {
  org: string;
  fiscalYear: number;
  quarter: number;
  onDone: (result: string) => void;
}) {
  const options = useJson<PositionFormOptions>(`/${org}/headcount/form-options`);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await createPositionAction(org, Object.fromEntries(form));
    if (result.ok) {
      const done = `${result.data.status === "OPEN" ? "Position opened" : "Position planned"}: ${String(form.get("title") ?? "").trim()}`;
      toast.success(done);
      onDone(done);
    }
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <FormLoadGate data={options}>
      {({ units }) => (
        <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
          <div className="sm:col-span-2">
            <FormAlert state={state} />
          </div>
          <div className="sm:col-span-2">
            <TextField id="np-title" name="title" label="Title" errors={errors.title} required />
          </div>
          <UnitSelectField id="np-orgUnitId" name="orgUnitId" label="Org unit" errors={errors.orgUnitId} units={units} />
          <TextField id="np-level" name="level" label="Level" errors={errors.level} placeholder="IC3" />
          <TextField
            id="np-compensation"
            name="compensation"
            label="Annual compensation"
            errors={errors.compensation}
            help="Visible afterwards to admins and directors only."
            inputMode="decimal"
            placeholder="160000"
          />
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <TextField
              id="np-compBandMin"
              name="compBandMin"
              label="Band from"
              errors={errors.compBandMin}
              inputMode="decimal"
              placeholder="150000"
            />
            <TextField
              id="np-compBandMax"
              name="compBandMax"
              label="Band to"
              errors={errors.compBandMax}
              inputMode="decimal"
              placeholder="180000"
            />
          </div>
          <TextField
            id="np-loadedCostMultiplier"
            name="loadedCostMultiplier"
            label="Loaded-cost multiplier"
            errors={errors.loadedCostMultiplier}
            help="Blank: the organization default."
            inputMode="decimal"
            placeholder="1.3"
          />
          <TextField id="np-targetStartDate" name="targetStartDate" label="Target start" errors={errors.targetStartDate} type="date" />
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <TextField
              id="np-budgetFiscalYear"
              name="budgetFiscalYear"
              label="Budget FY"
              errors={errors.budgetFiscalYear}
              inputMode="numeric"
              defaultValue={fiscalYear}
            />
            <SelectField
              id="np-budgetFiscalQuarter"
              name="budgetFiscalQuarter"
              label="Quarter"
              errors={errors.budgetFiscalQuarter}
              options={FISCAL_QUARTERS}
              defaultValue={String(quarter)}
            />
          </div>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="openNow" defaultChecked className="size-4" /> Open for hiring now
          </label>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="outsidePlan" className="size-4" /> Outside the hiring plan (not counted in planned heads)
          </label>
          <div className="flex justify-end gap-2 sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Create position"}
            </Button>
          </div>
        </form>
      )}
    </FormLoadGate>
  );
}
