"use client";

import { useActionState } from "react";

import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { copyPlanForwardAction } from "@/lib/budgets/actions";
import type { ActionResult } from "@/lib/action-result";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { fiscalYearLabel } from "@/lib/fiscal";

type State = ActionResult<{ copied: number; replaced: number }> | null;

/** Copy this year's plan into the next, every line changed by a percentage. */
export function CopyForwardForm({ org, fiscalYear }: { org: string; fiscalYear: number }) {
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await copyPlanForwardAction(org, {
      fromFiscalYear: fiscalYear,
      percentChange: String(form.get("percentChange") ?? ""),
      overwrite: form.get("overwrite") === "on",
    });
    if (result.ok) toast.success(`Copied ${result.data.copied} line(s) into ${fiscalYearLabel(fiscalYear + 1)}`);
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form onSubmit={submitKeepingInput(formAction)} className="flex flex-wrap items-end gap-3">
      <div className="w-32">
        <TextField
          id="percentChange"
          name="percentChange"
          label="Change %"
          errors={errors?.percentChange}
          defaultValue="3"
          inputMode="decimal"
        />
      </div>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="overwrite" /> Replace {fiscalYearLabel(fiscalYear + 1)} lines
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Copying…" : `Copy to ${fiscalYearLabel(fiscalYear + 1)}`}
      </Button>
      {state && !state.ok && !errors ? (
        <p role="alert" className="w-full text-sm text-destructive">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
