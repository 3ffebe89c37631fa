import "server-only";

import { NextResponse, type NextRequest } from "next/server";

import { countRequest, rateLimitHeaders } from "@/lib/api/rate-limit";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-ip";
import { sessionCookie } from "@/lib/auth/session-policy";
import { db } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { ssoForEmail } from "@/lib/sso/config";
import { FLOW_COOKIE_MAX_AGE_S, finishSsoSignIn, ssoRedirectUri, startSsoSignIn } from "@/lib/sso/flow";
import { SsoError } from "@/lib/sso/oidc";
import { ssoSessionCookie } from "@/lib/sso/session";

// The route handlers of single sign-on (app/api/auth/sso/*): before any session, so outside the
// org route guard, like next-auth's own endpoints. A refusal goes back to the login page with a
// reason word (never a stack); the detail is kept for the org's admin (lib/sso/flow.ts).

/** Keel's public origin: NEXTAUTH_URL (as for next-auth's own callbacks), else the request's. */
function publicOrigin(request: Request): string {
  return readEnv().NEXTAUTH_URL?.replace(/\/+$/, "") ?? new URL(request.url).origin;
}

const redirectUriFor = (request: Request) => ssoRedirectUri(publicOrigin(request));

function flowCookie() {
  const secure = sessionCookie().secure;
  return {
    name: `${secure ? "__Secure-" : ""}keel.sso-flow`,
    // Lax: the provider's redirect back is a top-level GET, which carries it.
    options: { httpOnly: true, sameSite: "lax" as const, path: "/api/auth/sso", secure },
  };
}

/** Lookups a minute from one client address: typing an email asks a few times, a script many. */
export const SSO_LOOKUP_LIMIT = 60;

const toLogin = (request: Request, reason: string) => NextResponse.redirect(new URL(`/login?sso=${reason}`, publicOrigin(request)), 303);

/**
 * GET /api/auth/sso/lookup?email=: the login page asks, once an email is typed, whether its
 * domain signs in through an org's provider. Public by nature: the login page shows the answer
 * to anyone who types an address at that domain.
 */
export async function ssoLookupRoute(request: NextRequest) {
  // Each answer tells whether a domain has an org's provider: counted per client address, so a
  // script cannot walk a list of domains. Without a trusted address (lib/auth/client-ip.ts) there
  // is no counter: one shared by every visitor would let anyone turn the lookup off for everyone.
  const address = clientAddress({ "x-forwarded-for": request.headers.get("x-forwarded-for") ?? undefined });
  if (address) {
    const rate = await countRequest(db, `sso-lookup:${address}`, SSO_LOOKUP_LIMIT);
    if (!rate.allowed) {
      return Response.json(
        { provider: null },
        { status: 429, headers: { ...rateLimitHeaders(rate), "retry-after": String(rate.resetS), "cache-control": "no-store" } },
      );
    }
  }
  const match = await ssoForEmail(db, (request.nextUrl.searchParams.get("email") ?? "").slice(0, 320));
  return Response.json({ provider: match?.displayName ?? null }, { headers: { "cache-control": "no-store" } });
}

/** GET /api/auth/sso/start?email=&callbackUrl=: to the org's provider, with the sealed flow cookie. */
export async function ssoStartRoute(request: NextRequest) {
  const email = (request.nextUrl.searchParams.get("email") ?? "").slice(0, 320);
  const callbackUrl = safeCallbackUrl(request.nextUrl.searchParams.get("callbackUrl") ?? undefined);
  let started;
  try {
    started = await startSsoSignIn(db, { email, callbackUrl, redirectUri: redirectUriFor(request) });
  } catch (error) {
    if (error instanceof SsoError) return toLogin(request, error.reason);
    throw error;
  }
  if (!started) return toLogin(request, "none");
  const response = NextResponse.redirect(started.url, 303);
  const cookie = flowCookie();
  response.cookies.set(cookie.name, started.flow, { ...cookie.options, maxAge: FLOW_COOKIE_MAX_AGE_S });
  return response;
}

/**
 * GET /api/auth/sso/callback: the provider sends the browser back here; the code is exchanged
 * and the id token checked, then Keel's own session cookie is set, as for a password sign-in.
 */
export async function ssoCallbackRoute(request: NextRequest) {
  const cookie = flowCookie();
  const redirectUri = redirectUriFor(request);
  let response: NextResponse;
  try {
    const flow = request.cookies.get(cookie.name)?.value;
    const signIn = await finishSsoSignIn(db, { flow, callbackUrl: `${redirectUri}${request.nextUrl.search}`, redirectUri });
    const target = signIn.callbackUrl !== "/" ? signIn.callbackUrl : `/${signIn.orgSlug}/dashboard`;
    response = NextResponse.redirect(new URL(target, publicOrigin(request)), 303);
    const session = await ssoSessionCookie(db, signIn.userId, signIn.orgId, request.headers.get("user-agent") ?? "");
    response.cookies.set(session.name, session.value, session.options);
  } catch (error) {
    if (!(error instanceof SsoError)) throw error;
    logger.warn({ reason: error.reason, detail: error.detail }, "sso sign-in refused");
    response = toLogin(request, error.reason);
  }
  // The flow is single-use: a replayed response finds no state.
  response.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  return response;
}
