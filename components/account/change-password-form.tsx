"use client";

import { useActionState, useEffect } from "react";

import { TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { changePasswordAction } from "@/lib/account/actions";
import type { ActionResult } from "@/lib/action-result";

type State = ActionResult<{ changedAt: string }> | null;

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, form) => changePasswordAction(Object.fromEntries(form)),
    null,
  );
  // Focus follows the result: the confirmation after a change, else the first field to fix.
  const { formRef, resultRef } = useFocusAfterSubmit(state);

  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      toast.success("Password changed");
    }
  }, [state, formRef]);

  const errors = errorsOf(state);
  return (
    <form ref={formRef} onSubmit={submitKeepingInput(formAction)} className="grid max-w-md gap-5" noValidate>
      <FormAlert state={state} />
      {state?.ok ? (
        <p
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className="rounded-md border border-emerald-600/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          Your password was changed. Other browsers and devices signed in to your account have been signed out.
        </p>
      ) : null}
      <TextField
        id="currentPassword"
        name="currentPassword"
        label="Current password"
        errors={errors.currentPassword}
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        id="newPassword"
        name="newPassword"
        label="New password"
        errors={errors.newPassword}
        help="At least 12 characters; not your email or a common password."
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        label="Confirm new password"
        errors={errors.confirmPassword}
        type="password"
        autoComplete="new-password"
        required
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
