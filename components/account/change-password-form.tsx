"use client";

import { useActionState, useEffect } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
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
      <FormField id="currentPassword" label="Current password" errors={errors.currentPassword}>
        <Input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          {...describedBy("currentPassword", errors.currentPassword)}
        />
      </FormField>
      <FormField
        id="newPassword"
        label="New password"
        errors={errors.newPassword}
        help="At least 12 characters; not your email or a common password."
      >
        <Input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          {...describedBy("newPassword", errors.newPassword, true)}
        />
      </FormField>
      <FormField id="confirmPassword" label="Confirm new password" errors={errors.confirmPassword}>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          {...describedBy("confirmPassword", errors.confirmPassword)}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
