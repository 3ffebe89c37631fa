import "server-only";

import { problem } from "@/lib/api/problem";
import { countTokenRequest, rateLimitHeaders } from "@/lib/api/rate-limit";
import type { ApiScope } from "@/lib/api/scopes";
import { type ApiPrincipal, authenticateToken, principalCan } from "@/lib/api/tokens";
import { getRouteMember, type Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { scimError, scimErrorOf } from "@/lib/scim/errors";

// The one guard of every route handler under app/[org]/ (exports, uploads, the pickers' search,
// form options, the bell): route handlers are outside the pages' requireMember, so each is
// wrapped in withMember, which answers the refusals the same way everywhere, as JSON
// { ok: false, code, message }: 401 without a live session, 404 for a non-member or an unknown
// org (never confirming that it exists), and for a missing permission 403 — or 404 where even
// the existence of the resource is not the member's to know (the audit log).

type OrgParams = { org: string };

export type GuardOptions = {
  /** A permission the member's role must have (lib/permissions.ts). */
  permission?: Permission;
  /** The status for a member without the permission: 403 (default) or 404. */
  denied?: 403 | 404;
};

const REFUSALS = {
  401: { code: "UNAUTHENTICATED", message: "Please sign in." },
  403: { code: "FORBIDDEN", message: "You don't have permission to do that." },
  404: { code: "NOT_FOUND", message: "Not found." },
} as const;

/** The refusal answer of a route handler: JSON with the status, never cached. */
export function refusal(status: keyof typeof REFUSALS): Response {
  return Response.json({ ok: false, ...REFUSALS[status] }, { status, headers: { "cache-control": "no-store" } });
}

/** Wraps a route handler of /[org]/…: the handler runs only for a member (with the permission, when asked). */
export function withMember<P extends OrgParams = OrgParams, R extends Request = Request>(
  handler: (request: R, member: Member, params: P) => Promise<Response>,
  options: GuardOptions = {},
): (request: R, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const params = await context.params;
    const member = await getRouteMember(params.org);
    if (member === 401 || member === 404) return refusal(member);
    if (options.permission && !can(member.role, options.permission)) return refusal(options.denied ?? 403);
    return handler(request, member, params);
  };
}

// The token strategy of the same guard, for the REST API (/api/v1/…, docs/api.md): the org comes
// from the token, never from the URL. The same permission table decides (grantForToken: a
// personal token has its user's role, an org token the org-token row), narrowed by the token's
// scopes; refusals are RFC 9457 problems: 401 for a missing, unknown, expired or revoked token,
// 429 past the token's rate limit, 403 naming a missing scope.

export type TokenGuardOptions = {
  /** The scope the token must carry (lib/api/scopes.ts). */
  scope: ApiScope;
  /** A permission the token's principal must have; reads need org:read (the default). */
  permission?: Permission;
};

export function withToken<P extends Record<string, string> = Record<string, never>>(
  handler: (request: Request, principal: ApiPrincipal, params: P) => Promise<Response>,
  options: TokenGuardOptions,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const principal = bearer ? await authenticateToken(db, bearer) : null;
    if (!principal) {
      return problem(401, bearer ? "The token is unknown, expired or revoked." : "Send a token: Authorization: Bearer keel_…", {
        headers: { "www-authenticate": 'Bearer realm="keel"' },
      });
    }
    const rate = await countTokenRequest(db, principal.tokenId);
    const headers = rateLimitHeaders(rate);
    if (!rate.allowed) {
      return problem(429, `Rate limit of ${rate.limit} requests per minute reached.`, {
        headers: { ...headers, "retry-after": String(rate.resetS) },
      });
    }
    let response: Response;
    if (!principal.scopes.includes(options.scope)) {
      response = problem(403, `This token lacks the scope ${options.scope}.`, { scope: options.scope });
    } else if (!principalCan(principal, options.permission ?? "org:read")) {
      response = problem(403, "The token's principal does not have this permission.");
    } else {
      response = await handler(request, principal, await context.params);
    }
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  };
}

// The SCIM strategy of the same guard (/api/scim/v2/…, docs/scim.md): the same tokens, answered
// in SCIM's error schema (application/scim+json). Only an org token with the scim scope, whose
// principal holds scim:provision, passes; the org comes from the token. The handler gets the
// secret too: its writes are pipeline actions that re-check the token in their transaction.
// A refusal a read throws (a bad filter) becomes its SCIM error.

export type ScimCaller = { orgId: string; secret: string };

export function withScim<P extends Record<string, string> = Record<string, never>>(
  handler: (request: Request, caller: ScimCaller, params: P) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const principal = bearer ? await authenticateToken(db, bearer) : null;
    if (!bearer || !principal) {
      return scimError(401, bearer ? "The token is unknown, expired or revoked." : "Send a token: Authorization: Bearer keel_…", null, {
        "www-authenticate": 'Bearer realm="keel-scim"',
      });
    }
    const rate = await countTokenRequest(db, principal.tokenId);
    const headers = rateLimitHeaders(rate);
    if (!rate.allowed)
      return scimError(429, `Rate limit of ${rate.limit} requests per minute reached.`, null, {
        ...headers,
        "retry-after": String(rate.resetS),
      });
    let response: Response;
    if (principal.kind !== "ORG" || !principal.scopes.includes("scim") || !principalCan(principal, "scim:provision")) {
      response = scimError(403, "This token lacks the scope scim (an org token created in Settings → API tokens).");
    } else {
      try {
        response = await handler(request, { orgId: principal.org.id, secret: bearer }, await context.params);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        response = scimErrorOf({ ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors });
      }
    }
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  };
}
