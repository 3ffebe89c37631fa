"use client";

import { useActionState } from "react";

import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { copyPlanForwardAction } from "@/lib/budgets/actions";
import type { ActionResult } from "@/lib/action-result";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
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
  // Focus follows the result: what was copied, else the field to fix or the refusal.
  const { formRef, resultRef } = useFocusAfterSubmit(state);

  return (
    <form ref={formRef} onSubmit={submitKeepingInput(formAction)} className="flex flex-wrap items-end gap-3">
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
      <p
        ref={resultRef}
        tabIndex={-1}
        role="status"
        className={
          state?.ok ? "self-center pb-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring" : "sr-only"
        }
      >
        {state?.ok
          ? `Copied ${state.data.copied} line(s) into ${fiscalYearLabel(fiscalYear + 1)}${state.data.replaced ? `, replacing ${state.data.replaced}` : ""}.`
          : null}
      </p>
      {state && !state.ok && !errors ? (
        <p role="alert" tabIndex={-1} className="w-full text-sm text-destructive focus:outline-none">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
