"use client";

import { useActionState } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { RegrettedField } from "@/components/people/regretted-field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { setDepartureRegretAction } from "@/lib/people/actions";

type State = ActionResult<{ personId: string }> | null;

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
      <RegrettedField id="dr-regretted" errors={errors.regretted} regretted={regretted} />
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
