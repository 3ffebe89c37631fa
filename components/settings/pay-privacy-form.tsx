"use client";

import { CheckboxField, TextField } from "@/components/forms/text-field";
import { FormAlert } from "@/components/forms/form-alert";
import { SavedNote } from "@/components/settings/org-settings-form";
import { Button } from "@/components/ui/button";
import { updatePayPrivacyAction } from "@/lib/settings/actions";
import type { OrgSettingsDto } from "@/lib/settings/queries";
import { useSettingsForm } from "@/components/settings/settings-version";

/** The minimum group behind any personnel figure, and whether finance may read individual pay. */
export function PayPrivacyForm({ org, settings }: { org: string; settings: OrgSettingsDto }) {
  const { state, formAction, pending, errors, formRef, resultRef } = useSettingsForm(
    org,
    settings.updatedAt,
    updatePayPrivacyAction,
    "Pay privacy saved",
  );
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
      <CheckboxField
        id="financeReadsPay"
        name="financeReadsPay"
        label="Finance may read individual pay"
        help="Off by default: finance then works with personnel totals of groups, like managers and viewers. Admins and directors always read pay."
        defaultChecked={settings.financeReadsPay}
      />
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
