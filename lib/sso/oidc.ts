import "server-only";

import { custom, errors, Issuer, type Client } from "openid-client";

// The relying party's protocol work, on openid-client (the certified library next-auth 4 itself
// uses for its OAuth providers; docs/sso.md says why Keel calls it directly): discovery, the
// authorization URL with PKCE, the code exchange and the id token's validation (signature by the
// provider's JWKS, issuer, audience, expiry, nonce). This module turns its errors into a reason
// and a sentence for the admin; nothing from a stack reaches a page.

custom.setHttpOptionsDefaults({ timeout: 8000 });

export type SsoReason =
  | "unreachable"
  | "issuer"
  | "client"
  | "state"
  | "nonce"
  | "expired"
  | "signature"
  | "audience"
  | "token"
  | "provider"
  | "email"
  | "unverified"
  | "domain"
  | "account"
  | "disabled";

/** A refused sign-in or test: `reason` for the user's message, `detail` for the admin. */
export class SsoError extends Error {
  constructor(
    readonly reason: SsoReason,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "SsoError";
  }
}

const DISCOVERY_TTL_MS = 5 * 60_000;
const issuers = new Map<string, { at: number; issuer: Promise<Issuer<Client>> }>();

/**
 * The provider's discovery document, checked to name the configured issuer (OpenID Connect
 * Discovery §4.3: a document for another issuer is refused). Cached a few minutes per issuer.
 */
export async function discover(configured: string, { fresh = false } = {}): Promise<Issuer<Client>> {
  const hit = issuers.get(configured);
  if (!fresh && hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.issuer;
  const issuer = (async () => {
    const found = await Issuer.discover(configured).catch((error: unknown) => {
      throw new SsoError("unreachable", `Could not read the provider's discovery document at ${wellKnown(configured)}: ${briefly(error)}.`);
    });
    const said = String(found.metadata.issuer ?? "");
    if (trimSlash(said) !== trimSlash(configured)) {
      throw new SsoError("issuer", `Issuer mismatch: the provider says its issuer is “${said}”, but “${configured}” is configured.`);
    }
    for (const field of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
      if (!found.metadata[field]) throw new SsoError("unreachable", `The provider's discovery document has no ${field}.`);
    }
    const methods = found.metadata.code_challenge_methods_supported as string[] | undefined;
    if (methods && !methods.includes("S256")) throw new SsoError("unreachable", "The provider does not offer PKCE with S256.");
    return found;
  })();
  issuers.set(configured, { at: Date.now(), issuer });
  issuer.catch(() => issuers.delete(configured));
  return issuer;
}

export function rpClient(issuer: Issuer<Client>, clientId: string, clientSecret: string, redirectUri: string): Client {
  const client = new issuer.Client({
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ["code"],
  });
  // Clocks of two machines differ a little; a minute's allowance still refuses a stale token.
  client[custom.clock_tolerance] = 60;
  return client;
}

const wellKnown = (issuer: string) => `${trimSlash(issuer)}/.well-known/openid-configuration`;
const trimSlash = (s: string) => s.replace(/\/+$/, "");

/** One line about a network or protocol error: its message, never its stack. */
function briefly(error: unknown): string {
  if (error instanceof errors.OPError) return error.error_description ? `${error.error}: ${error.error_description}` : String(error.error);
  const e = error as { code?: string; message?: string } | null;
  return (e?.code ?? e?.message ?? "no answer").toString().slice(0, 200);
}

/** What a failed code exchange or id token check means, in the admin's words. */
export function explain(error: unknown): SsoError {
  if (error instanceof SsoError) return error;
  if (error instanceof errors.OPError) {
    if (error.error === "invalid_client" || error.error === "unauthorized_client")
      return new SsoError("client", `The provider refused the client id or secret (${briefly(error)}).`);
    if (error.error === "invalid_grant") return new SsoError("token", `The provider refused the sign-in code (${briefly(error)}).`);
    return new SsoError("provider", `The provider answered with an error: ${briefly(error)}.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  // The two issuer checks (RFC 9207's iss in the authorization response, the id token's iss) name
  // both issuers: what the admin needs to fix the configuration.
  if (/unexpected iss|iss mismatch/.test(message)) return new SsoError("issuer", `Issuer mismatch: ${message.slice(0, 300)}.`);
  const rules: [RegExp, SsoReason, string][] = [
    [/^state /, "state", "The sign-in response's state did not match the request (a replayed or forged response)."],
    [/^nonce /, "nonce", "The id token's nonce did not match the sign-in request (a replayed token)."],
    [
      /JWT expired|issued in the future|not active yet|iat/,
      "expired",
      "The id token had expired or was dated in the future: check both clocks.",
    ],
    [/aud|azp/, "audience", "The id token was issued to another client (its audience is not this client id)."],
    [
      /signature|no valid key|jwks|alg/i,
      "signature",
      "The id token's signature did not verify against the provider's published keys (JWKS).",
    ],
    [/id_token/, "token", "The provider returned no valid id token: make sure the scopes include openid."],
  ];
  for (const [pattern, reason, detail] of rules) if (pattern.test(message)) return new SsoError(reason, detail);
  return new SsoError("provider", `The sign-in could not be completed: ${briefly(error)}.`);
}
