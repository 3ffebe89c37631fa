import "server-only";

import { getRouteMember, type Member } from "@/lib/auth";
import { can, type Permission } from "@/lib/permissions";

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
