"use client";

import { useActionState } from "react";

import { TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { setEndDateAction } from "@/lib/people/actions";

type State = ActionResult<{ personId: string; positionIds: string[] }> | null;

/** Record a departure: the seat becomes a backfill from the day after, or is closed. */
export function EndDateForm({ org, personId, version }: { org: string; personId: string; version: number }) {
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await setEndDateAction(org, { ...Object.fromEntries(form), personId, version });
    if (result.ok) toast.success("Departure recorded");
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <form action={formAction} className="space-y-3" noValidate>
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
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Record departure"}
      </Button>
    </form>
  );
}
