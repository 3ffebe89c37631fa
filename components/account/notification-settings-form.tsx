"use client";

import { useActionState, useEffect } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { fieldFor, SelectField, TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { updateNotificationSettingsAction } from "@/lib/notifications/actions";
import { CHANNEL_LABELS, KIND_LABELS, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import type { NotificationSettings } from "@/lib/notifications/queries";

type State = ActionResult<{ saved: boolean }> | null;

const HOURS = [["", "None"], ...Array.from({ length: 24 }, (_, h) => [String(h), `${String(h).padStart(2, "0")}:00`] as const)] as const;
const DIGEST_HOURS = HOURS.slice(1);
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map((d, i) => [String(i), d] as const);
const hour = (v: FormDataEntryValue | null) => (v === null || v === "" ? null : Number(v));

/** The user's notifications: which kinds on which channel, the time zone and quiet hours, and a Slack webhook. */
export function NotificationSettingsForm({ settings }: { settings: NotificationSettings }) {
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, form) =>
      updateNotificationSettingsAction({
        timeZone: form.get("timeZone"),
        quietStartHour: hour(form.get("quietStartHour")),
        quietEndHour: hour(form.get("quietEndHour")),
        digestWeekday: Number(form.get("digestWeekday")),
        digestHour: Number(form.get("digestHour")),
        slackWebhookUrl: form.get("slackWebhookUrl") ?? "",
        preferences: NOTIFICATION_KINDS.flatMap((kind) =>
          NOTIFICATION_CHANNELS.map((channel) => ({ kind, channel, enabled: form.has(`pref:${kind}:${channel}`) })),
        ),
      }),
    null,
  );
  useEffect(() => {
    if (state?.ok) toast.success("Notification settings saved");
  }, [state]);
  const field = fieldFor(errorsOf(state));
  return (
    <form onSubmit={submitKeepingInput(formAction)} className="grid gap-5" noValidate>
      <FormAlert state={state} />
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Notifications by kind and channel</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="py-2 pr-3 font-medium">
                Notification
              </th>
              {NOTIFICATION_CHANNELS.map((c) => (
                <th key={c} scope="col" className="px-2 py-2 text-center font-medium sm:px-3">
                  {CHANNEL_LABELS[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_KINDS.map((k) => (
              <tr key={k} className="border-b last:border-0">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {KIND_LABELS[k]}
                </th>
                {NOTIFICATION_CHANNELS.map((c) => (
                  <td key={c} className="px-2 py-2 text-center sm:px-3">
                    <input
                      type="checkbox"
                      name={`pref:${k}:${c}`}
                      defaultChecked={settings.enabled[k][c]}
                      aria-label={`${KIND_LABELS[k]} by ${CHANNEL_LABELS[c].toLowerCase()}`}
                      className="size-4"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          {...field("timeZone")}
          label="Time zone"
          help="For quiet hours and the weekly digest, e.g. Europe/Berlin."
          defaultValue={settings.timeZone}
        />
        <SelectField
          {...field("quietStartHour")}
          label="Quiet hours from"
          options={HOURS}
          defaultValue={settings.quietStartHour === null ? "" : String(settings.quietStartHour)}
        />
        <SelectField
          {...field("quietEndHour")}
          label="Quiet hours until"
          help="Email and Slack wait until then; in-app messages do not."
          options={HOURS}
          defaultValue={settings.quietEndHour === null ? "" : String(settings.quietEndHour)}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField
          {...field("digestWeekday")}
          label="Weekly digest on"
          help="Directors and admins get the weekly director digest on this day."
          options={WEEKDAYS}
          defaultValue={String(settings.digestWeekday)}
        />
        <SelectField
          {...field("digestHour")}
          label="Weekly digest from"
          help="The hour of that day, in your time zone, it arrives from."
          options={DIGEST_HOURS}
          defaultValue={String(settings.digestHour)}
        />
      </div>
      <TextField
        {...field("slackWebhookUrl")}
        label="Slack incoming webhook"
        help="An https:// incoming-webhook address of Slack (or a compatible chat). Empty: no Slack messages."
        type="url"
        defaultValue={settings.slackWebhookUrl ?? ""}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save notification settings"}
        </Button>
      </div>
    </form>
  );
}
