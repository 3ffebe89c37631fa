"use client";

import { useActionState, useEffect, useState } from "react";

import { TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { addManagerNoteAction } from "@/lib/managers/actions";

type State = ActionResult<{ id: string }> | null;

/** Add a private development note or goal (a goal needs a check-in date). */
export function ManagerNoteForm({ org, managerId }: { org: string; managerId: string }) {
  const [kind, setKind] = useState("NOTE");
  const [added, setAdded] = useState("");
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await addManagerNoteAction(org, { ...Object.fromEntries(form), managerId });
    if (result.ok) {
      const done = form.get("kind") === "GOAL" ? "Goal added" : "Note added";
      toast.success(done);
      setAdded(`${done}.`);
      setKind("NOTE");
    }
    return result;
  }, null);
  // Focus follows the result: the note after a success, the first field to fix after a refusal.
  const { formRef, resultRef } = useFocusAfterSubmit(state);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state, formRef]);
  const errors = errorsOf(state);
  return (
    <form ref={formRef} onSubmit={submitKeepingInput(formAction)} className="space-y-3" noValidate aria-label="Add a development note">
      <FormAlert state={state} />
      <div className="grid gap-3 sm:grid-cols-[10rem_12rem]">
        <FormField id="mn-kind" label="Kind" errors={errors.kind}>
          <NativeSelect
            id="mn-kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            {...describedBy("mn-kind", errors.kind)}
          >
            <option value="NOTE">Note</option>
            <option value="GOAL">Goal</option>
          </NativeSelect>
        </FormField>
        <TextField
          id="mn-checkInOn"
          name="checkInOn"
          label={kind === "GOAL" ? "Check in on" : "Check in on (optional)"}
          errors={errors.checkInOn}
          type="date"
        />
      </div>
      <FormField id="mn-body" label={kind === "GOAL" ? "Goal" : "Note"} errors={errors.body}>
        <Textarea id="mn-body" name="body" rows={3} maxLength={4000} {...describedBy("mn-body", errors.body)} />
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Add"}
        </Button>
        <p
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className={state?.ok ? "text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring" : "sr-only"}
        >
          {state?.ok ? added : null}
        </p>
      </div>
    </form>
  );
}
