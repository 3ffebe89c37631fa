import { generators } from "openid-client";

import { decodeJwt, encodeJwt } from "@/lib/auth/session-cookie";
import { readEnv } from "@/lib/env";
import type { Db } from "@/lib/db-factory";
import { ssoConfigOf, ssoForEmail, recordSsoProblem } from "@/lib/sso/config";
import { discover, explain, rpClient, SsoError } from "@/lib/sso/oidc";
import { provisionSsoUser, type VerifiedIdentity } from "@/lib/sso/provision";

// Sign-in through an org's identity provider: authorization code with PKCE (S256), state and
// nonce. What must survive the round trip through the provider (state, nonce, the PKCE verifier,
// the org, where to land) travels in a short-lived cookie sealed like the session cookie (with
// its own HKDF label), so no server-side row is needed and a response replayed into another
// browser finds no matching state.

const FLOW_SALT = "sso flow";
const FLOW_MAX_AGE_S = 10 * 60;

type Flow = { orgId: string; state: string; nonce: string; verifier: string; callbackUrl: string };

function secret(): string {
  const value = readEnv().authSecret;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

export const FLOW_COOKIE_MAX_AGE_S = FLOW_MAX_AGE_S;

/** Where a provider must send users back: the one redirect URI every org registers (docs/sso.md). */
export const ssoRedirectUri = (origin: string) => `${origin.replace(/\/+$/, "")}/api/auth/sso/callback`;

/**
 * The provider's authorization URL for this email's org, and the sealed flow for the cookie.
 * Null when the email's domain has no enabled SSO.
 */
export async function startSsoSignIn(
  db: Db,
  input: { email: string; callbackUrl: string; redirectUri: string },
): Promise<{ url: string; flow: string } | null> {
  const match = await ssoForEmail(db, input.email);
  if (!match) return null;
  const config = await ssoConfigOf(db, match.orgId);
  if (!config) return null;
  let issuer;
  try {
    issuer = await discover(config.issuer);
  } catch (error) {
    const failure = explain(error);
    await recordSsoProblem(db, config.orgId, failure.detail);
    throw failure;
  }
  const client = rpClient(issuer, config.clientId, config.clientSecret, input.redirectUri);
  const flow: Flow = {
    orgId: config.orgId,
    state: generators.state(),
    nonce: generators.nonce(),
    verifier: generators.codeVerifier(),
    callbackUrl: input.callbackUrl,
  };
  const url = client.authorizationUrl({
    scope: config.scopes,
    code_challenge: generators.codeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    login_hint: input.email.trim().toLowerCase(),
  });
  return { url, flow: await encodeJwt({ token: flow, secret: secret(), maxAge: FLOW_MAX_AGE_S, salt: FLOW_SALT }) };
}

async function readFlow(value: string | undefined): Promise<Flow | null> {
  if (!value) return null;
  try {
    const token = (await decodeJwt({ token: value, secret: secret(), salt: FLOW_SALT })) as Partial<Flow> | null;
    if (!token || typeof token.orgId !== "string" || typeof token.state !== "string") return null;
    return token as Flow;
  } catch {
    return null;
  }
}

export type SsoSignIn = { userId: string; orgId: string; orgSlug: string; callbackUrl: string; joined: boolean };

/**
 * Completes a sign-in from the provider's redirect (`callbackUrl`: the full URL it called). Every
 * check is openid-client's or below; a refusal throws SsoError and is noted for the org's admin.
 */
export async function finishSsoSignIn(
  db: Db,
  input: { flow: string | undefined; callbackUrl: string; redirectUri: string },
): Promise<SsoSignIn> {
  const flow = await readFlow(input.flow);
  if (!flow) throw new SsoError("state", "The sign-in started too long ago, or in another browser: no matching state.");
  const config = await ssoConfigOf(db, flow.orgId);
  if (!config?.enabled) throw new SsoError("disabled", "Single sign-on is not enabled for this organization.");
  try {
    const client = rpClient(await discover(config.issuer), config.clientId, config.clientSecret, input.redirectUri);
    const params = client.callbackParams(input.callbackUrl);
    if (params.error)
      throw new SsoError(
        "provider",
        `The provider refused the sign-in: ${params.error}${params.error_description ? ` (${params.error_description})` : ""}.`,
      );
    const tokens = await client.callback(input.redirectUri, params, { state: flow.state, nonce: flow.nonce, code_verifier: flow.verifier });
    let claims: Record<string, unknown> = tokens.claims();
    // Some providers (Okta's org server, Keycloak without a mapper) put groups or email only in
    // the userinfo response; openid-client checks its subject against the id token's.
    if (
      (claims.email === undefined || claims[config.groupsClaim] === undefined) &&
      tokens.access_token &&
      client.issuer.metadata.userinfo_endpoint
    ) {
      const info = await client.userinfo(tokens).catch(() => null);
      if (info)
        claims = {
          ...info,
          ...claims,
          ...(claims[config.groupsClaim] === undefined ? { [config.groupsClaim]: info[config.groupsClaim] } : {}),
        };
    }
    const identity = verifiedIdentity(claims);
    const result = await provisionSsoUser(db, config, identity);
    if (result.note) await recordSsoProblem(db, config.orgId, result.note);
    return { userId: result.userId, orgId: config.orgId, orgSlug: config.orgSlug, callbackUrl: flow.callbackUrl, joined: result.joined };
  } catch (error) {
    const failure = explain(error);
    await recordSsoProblem(db, config.orgId, failure.detail).catch(() => {});
    throw failure;
  }
}

/** The id token's (and userinfo's) claims Keel relies on; email_verified must be true. */
function verifiedIdentity(claims: Record<string, unknown>): VerifiedIdentity {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || !email.includes("@"))
    throw new SsoError("email", "The id token has no “email” claim: include the email scope (docs/sso.md).");
  // Entra ID sends no email_verified; its xms_edov ("email domain owner verified") says the same.
  const verified = claims.email_verified === true || claims.email_verified === "true" || claims.xms_edov === true;
  if (!verified) throw new SsoError("unverified", `The provider did not mark ${email} as verified (email_verified is not true).`);
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 120) : email.split("@")[0];
  return { email, name, claims };
}
