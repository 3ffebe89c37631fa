"use client";

import type * as React from "react";
import { useActionState, useEffect, useRef } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { NON_PERSONNEL_CATEGORIES } from "@/lib/budgets/forecast-assumptions";
import { figure } from "@/lib/figures/definitions";
import { humanize } from "@/lib/format";
import { updateOrgSettingsAction } from "@/lib/settings/actions";
import { MONTHS, WEEKDAY_LABELS } from "@/lib/settings/labels";
import type { OrgSettingsDto } from "@/lib/settings/queries";
import { rememberSettingsVersion, settingsVersion } from "@/components/settings/settings-version";

type State = ActionResult<{ updatedAt: string }> | null;

export function OrgSettingsForm({ org, settings }: { org: string; settings: OrgSettingsDto }) {
  // The org's version when the form was opened; advanced after each successful save.
  const openedAt = useRef(settings.updatedAt);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    // The category boxes are several values under one name (none checked: an empty list).
    const input = {
      ...Object.fromEntries(form),
      forecastLumpyCategories: form.getAll("forecastLumpyCategories"),
      expectedUpdatedAt: settingsVersion(org, openedAt.current),
    };
    const result = await updateOrgSettingsAction(org, input);
    if (result.ok) {
      openedAt.current = result.data.updatedAt;
      rememberSettingsVersion(org, result.data.updatedAt);
    }
    return result;
  }, null);

  useEffect(() => {
    if (state?.ok) toast.success("Settings saved");
  }, [state]);

  const errors = errorsOf(state);
  const { formRef, resultRef } = useFocusAfterSubmit(state);
  return (
    <form ref={formRef} action={formAction} className="grid max-w-2xl gap-5 sm:grid-cols-2" noValidate>
      {state && !state.ok ? (
        <div className="sm:col-span-2">
          <FormAlert state={state} />
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <FormField id="name" label="Organization name" errors={errors.name}>
          <Input id="name" name="name" defaultValue={settings.name} required maxLength={80} {...describedBy("name", errors.name)} />
        </FormField>
      </div>
      <FormField
        id="fiscalYearStartMonth"
        label="Fiscal year starts in"
        errors={errors.fiscalYearStartMonth}
        help="Budgets, forecasts and the roadmap use this calendar."
      >
        <NativeSelect
          id="fiscalYearStartMonth"
          name="fiscalYearStartMonth"
          defaultValue={settings.fiscalYearStartMonth}
          {...describedBy("fiscalYearStartMonth", errors.fiscalYearStartMonth, true)}
        >
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
        <NativeSelect
          id="updateCadence"
          name="updateCadence"
          defaultValue={settings.updateCadence}
          {...describedBy("updateCadence", errors.updateCadence)}
        >
          <option value="WEEKLY">Every week</option>
          <option value="BIWEEKLY">Every two weeks</option>
        </NativeSelect>
      </FormField>
      <FormField id="updateDueWeekday" label="Due on" errors={errors.updateDueWeekday}>
        <NativeSelect
          id="updateDueWeekday"
          name="updateDueWeekday"
          defaultValue={settings.updateDueWeekday}
          {...describedBy("updateDueWeekday", errors.updateDueWeekday)}
        >
          {Object.entries(WEEKDAY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField
        id="updateGraceDays"
        label="Grace period (days)"
        errors={errors.updateGraceDays}
        help="After this, a missing update counts as stale and escalates."
      >
        <Input
          id="updateGraceDays"
          name="updateGraceDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={30}
          defaultValue={settings.updateGraceDays}
          {...describedBy("updateGraceDays", errors.updateGraceDays, true)}
        />
      </FormField>
      <fieldset className="grid gap-5 border-t pt-5 sm:col-span-2 sm:grid-cols-2">
        <legend className="-mt-2 text-sm font-semibold">Org health</legend>
        <p className="text-xs text-muted-foreground sm:col-span-2">{figure("span-of-control").definition}</p>
        <FormField
          id="spanMax"
          label="Span maximum (direct reports)"
          errors={errors.spanMax}
          help="A manager with more direct reports is an outlier."
        >
          <Input
            id="spanMax"
            name="spanMax"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            defaultValue={settings.spanMax}
            required
            {...describedBy("spanMax", errors.spanMax, true)}
          />
        </FormField>
        <FormField
          id="spanMin"
          label="Span minimum (direct reports)"
          errors={errors.spanMin}
          help="A manager with fewer direct reports is an outlier."
        >
          <Input
            id="spanMin"
            name="spanMin"
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            defaultValue={settings.spanMin}
            required
            {...describedBy("spanMin", errors.spanMin, true)}
          />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-5 border-t pt-5 sm:col-span-2 sm:grid-cols-2">
        <legend className="-mt-2 text-sm font-semibold">Forecast assumptions</legend>
        <p className="text-xs text-muted-foreground sm:col-span-2">
          Shown beside the forecast to everyone who sees it; a change applies to the forecast at once.
        </p>
        <FormField
          id="loadedCostMultiplier"
          label="Loaded-cost multiplier"
          errors={errors.loadedCostMultiplier}
          help={figure("loaded-cost-multiplier").definition}
        >
          <Input
            id="loadedCostMultiplier"
            name="loadedCostMultiplier"
            inputMode="decimal"
            defaultValue={settings.loadedCostMultiplier}
            required
            {...describedBy("loadedCostMultiplier", errors.loadedCostMultiplier, true)}
          />
        </FormField>
        <FormField
          id="hiringDelayDays"
          label="Hiring delay (days)"
          errors={errors.hiringDelayDays}
          help={figure("hiring-delay").definition}
        >
          <Input
            id="hiringDelayDays"
            name="hiringDelayDays"
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            defaultValue={settings.hiringDelayDays}
            required
            {...describedBy("hiringDelayDays", errors.hiringDelayDays, true)}
          />
        </FormField>
        <FormField
          id="forecastRunRateMonths"
          label="Run-rate window (months)"
          errors={errors.forecastRunRateMonths}
          help={figure("run-rate-window").definition}
        >
          <Input
            id="forecastRunRateMonths"
            name="forecastRunRateMonths"
            type="number"
            inputMode="numeric"
            min={1}
            max={12}
            defaultValue={settings.forecastRunRateMonths}
            required
            {...describedBy("forecastRunRateMonths", errors.forecastRunRateMonths, true)}
          />
        </FormField>
        <fieldset className="space-y-1.5" {...describedBy("forecastLumpyCategories", errors.forecastLumpyCategories, true)}>
          <legend className="text-sm font-medium">Forecast from the plan (lumpy categories)</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5 pt-1">
            {NON_PERSONNEL_CATEGORIES.map((c) => (
              <label key={c} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  name="forecastLumpyCategories"
                  value={c}
                  defaultChecked={settings.forecastLumpyCategories.includes(c)}
                  className="accent-primary"
                />{" "}
                {humanize(c)}
              </label>
            ))}
          </div>
          <p id="forecastLumpyCategories-help" className="text-xs text-muted-foreground">
            Unchecked categories follow their run-rate. {figure("lumpy-categories").definition}
          </p>
          {errors.forecastLumpyCategories?.length ? (
            <p id="forecastLumpyCategories-error" role="alert" className="text-xs font-medium text-destructive">
              {errors.forecastLumpyCategories.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </fieldset>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <SavedNote ok={state?.ok === true} resultRef={resultRef}>
          Settings saved.
        </SavedNote>
      </div>
    </form>
  );
}

/** "Saved." beside a settings form's button, where focus goes after a save (useFocusAfterSubmit). */
export function SavedNote({
  ok,
  resultRef,
  children,
}: {
  ok: boolean;
  resultRef: React.Ref<HTMLParagraphElement>;
  children: React.ReactNode;
}) {
  return (
    <p
      ref={resultRef}
      tabIndex={-1}
      role="status"
      className={ok ? "text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring" : "sr-only"}
    >
      {ok ? children : null}
    </p>
  );
}
