import "server-only";

import { errors } from "openid-client";

import type { SsoConfig } from "@/lib/sso/config";
import { discover, explain, rpClient } from "@/lib/sso/oidc";

export type SsoTestStep = { label: string; ok: boolean; detail: string };

/**
 * Checks an org's provider the way a sign-in will use it, one step after another, each said in
 * the admin's words: discovery (and that it names the configured issuer), the signing keys, and
 * the client id and secret (a client-credentials request: a provider that authenticates the
 * client and then declines the grant has accepted the secret; one that answers invalid_client
 * has not). Claims can only be seen in a real sign-in: its problems appear as "last problem".
 */
export async function testSsoConnection(config: SsoConfig): Promise<SsoTestStep[]> {
  const steps: SsoTestStep[] = [];
  let issuer;
  try {
    issuer = await discover(config.issuer, { fresh: true });
    steps.push({ label: "Discovery", ok: true, detail: `Read the discovery document of ${String(issuer.metadata.issuer)}.` });
  } catch (error) {
    steps.push({ label: "Discovery", ok: false, detail: explain(error).detail });
    return steps;
  }
  try {
    const response = await fetch(String(issuer.metadata.jwks_uri), { signal: AbortSignal.timeout(8000) });
    const body = (await response.json().catch(() => null)) as { keys?: unknown[] } | null;
    const count = Array.isArray(body?.keys) ? body.keys.length : 0;
    steps.push(
      count > 0
        ? { label: "Signing keys", ok: true, detail: `The provider publishes ${count} signing key${count === 1 ? "" : "s"}.` }
        : { label: "Signing keys", ok: false, detail: `The provider's JWKS (${String(issuer.metadata.jwks_uri)}) holds no keys.` },
    );
  } catch {
    steps.push({ label: "Signing keys", ok: false, detail: `Could not read the provider's JWKS at ${String(issuer.metadata.jwks_uri)}.` });
  }
  const client = rpClient(issuer, config.clientId, config.clientSecret, "");
  try {
    await client.grant({ grant_type: "client_credentials" });
    steps.push({ label: "Client id and secret", ok: true, detail: "The provider accepted the client id and secret." });
  } catch (error) {
    const refused = error instanceof errors.OPError && error.error === "invalid_client";
    steps.push(
      refused || !(error instanceof errors.OPError)
        ? { label: "Client id and secret", ok: false, detail: explain(error).detail }
        : { label: "Client id and secret", ok: true, detail: "The provider authenticated the client id and secret." },
    );
  }
  return steps;
}
