"use client";

import { useActionState, useEffect, useRef } from "react";

import { TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { SavedNote } from "@/components/settings/org-settings-form";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { updatePayPrivacyAction } from "@/lib/settings/actions";
import type { OrgSettingsDto } from "@/lib/settings/queries";
import { rememberSettingsVersion, settingsVersion } from "@/components/settings/settings-version";

type State = ActionResult<{ updatedAt: string }> | null;

/** The minimum group behind any personnel figure, and whether finance may read individual pay. */
export function PayPrivacyForm({ org, settings }: { org: string; settings: OrgSettingsDto }) {
  const openedAt = useRef(settings.updatedAt);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await updatePayPrivacyAction(org, {
      ...Object.fromEntries(form),
      expectedUpdatedAt: settingsVersion(org, openedAt.current),
    });
    if (result.ok) {
      openedAt.current = result.data.updatedAt;
      rememberSettingsVersion(org, result.data.updatedAt);
    }
    return result;
  }, null);
  useEffect(() => {
    if (state?.ok) toast.success("Pay privacy saved");
  }, [state]);
  const errors = errorsOf(state);
  const { formRef, resultRef } = useFocusAfterSubmit(state);
  return (
    <form ref={formRef} action={formAction} className="grid max-w-2xl gap-5" noValidate>
      <FormAlert state={state} />
      <TextField
        id="payMinGroupSize"
        name="payMinGroupSize"
        label="Minimum group"
        errors={errors.payMinGroupSize}
        help="The fewest people behind any personnel figure shown to someone who may not read pay (3 to 50). Larger groups hide more."
        type="number"
        min={3}
        max={50}
        defaultValue={settings.payMinGroupSize}
        className="max-w-32"
      />
      <div className="flex items-start gap-3">
        <input
          id="financeReadsPay"
          name="financeReadsPay"
          type="checkbox"
          defaultChecked={settings.financeReadsPay}
          className="mt-1 size-4"
          aria-describedby="financeReadsPay-help"
        />
        <div>
          <label htmlFor="financeReadsPay" className="text-sm font-medium">
            Finance may read individual pay
          </label>
          <p id="financeReadsPay-help" className="text-xs text-muted-foreground">
            Off by default: finance then works with personnel totals of groups, like managers and viewers. Admins and directors always read
            pay.
          </p>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save pay privacy"}
        </Button>
        <SavedNote ok={state?.ok === true} resultRef={resultRef}>
          Pay privacy saved.
        </SavedNote>
      </div>
    </form>
  );
}
