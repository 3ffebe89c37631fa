"use client";

import { useRouter } from "next/navigation";
import type * as React from "react";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { API_SCOPES, ORG_ONLY_SCOPES, SCOPE_LABELS } from "@/lib/api/scopes";
import type { ApiTokenRow } from "@/lib/api/token-schemas";
import {
  createOrgApiTokenAction,
  createPersonalApiTokenAction,
  revokeOrgApiTokenAction,
  revokePersonalApiTokenAction,
} from "@/lib/api/actions";
import { formatDate } from "@/lib/format";

type Created = { id: string; secret: string; prefix: string };

/** Create (secret shown once), list and revoke API tokens: the org's (admins) or the member's own. */
export function ApiTokensPanel({ org, kind, tokens }: { org: string; kind: "ORG" | "PERSONAL"; tokens: ApiTokenRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<Created | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  // onSubmit, not a form action: React resets a form after its action, which would empty the
  // fields the member must correct after a refusal.
  const create = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    startTransition(async () => {
      const input = { name: form.get("name"), scopes: form.getAll("scopes"), expiresInDays: form.get("expiresInDays") };
      const result: ActionResult<Created> =
        kind === "ORG" ? await createOrgApiTokenAction(org, input) : await createPersonalApiTokenAction(org, input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
        return;
      }
      setErrors({});
      setCreated(result.data);
      formElement.reset();
      router.refresh();
    });
  };
  const revoke = (t: ApiTokenRow) =>
    startTransition(async () => {
      const result =
        kind === "ORG" ? await revokeOrgApiTokenAction(org, { tokenId: t.id }) : await revokePersonalApiTokenAction(org, { tokenId: t.id });
      if (result.ok) toast.success(`Revoked ${t.name}`);
      else toast.error(result.message);
      router.refresh();
    });

  return (
    <div className="space-y-6">
      {created ? (
        <div role="status" className="space-y-2 rounded-md border border-border bg-muted p-3 text-sm">
          <p className="font-medium">Copy the token now: it is shown only once.</p>
          <code data-testid="new-api-token" className="block break-all rounded bg-background p-2 font-mono text-xs">
            {created.secret}
          </code>
          <Button size="sm" variant="outline" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      ) : null}
      <form onSubmit={create} className="grid max-w-2xl gap-4" aria-label="New API token">
        <div className="grid gap-1.5">
          <label htmlFor="token-name" className="text-sm font-medium">
            Name
          </label>
          <Input
            id="token-name"
            name="name"
            required
            maxLength={80}
            aria-describedby={errors.name ? "token-name-error" : undefined}
            aria-invalid={!!errors.name}
          />
          {errors.name ? (
            <p id="token-name-error" className="text-sm text-destructive">
              {errors.name.join(" ")}
            </p>
          ) : null}
        </div>
        <fieldset className="grid gap-1.5" aria-describedby={errors.scopes ? "token-scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          {API_SCOPES.filter((s) => kind === "ORG" || !ORG_ONLY_SCOPES.includes(s)).map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={s} /> <code className="text-xs">{s}</code>{" "}
              <span className="text-muted-foreground">{SCOPE_LABELS[s]}</span>
            </label>
          ))}
          {errors.scopes ? (
            <p id="token-scopes-error" className="text-sm text-destructive">
              {errors.scopes.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <div className="grid max-w-xs gap-1.5">
          <label htmlFor="token-expiry" className="text-sm font-medium">
            Expires
          </label>
          <NativeSelect id="token-expiry" name="expiresInDays" defaultValue="90">
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In a year</option>
            <option value="never">Never</option>
          </NativeSelect>
        </div>
        <div>
          <Button type="submit" disabled={pending}>
            Create token
          </Button>
        </div>
      </form>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">No tokens yet.</p>
      ) : (
        <ul className="divide-y divide-border" aria-label="API tokens">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div className="min-w-0">
                <div className="font-medium">
                  {t.name} <code className="text-xs text-muted-foreground">{t.prefix}…</code>
                </div>
                <div className="text-xs break-words text-muted-foreground">
                  {t.scopes.join(", ")} · created {formatDate(t.createdAt)} ·{" "}
                  {t.expiresAt ? `expires ${formatDate(t.expiresAt)}` : "never expires"} ·{" "}
                  {t.lastUsedAt ? `last used ${formatDate(t.lastUsedAt)}` : "never used"}
                </div>
              </div>
              {t.revokedAt ? (
                <span className="text-xs text-muted-foreground">Revoked {formatDate(t.revokedAt)}</span>
              ) : (
                <Button size="sm" variant="outline" disabled={pending} onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
