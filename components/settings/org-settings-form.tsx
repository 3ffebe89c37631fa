"use client";

import type * as React from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { fieldFor, NumberField, SelectField, TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NON_PERSONNEL_CATEGORIES } from "@/lib/budgets/forecast-assumptions";
import { figure } from "@/lib/figures/definitions";
import { humanize } from "@/lib/format";
import { updateOrgSettingsAction } from "@/lib/settings/actions";
import { MONTHS, WEEKDAY_LABELS } from "@/lib/settings/labels";
import type { OrgSettingsDto } from "@/lib/settings/queries";
import { useSettingsForm } from "@/components/settings/settings-version";

const CADENCES = [
  ["WEEKLY", "Every week"],
  ["BIWEEKLY", "Every two weeks"],
] as const;

export function OrgSettingsForm({ org, settings }: { org: string; settings: OrgSettingsDto }) {
  const { state, formAction, pending, errors, formRef, resultRef } = useSettingsForm(
    org,
    settings.updatedAt,
    updateOrgSettingsAction,
    "Settings saved",
    // The category boxes are several values under one name (none checked: an empty list).
    (form) => ({ ...Object.fromEntries(form), forecastLumpyCategories: form.getAll("forecastLumpyCategories") }),
  );
  const field = fieldFor(errors);
  return (
    <form ref={formRef} action={formAction} className="grid max-w-2xl gap-5 sm:grid-cols-2" noValidate>
      {state && !state.ok ? (
        <div className="sm:col-span-2">
          <FormAlert state={state} />
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <TextField {...field("name")} label="Organization name" defaultValue={settings.name} required maxLength={80} />
      </div>
      <SelectField
        {...field("fiscalYearStartMonth")}
        label="Fiscal year starts in"
        help="Budgets, forecasts and the roadmap use this calendar."
        defaultValue={settings.fiscalYearStartMonth}
        options={MONTHS.map((m, i) => [String(i + 1), m] as const)}
      />
      <FormField id="currency" label="Reporting currency" help="Set when the organization is created.">
        <Input id="currency" value={settings.currency} readOnly disabled aria-describedby="currency-help" />
      </FormField>
      <SelectField {...field("updateCadence")} label="Status updates are due" defaultValue={settings.updateCadence} options={CADENCES} />
      <SelectField
        {...field("updateDueWeekday")}
        label="Due on"
        defaultValue={settings.updateDueWeekday}
        options={Object.entries(WEEKDAY_LABELS)}
      />
      <NumberField
        {...field("updateGraceDays")}
        label="Grace period (days)"
        help="After this, a missing update counts as stale and escalates."
        min={0}
        max={30}
        defaultValue={settings.updateGraceDays}
      />
      <Section legend="Org health" intro={figure("span-of-control").definition}>
        <NumberField
          {...field("spanMax")}
          label="Span maximum (direct reports)"
          help="A manager with more direct reports is an outlier."
          min={1}
          max={100}
          defaultValue={settings.spanMax}
          required
        />
        <NumberField
          {...field("spanMin")}
          label="Span minimum (direct reports)"
          help="A manager with fewer direct reports is an outlier."
          min={0}
          max={50}
          defaultValue={settings.spanMin}
          required
        />
      </Section>
      <Section legend="Notifications" intro="When Keel tells a unit's lead that a position has been open too long.">
        <NumberField
          id="positionOpenAlertDays"
          name="positionOpenAlertDays"
          label="Position open too long after (days)"
          errors={errors.positionOpenAlertDays}
          help="A position still open after this many days is announced to its unit's lead, once."
          min={1}
          max={365}
          defaultValue={settings.positionOpenAlertDays}
          required
        />
      </Section>
      <Section
        legend="Forecast assumptions"
        intro="Shown beside the forecast to everyone who sees it; a change applies to the forecast at once."
      >
        <TextField
          {...field("loadedCostMultiplier")}
          label="Loaded-cost multiplier"
          help={figure("loaded-cost-multiplier").definition}
          inputMode="decimal"
          defaultValue={settings.loadedCostMultiplier}
          required
        />
        <NumberField
          {...field("hiringDelayDays")}
          label="Hiring delay (days)"
          help={figure("hiring-delay").definition}
          min={0}
          max={365}
          defaultValue={settings.hiringDelayDays}
          required
        />
        <NumberField
          {...field("forecastRunRateMonths")}
          label="Run-rate window (months)"
          help={figure("run-rate-window").definition}
          min={1}
          max={12}
          defaultValue={settings.forecastRunRateMonths}
          required
        />
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
      </Section>
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

/** A titled group of settings across the form's two columns. */
function Section({ legend, intro, children }: { legend: string; intro: React.ReactNode; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-5 border-t pt-5 sm:col-span-2 sm:grid-cols-2">
      <legend className="-mt-2 text-sm font-semibold">{legend}</legend>
      <p className="text-xs text-muted-foreground sm:col-span-2">{intro}</p>
      {children}
    </fieldset>
  );
}
