"use client";

import { useActionState, useEffect, useRef } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { updateOrgSettingsAction } from "@/lib/settings/actions";
import { MONTHS, WEEKDAY_LABELS } from "@/lib/settings/labels";
import type { OrgSettingsDto } from "@/lib/settings/queries";

type State = ActionResult<{ updatedAt: string }> | null;

export function OrgSettingsForm({ org, settings }: { org: string; settings: OrgSettingsDto }) {
  // The org's version when the form was opened; advanced after each successful save.
  const openedAt = useRef(settings.updatedAt);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await updateOrgSettingsAction(org, { ...Object.fromEntries(form), expectedUpdatedAt: openedAt.current });
    if (result.ok) openedAt.current = result.data.updatedAt;
    return result;
  }, null);

  useEffect(() => {
    if (state?.ok) toast.success("Settings saved");
  }, [state]);

  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="grid max-w-2xl gap-5 sm:grid-cols-2" noValidate>
      {state && !state.ok ? (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive sm:col-span-2">
          {state.message}
        </p>
      ) : null}
      <div className="sm:col-span-2">
        <FormField id="name" label="Organization name" errors={errors.name}>
          <Input id="name" name="name" defaultValue={settings.name} required maxLength={80} {...describedBy("name", errors.name)} />
        </FormField>
      </div>
      <FormField id="fiscalYearStartMonth" label="Fiscal year starts in" errors={errors.fiscalYearStartMonth} help="Budgets, forecasts and the roadmap use this calendar.">
        <NativeSelect id="fiscalYearStartMonth" name="fiscalYearStartMonth" defaultValue={settings.fiscalYearStartMonth} {...describedBy("fiscalYearStartMonth", errors.fiscalYearStartMonth, true)}>
          {MONTHS.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="currency" label="Reporting currency" help="Set when the organization is created.">
        <Input id="currency" value={settings.currency} readOnly disabled aria-describedby="currency-help" />
      </FormField>
      <FormField id="updateCadence" label="Status updates are due" errors={errors.updateCadence}>
        <NativeSelect id="updateCadence" name="updateCadence" defaultValue={settings.updateCadence} {...describedBy("updateCadence", errors.updateCadence)}>
          <option value="WEEKLY">Every week</option>
          <option value="BIWEEKLY">Every two weeks</option>
        </NativeSelect>
      </FormField>
      <FormField id="updateDueWeekday" label="Due on" errors={errors.updateDueWeekday}>
        <NativeSelect id="updateDueWeekday" name="updateDueWeekday" defaultValue={settings.updateDueWeekday} {...describedBy("updateDueWeekday", errors.updateDueWeekday)}>
          {Object.entries(WEEKDAY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="updateGraceDays" label="Grace period (days)" errors={errors.updateGraceDays} help="After this, a missing update counts as stale and escalates.">
        <Input id="updateGraceDays" name="updateGraceDays" type="number" inputMode="numeric" min={0} max={30} defaultValue={settings.updateGraceDays} {...describedBy("updateGraceDays", errors.updateGraceDays, true)} />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
