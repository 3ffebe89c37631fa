"use client";

import { useActionState, useEffect, useState, useTransition } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import {
  createWebhookAction,
  deleteWebhookAction,
  disableWebhookAction,
  enableWebhookAction,
  redeliverWebhookAction,
  sendTestWebhookAction,
  updateWebhookAction,
  updateWebhookSettingsAction,
} from "@/lib/webhooks/actions";
import { SUBSCRIBABLE_EVENTS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";

const formEvents = (form: FormData) => form.getAll("events").map(String);

function EventChoices({ selected, errors }: { selected: string[]; errors?: string[] }) {
  return (
    <fieldset className="grid gap-2" aria-describedby={errors?.length ? "events-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Events</legend>
      {SUBSCRIBABLE_EVENTS.map((type) => (
        <label key={type} className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="events" value={type} defaultChecked={selected.includes(type)} className="mt-0.5 size-4" />
          <span>
            <code className="text-xs">{type}</code> — {WEBHOOK_EVENTS[type]}
          </span>
        </label>
      ))}
      {errors?.length ? (
        <p id="events-error" className="text-sm text-destructive">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Adds an endpoint; its signing secret is shown here once and never again. */
export function CreateWebhookForm({ org }: { org: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ endpointId: string; secret: string }> | null, FormData>(
    async (_prev, form) =>
      createWebhookAction(org, { url: form.get("url"), description: form.get("description") ?? "", events: formEvents(form) }),
    null,
  );
  const errors = errorsOf(state);
  if (state?.ok)
    return (
      <div className="grid max-w-2xl gap-2" role="status">
        <p className="text-sm font-medium">Endpoint added. Copy its signing secret now: it is not shown again.</p>
        <code className="break-all rounded border bg-muted p-2 text-sm" data-testid="webhook-secret">
          {state.data.secret}
        </code>
      </div>
    );
  return (
    <form action={formAction} className="grid max-w-2xl gap-4" noValidate>
      <FormAlert state={state} />
      <FormField id="url" label="Endpoint URL" errors={errors.url}>
        <Input id="url" name="url" type="url" placeholder="https://hooks.example.com/keel" {...describedBy("url", errors.url)} />
      </FormField>
      <FormField id="description" label="Description (optional)" errors={errors.description}>
        <Input id="description" name="description" maxLength={200} {...describedBy("description", errors.description)} />
      </FormField>
      <EventChoices selected={[]} errors={errors.events} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}

/** Edits an endpoint's address, description and events. */
export function EditWebhookForm({
  org,
  endpoint,
}: {
  org: string;
  endpoint: { id: string; url: string; description: string; events: string[]; version: number };
}) {
  const [state, formAction, pending] = useActionState<ActionResult<unknown> | null, FormData>(
    async (_prev, form) =>
      updateWebhookAction(org, {
        endpointId: endpoint.id,
        version: endpoint.version,
        url: form.get("url"),
        description: form.get("description") ?? "",
        events: formEvents(form),
      }),
    null,
  );
  useEffect(() => {
    if (state?.ok) toast.success("Webhook saved");
  }, [state]);
  const errors = errorsOf(state);
  return (
    <form action={formAction} className="grid max-w-2xl gap-4" noValidate>
      <FormAlert state={state} />
      <FormField id="edit-url" label="Endpoint URL" errors={errors.url}>
        <Input id="edit-url" name="url" type="url" defaultValue={endpoint.url} {...describedBy("edit-url", errors.url)} />
      </FormField>
      <FormField id="edit-description" label="Description (optional)" errors={errors.description}>
        <Input id="edit-description" name="description" defaultValue={endpoint.description} maxLength={200} />
      </FormField>
      <EventChoices selected={endpoint.events} errors={errors.events} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save webhook"}
        </Button>
      </div>
    </form>
  );
}

type Target = { id: string; version: number; enabled: boolean };

/** Send a test event, disable or enable, delete: one endpoint's buttons. */
export function WebhookRowActions({ org, endpoint }: { org: string; endpoint: Target }) {
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const run = (label: string, call: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      const result = await call();
      if (result.ok) toast.success(label);
      else toast.error(result.message);
    });
  const input = { endpointId: endpoint.id, version: endpoint.version };
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        onClick={() => run("Test event queued", () => sendTestWebhookAction(org, input))}
      >
        Send test event
      </Button>
      {endpoint.enabled ? (
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() => run("Webhook disabled", () => disableWebhookAction(org, input))}
        >
          Disable
        </Button>
      ) : (
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() => run("Webhook enabled", () => enableWebhookAction(org, input))}
        >
          Enable
        </Button>
      )}
      {confirming ? (
        <Button
          size="sm"
          variant="destructive"
          disabled={pending}
          onClick={() => run("Webhook deleted", () => deleteWebhookAction(org, input))}
        >
          Confirm delete
        </Button>
      ) : (
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
    </div>
  );
}

export function RedeliverButton({ org, deliveryId }: { org: string; deliveryId: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await redeliverWebhookAction(org, { deliveryId });
          if (result.ok) toast.success("Redelivery queued");
          else toast.error(result.message);
        })
      }
    >
      Redeliver
    </Button>
  );
}

/** Whether endpoints may be private, loopback or link-local addresses (off: the SSRF guard). */
export function WebhookTargetsForm({ org, allowPrivate }: { org: string; allowPrivate: boolean }) {
  const [state, formAction, pending] = useActionState<ActionResult<unknown> | null, FormData>(
    async (_prev, form) => updateWebhookSettingsAction(org, { allowPrivate: form.get("allowPrivate") === "on" }),
    null,
  );
  useEffect(() => {
    if (state?.ok) toast.success("Webhook targets saved");
  }, [state]);
  return (
    <form action={formAction} className="grid max-w-2xl gap-3">
      <FormAlert state={state} />
      <div className="flex items-start gap-3">
        <input
          id="allowPrivate"
          name="allowPrivate"
          type="checkbox"
          defaultChecked={allowPrivate}
          className="mt-1 size-4"
          aria-describedby="allowPrivate-help"
        />
        <div>
          <label htmlFor="allowPrivate" className="text-sm font-medium">
            Allow private network targets
          </label>
          <p id="allowPrivate-help" className="text-xs text-muted-foreground">
            Off by default: Keel refuses to deliver to private, loopback and link-local addresses (and to plain http), so an endpoint cannot
            reach the machine Keel runs on or its internal network. Turn on only for receivers inside your own network.
          </p>
        </div>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
