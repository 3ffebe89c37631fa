"use client";

import { useActionState, useEffect, useRef } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { CheckboxField, fieldFor, SelectField, TextareaField, TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { formatDate } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/permissions";
import { testSsoAction, updateSsoAction } from "@/lib/sso/actions";
import type { SsoSettingsDto } from "@/lib/sso/queries";

type SaveState = ActionResult<{ updatedAt: string }> | null;
type TestState = ActionResult<{ passed: boolean; steps: { label: string; ok: boolean; detail: string }[] }> | null;

const DEFAULT_ROLES = ["VIEWER", "FINANCE", "MANAGER", "DIRECTOR"] as const;

type TextSetting = {
  name: "displayName" | "issuer" | "clientId" | "scopes" | "emailDomains" | "groupsClaim";
  label: string;
  help?: string;
  placeholder?: string;
  autoComplete?: string;
  /** Shown before the first save. */
  fallback?: string;
};

// The provider's plain text settings, before and after the client secret (never sent back).
const TEXT_SETTINGS: TextSetting[] = [
  { name: "displayName", label: "Provider name", help: "Shown on the login page as “Sign in with …”.", placeholder: "Okta" },
  {
    name: "issuer",
    label: "Issuer URL",
    help: "Exactly as the provider's discovery document names it.",
    placeholder: "https://example.okta.com",
  },
  { name: "clientId", label: "Client id", autoComplete: "off" },
];
const TEXT_SETTINGS_AFTER_SECRET: TextSetting[] = [
  {
    name: "scopes",
    label: "Scopes",
    help: "Space-separated; must include openid and email (Okta: add groups).",
    fallback: "openid email profile",
  },
  {
    name: "emailDomains",
    label: "Email domains",
    help: "Users whose email is at one of these domains see “Sign in with …” and may join. Comma-separated.",
    placeholder: "example.com",
  },
  { name: "groupsClaim", label: "Groups claim", help: "The id token claim that lists the user's groups.", fallback: "groups" },
];

/** The org's OpenID Connect single sign-on (docs/sso.md), for admins. */
export function SsoForm({
  org,
  settings,
  admins,
  redirectUri,
}: {
  org: string;
  settings: SsoSettingsDto | null;
  admins: { userId: string; label: string }[];
  redirectUri: string;
}) {
  const openedAt = useRef(settings?.updatedAt);
  const [state, formAction, pending] = useActionState<SaveState, FormData>(async (_prev, form) => {
    const result = await updateSsoAction(org, { ...Object.fromEntries(form), expectedUpdatedAt: openedAt.current });
    if (result.ok) openedAt.current = result.data.updatedAt;
    return result;
  }, null);
  const [test, testAction, testing] = useActionState<TestState, FormData>(() => testSsoAction(org, {}), null);
  useEffect(() => {
    if (state?.ok) toast.success("Single sign-on saved");
  }, [state]);
  const errors = errorsOf(state);
  const bind = fieldFor(errors);
  const textField = ({ name, fallback = "", ...field }: TextSetting) => (
    <TextField key={name} {...bind(name)} {...field} defaultValue={settings?.[name] ?? fallback} />
  );

  return (
    <div className="grid max-w-2xl gap-8">
      <form onSubmit={submitKeepingInput(formAction)} className="grid gap-5" noValidate aria-label="Single sign-on settings">
        <FormAlert state={state} />
        <p className="text-sm">
          Register Keel with your identity provider as a web application using the redirect URI{" "}
          <code className="rounded bg-muted px-1 py-0.5 text-xs break-all">{redirectUri}</code>.
        </p>
        {TEXT_SETTINGS.map(textField)}
        <TextField
          {...bind("clientSecret")}
          label="Client secret"
          help={settings ? "Stored encrypted and never shown again. Leave blank to keep the current secret." : "Stored encrypted."}
          type="password"
          autoComplete="new-password"
        />
        {TEXT_SETTINGS_AFTER_SECRET.map(textField)}
        <TextareaField
          {...bind("groupRoles")}
          label="Group → role"
          help="One a line: “group = ROLE”, or “group = ROLE @ UNIT-CODE” to scope it to an org unit. The first line whose group the user has applies, when they first join."
          rows={4}
          defaultValue={settings?.groupRoles ?? ""}
          placeholder={"keel-admins = ADMIN\neng-managers = MANAGER @ ENG"}
          className="font-mono text-sm"
        />
        <SelectField
          {...bind("defaultRole")}
          label="Role when no group matches"
          options={DEFAULT_ROLES.map((r) => [r, ROLE_LABELS[r]] as const)}
          defaultValue={settings?.defaultRole ?? "VIEWER"}
          className="max-w-60"
        />
        <label className="flex items-center gap-3 text-sm font-medium">
          <input type="checkbox" name="enabled" defaultChecked={settings?.enabled ?? true} className="size-4" />
          Enabled
        </label>
        <CheckboxField
          id="requireSso"
          name="requireSso"
          label="Require single sign-on"
          help="Members can then no longer sign in with a password — except the break-glass admin below, for when the provider is down."
          defaultChecked={settings?.requireSso ?? false}
        />
        <SelectField
          {...bind("breakGlassUserId")}
          label="Break-glass admin"
          options={[["", "None"], ...admins.map((a) => [a.userId, a.label] as const)]}
          defaultValue={settings?.breakGlassUserId ?? ""}
          className="max-w-md"
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save single sign-on"}
          </Button>
        </div>
      </form>

      {settings ? (
        <section aria-labelledby="sso-test-heading" className="grid gap-3">
          <h3 id="sso-test-heading" className="text-sm font-semibold">
            Connection
          </h3>
          <form action={testAction}>
            <Button type="submit" variant="outline" disabled={testing}>
              {testing ? "Testing…" : "Test connection"}
            </Button>
          </form>
          {test && !test.ok ? <FormAlert state={test} /> : null}
          {test?.ok ? (
            <ul aria-label="Connection test" className="grid gap-1 text-sm [overflow-wrap:anywhere]">
              {test.data.steps.map((s) => (
                <li key={s.label} className={s.ok ? "" : "font-medium text-destructive"}>
                  {s.ok ? "✓" : "✗"} {s.label}: {s.detail}
                </li>
              ))}
            </ul>
          ) : settings.lastTest ? (
            <p className="text-sm text-muted-foreground [overflow-wrap:anywhere]">
              Last test {formatDate(settings.lastTest.at)}: {settings.lastTest.ok ? "passed" : "failed"} — {settings.lastTest.message}
            </p>
          ) : null}
          {settings.lastProblem ? (
            <p className="text-sm [overflow-wrap:anywhere]" data-testid="sso-last-problem">
              <span className="font-medium">Last sign-in problem</span> ({formatDate(settings.lastProblem.at)}):{" "}
              {settings.lastProblem.message}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
