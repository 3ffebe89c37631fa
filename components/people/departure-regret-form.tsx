"use client";

import { useActionState } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { setDepartureRegretAction } from "@/lib/people/actions";

type State = ActionResult<{ personId: string }> | null;

const current = (v: boolean | null) => (v === null ? "unrecorded" : v ? "regretted" : "non-regretted");

/** Whether losing someone who is leaving (or has left) was regretted: org health's regretted attrition. */
export function DepartureRegretForm({
  org,
  personId,
  version,
  regretted,
}: {
  org: string;
  personId: string;
  version: number;
  regretted: boolean | null;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await setDepartureRegretAction(org, { ...Object.fromEntries(form), personId, version });
    if (result.ok) toast.success("Saved whether the departure was regretted");
    return result;
  }, null);
  const { formRef } = useFocusAfterSubmit(state);
  const errors = errorsOf(state);
  return (
    <form ref={formRef} action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <FormAlert state={state} />
      <FormField id="dr-regretted" label="Regretted departure" errors={errors.regretted}>
        <NativeSelect
          id="dr-regretted"
          name="regretted"
          defaultValue={current(regretted)}
          className="w-48"
          {...describedBy("dr-regretted", errors.regretted)}
        >
          <option value="unrecorded">Not recorded</option>
          <option value="regretted">Regretted</option>
          <option value="non-regretted">Not regretted</option>
        </NativeSelect>
      </FormField>
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
