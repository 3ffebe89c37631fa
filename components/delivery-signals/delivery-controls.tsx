"use client";

import { useActionState, useState, useTransition } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import {
  connectDeliverySourceAction,
  disconnectDeliverySourceAction,
  importDeliveryCsvAction,
  linkMilestoneEpicAction,
  requestDeliverySyncAction,
} from "@/lib/delivery-signals/actions";
import { ACTION_BODY_LIMIT_BYTES, ACTION_TOO_LARGE_MESSAGE, HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";

// The project page's delivery-signal controls. Each calls its action; the action checks who may
// (delivery:connect) again, so hiding them is only a courtesy.

type Kind = "JIRA" | "LINEAR" | "GITHUB";
const QUERY_LABEL: Record<Kind, string> = {
  JIRA: "Project key, epic key or JQL",
  LINEAR: "Linear project id",
  GITHUB: "Repositories (owner/name, one per line)",
};

/** Connect (or change) the project's Jira, Linear or GitHub source; a blank token keeps the stored one. */
export function ConnectSourceForm({ org, projectId }: { org: string; projectId: string }) {
  const [kind, setKind] = useState<Kind>("JIRA");
  const [state, action, pending] = useActionState<ActionResult<unknown> | null, FormData>(async (_prev, form) => {
    const result = await connectDeliverySourceAction(org, { ...Object.fromEntries(form), projectId });
    if (result.ok) toast.success("Connected: the first sync is on its way");
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <form onSubmit={submitKeepingInput(action)} noValidate aria-label="Connect a tracker" className="space-y-3">
      <FormAlert state={state} />
      <FormField id="ds-kind" label="Source" errors={errors.kind}>
        <NativeSelect id="ds-kind" name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          <option value="JIRA">Jira (REST API)</option>
          <option value="LINEAR">Linear (GraphQL API)</option>
          <option value="GITHUB">GitHub (REST API)</option>
        </NativeSelect>
      </FormField>
      {kind === "JIRA" ? (
        <FormField id="ds-scope" label="Follow" errors={errors.jiraScope}>
          <NativeSelect id="ds-scope" name="jiraScope" defaultValue="project">
            <option value="project">A Jira project</option>
            <option value="epic">An epic</option>
            <option value="jql">A JQL query</option>
          </NativeSelect>
        </FormField>
      ) : null}
      <FormField id="ds-query" label={QUERY_LABEL[kind]} errors={errors.query}>
        <Textarea id="ds-query" name="query" rows={2} required {...describedBy("ds-query", errors.query)} />
      </FormField>
      <FormField
        id="ds-base"
        label={kind === "JIRA" ? "Jira site" : "API address (optional)"}
        errors={errors.baseUrl}
        help={kind === "JIRA" ? "e.g. https://acme.atlassian.net" : "Leave blank for the service itself; fill in for GitHub Enterprise."}
      >
        <Input id="ds-base" name="baseUrl" inputMode="url" {...describedBy("ds-base", errors.baseUrl, true)} />
      </FormField>
      {kind === "JIRA" ? (
        <FormField id="ds-account" label="Atlassian account e-mail" errors={errors.account}>
          <Input id="ds-account" name="account" type="email" autoComplete="off" {...describedBy("ds-account", errors.account)} />
        </FormField>
      ) : null}
      <FormField
        id="ds-token"
        label="API token"
        errors={errors.token}
        help="Stored encrypted; never shown again. Blank keeps the stored token."
      >
        <Input id="ds-token" name="token" type="password" autoComplete="off" {...describedBy("ds-token", errors.token, true)} />
      </FormField>
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Connecting…" : "Connect and sync"}
      </Button>
    </form>
  );
}

/** Sync now, or disconnect a source. */
export function SourceButtons({ org, sourceId, label }: { org: string; sourceId: string; label: string }) {
  const [pending, start] = useTransition();
  const run = (disconnect: boolean) =>
    start(async () => {
      const result = disconnect
        ? await disconnectDeliverySourceAction(org, { sourceId })
        : await requestDeliverySyncAction(org, { sourceId });
      if (result.ok) toast.success(disconnect ? `${label} disconnected` : "Sync requested: it shows on the sync log");
      else toast.error(result.message);
    });
  return (
    <span className="flex gap-2">
      <Button size="sm" variant="outline" disabled={pending} onClick={() => run(false)} aria-label={`Sync ${label} now`}>
        Sync now
      </Button>
      <Button size="sm" variant="ghost" disabled={pending} onClick={() => run(true)} aria-label={`Disconnect ${label}`}>
        Disconnect
      </Button>
    </span>
  );
}

/** Upload a Jira or Linear CSV export when the API cannot be reached. */
export function CsvUploadForm({ org, projectId }: { org: string; projectId: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ items: number }> | null, FormData>(async (_prev, form) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return { ok: false, code: "VALIDATION", message: "Choose a CSV file.", fieldErrors: { csv: ["Choose a CSV file."] } };
    if (file.size > ACTION_BODY_LIMIT_BYTES) return { ok: false, code: "VALIDATION", message: ACTION_TOO_LARGE_MESSAGE };
    const csv = await file.text();
    if (csv.length > HIRING_PLAN_MAX_CHARS)
      return {
        ok: false,
        code: "VALIDATION",
        message: "The file is too large (2 MB at most).",
        fieldErrors: { csv: ["The file is too large (2 MB at most)."] },
      };
    const result = await importDeliveryCsvAction(org, { projectId, kind: form.get("kind"), dateOrder: form.get("dateOrder"), csv });
    if (result.ok) toast.success(`Imported ${result.data.items} issues`);
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <form action={action} aria-label="Upload a tracker export" className="space-y-3">
      <FormAlert state={state} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <FormField id="ds-csv-kind" label="Export from" errors={errors.kind}>
          <NativeSelect id="ds-csv-kind" name="kind" defaultValue="JIRA">
            <option value="JIRA">Jira (CSV, all fields)</option>
            <option value="LINEAR">Linear (CSV)</option>
          </NativeSelect>
        </FormField>
        <FormField
          id="ds-csv-order"
          label="Numeric dates are"
          errors={errors.dateOrder}
          help="Only asked when a date like 11/03/26 could be either."
        >
          <NativeSelect id="ds-csv-order" name="dateOrder" defaultValue="auto">
            <option value="auto">Refuse if ambiguous</option>
            <option value="dmy">Day/month/year</option>
            <option value="mdy">Month/day/year</option>
          </NativeSelect>
        </FormField>
      </div>
      <FormField id="ds-csv-file" label="CSV file">
        <Input id="ds-csv-file" name="file" type="file" accept=".csv,text/csv" {...describedBy("ds-csv-file", errors.csv)} />
      </FormField>
      {errors.csv?.length ? (
        <ul id="ds-csv-file-error" role="alert" className="list-disc space-y-0.5 pl-5 text-xs text-destructive">
          {errors.csv.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Importing…" : "Import export"}
      </Button>
    </form>
  );
}

/** Link a milestone to an epic (Jira epic key, Linear milestone or parent, GitHub milestone title). */
export function EpicLinkForm({ org, milestones }: { org: string; milestones: { id: string; name: string; epicKey: string | null }[] }) {
  const [state, action, pending] = useActionState<ActionResult<unknown> | null, FormData>(async (_prev, form) => {
    const result = await linkMilestoneEpicAction(org, Object.fromEntries(form));
    if (result.ok) toast.success("Milestone link saved");
    return result;
  }, null);
  const errors = errorsOf(state);
  return (
    <form
      onSubmit={submitKeepingInput(action)}
      noValidate
      aria-label="Link a milestone to an epic"
      className="flex flex-wrap items-end gap-2"
    >
      <div className="w-full empty:hidden">
        <FormAlert state={state} />
      </div>
      <div className="min-w-40 flex-1">
        <FormField id="ds-ms" label="Milestone" errors={errors.milestoneId}>
          <NativeSelect id="ds-ms" name="milestoneId">
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.epicKey ? ` (${m.epicKey})` : ""}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <div className="min-w-32 flex-1">
        <FormField id="ds-epic" label="Epic key" errors={errors.epicKey}>
          <Input id="ds-epic" name="epicKey" placeholder="CHK-1 (blank unlinks)" {...describedBy("ds-epic", errors.epicKey)} />
        </FormField>
      </div>
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        Link
      </Button>
    </form>
  );
}
