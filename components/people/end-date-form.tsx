"use client";

import { useActionState } from "react";

import { TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { usePageResult } from "@/components/forms/page-result";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { RegrettedField } from "@/components/people/regretted-field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { formatDate } from "@/lib/format";
import { setEndDateAction } from "@/lib/people/actions";

type State = ActionResult<{ personId: string; positionIds: string[] }> | null;

/**
 * Record a departure: the seat becomes a backfill from the day after, or is closed; whether it was
 * regretted may be recorded with it (or later, on the departure regret form). The form goes
 * away once the person has an end date, so the result is shown and focused at the top of the page;
 * a refusal focuses the field to fix.
 */
export function EndDateForm({ org, personId, version }: { org: string; personId: string; version: number }) {
  const showOnPage = usePageResult();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await setEndDateAction(org, { ...Object.fromEntries(form), personId, version });
    if (result.ok) {
      toast.success("Departure recorded");
      showOnPage(
        `Departure recorded: last day ${formatDate(String(form.get("endDate") ?? ""))}, seat ${form.get("vacancy") === "close" ? "closed" : "to backfill"}.`,
      );
    }
    return result;
  }, null);
  const { formRef } = useFocusAfterSubmit(state);
  const errors = errorsOf(state);
  return (
    <form ref={formRef} action={formAction} className="space-y-3" noValidate>
      <FormAlert state={state} />
      <TextField id="ed-endDate" name="endDate" label="Last day" errors={errors.endDate} type="date" />
      <fieldset className="space-y-1 text-sm">
        <legend className="mb-1 font-medium">Their seat</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="vacancy" value="backfill" defaultChecked /> Backfill (hire a replacement)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="vacancy" value="close" /> Close the position
        </label>
      </fieldset>
      <RegrettedField id="ed-regretted" errors={errors.regretted} regretted={null} />
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Record departure"}
      </Button>
    </form>
  );
}
