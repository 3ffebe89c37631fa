import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { clientAddress } from "@/lib/auth/client-ip";
import { checkCredentials } from "@/lib/auth/credentials";
import { cookieFromHeader, deviceCookieName, knownDeviceId } from "@/lib/auth/device";
import { decodeJwt, encodeJwt, liveSession } from "@/lib/auth/session-cookie";
import { landingOrgSlug, rememberOrg } from "@/lib/auth/landing";
import { endSession, startSession, touchSession } from "@/lib/auth/sessions";
import {
  SessionEndedError,
  sessionConfig,
  sessionCookie,
  LAST_SEEN_REFRESH_MS,
  sessionVerdict,
  signedInBeforePasswordChange,
} from "@/lib/auth/session-policy";
import { db } from "@/lib/db";
import { isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { readEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";
import { readsPay } from "@/lib/permissions";

// Sign-in is next-auth (v4) Credentials with a JWT session in an httpOnly, SameSite=Lax cookie
// (Secure in production). The token carries only the user's id, the id of its server-side
// session record (sid, lib/auth/sessions.ts) and two times (sign-in and last use, see
// lib/auth/session-policy.ts): the record, membership and role are read from the database on
// every request (requireMember below), so signing out, removing a member or changing a role
// takes effect at once.

const cookie = sessionCookie();

export const authOptions: NextAuthOptions = {
  secret: readEnv().authSecret,
  session: { strategy: "jwt", maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000) },
  // Keel's own cookie format (lib/auth/session-cookie.ts), through next-auth's public options.
  jwt: { encode: encodeJwt, decode: decodeJwt },
  useSecureCookies: cookie.secure,
  cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
  pages: { signIn: "/login" },
  logger: {
    // An idle or expired session is an expected outcome (the user is sent to /login), not an
    // error worth a stack trace in the server log.
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (code === "JWT_SESSION_ERROR" && error instanceof Error && error.message.startsWith(SessionEndedError.PREFIX)) return;
      logger.error({ code, err: error ?? metadata }, "next-auth error");
    },
    warn(code) {
      logger.warn({ code }, "next-auth warning");
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "");
        const password = String(credentials?.password ?? "");
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const headers = req?.headers as Record<string, string | string[] | undefined> | undefined;
        const device = knownDeviceId(cookieFromHeader(headers?.cookie, deviceCookieName()), email);
        // An unreachable database is said as such (login-form.tsx), never as a wrong password.
        const result = await checkCredentials(db, email, password, clientAddress(headers), device).catch((error: unknown) => {
          if (!isDbUnavailable(error)) throw error;
          reportDbUnavailable(error, { route: "sign-in" });
          throw new Error("unavailable");
        });
        if (!result.ok) {
          // next-auth passes an Error's message to the client as `error`: "throttled" is shown
          // as a wait message, anything else as "Invalid email or password".
          if (result.reason === "throttled") throw new Error("throttled");
          if (result.reason === "sso") throw new Error("sso");
          return null;
        }
        // The server-side record this session's cookie will name (lib/auth/sessions.ts).
        const userAgent = headers?.["user-agent"];
        const sid = await startSession(db, result.user.id, typeof userAgent === "string" ? userAgent : "");
        return { ...result.user, sid };
      },
    }),
  ],
  events: {
    // Signing out ends the server-side record: a copy of the cookie is worthless from now on.
    async signOut({ token }) {
      await endSession(db, token?.sid);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      // Keep only identity, the session record's id and the session times in the token.
      const now = Date.now();
      if (user) return { sub: user.id, sid: (user as { sid?: string }).sid, authAt: now, lastSeen: now };
      const verdict = sessionVerdict(token, now, sessionConfig());
      // Throwing makes next-auth treat the session as absent (and clear the cookie where it
      // can): pages then redirect to /login.
      if (verdict !== "ok") throw new SessionEndedError(verdict);
      if (!(await sessionRecordUser(token.sub, token.sid))) throw new SessionEndedError("ended");
      return { sub: token.sub, sid: token.sid, authAt: token.authAt, lastSeen: now };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" }, authAt: token.authAt } as typeof session;
    },
  },
};

export type SessionUser = { id: string; email: string; name: string };

const USER_FIELDS = { id: true, email: true, name: true, passwordChangedAt: true } as const;

/**
 * This request's live session token, read once per request. Pages and actions read the cookie
 * themselves rather than through next-auth's getServerSession, which in a server component
 * decodes the token, runs the callbacks and then encrypts a fresh token it cannot set (a
 * server component cannot write cookies): the same checks (decrypt, then the idle and absolute
 * limits of lib/auth/session-policy.ts, as the jwt callback above applies them) without that
 * wasted work. lastSeen moves forward in proxy.ts.
 */
const currentSession = cache(async () => {
  const session = await liveSession((await cookies()).get(cookie.name)?.value);
  // proxy.ts is about to move the cookie's lastSeen: move the record's too (for the admins'
  // session list), without making the page wait for it.
  if (session && typeof session.sid === "string" && Date.now() - session.lastSeen >= LAST_SEEN_REFRESH_MS) {
    touchSession(db, session.sid).catch(() => {});
  }
  return session;
});

/** The user of a live (not ended) session record, or null. */
async function sessionRecordUser(userId: unknown, sid: unknown) {
  if (typeof userId !== "string" || typeof sid !== "string") return null;
  const record = await db.userSession.findFirst({ where: { id: sid, userId, endedAt: null }, select: { user: { select: USER_FIELDS } } });
  return record?.user ?? null;
}

function userFromRow(
  authAt: number,
  user: { id: string; email: string; name: string; passwordChangedAt: Date | null } | null,
): SessionUser | null {
  // A password change ends every session that signed in before it (the changing session is
  // re-issued by the action, lib/account/actions.ts).
  if (!user || signedInBeforePasswordChange(authAt, user.passwordChangedAt)) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** The signed-in user, re-read from the database (a deleted user is signed out). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  if (!session) return null;
  return userFromRow(session.authAt, await sessionRecordUser(session.sub, session.sid));
});

/** The id of this request's session record (lib/auth/sessions.ts), or null when signed out. */
export async function currentSessionId(): Promise<string | null> {
  const sid = (await currentSession())?.sid;
  return typeof sid === "string" ? sid : null;
}

async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

export type Member = {
  user: SessionUser;
  org: { id: string; slug: string; name: string; currency: string; fiscalYearStartMonth: number };
  role: Role;
  scopeUnitId: string | null;
  /** May read individual pay (lib/permissions.ts readsPay: the role and the org's setting). */
  readsPay: boolean;
};

type MemberRow = {
  role: Role;
  scopeUnitId: string | null;
  userId: string;
  email: string;
  name: string;
  passwordChangedAt: Date | null;
  lastOrgId: string | null;
  orgId: string;
  slug: string;
  orgName: string;
  currency: string;
  fiscalYearStartMonth: number;
  financeReadsPay: boolean;
};

// Which orgs a session reaches (docs/sso.md), over a membership m of org o, the session s and the
// org's SSO settings q: a session opened by an org's single sign-on reaches that org only; an org
// that requires it is reached by its own SSO sessions and its break-glass admin only. One
// condition for the pages (memberOf) and the org switcher (listMyOrgs).
const SESSION_REACHES_ORG = Prisma.sql`(s."ssoOrgId" IS NULL OR s."ssoOrgId" = o.id)
      AND (s."ssoOrgId" = o.id OR q."requireSso" IS NOT TRUE OR q.enabled IS NOT TRUE OR q."breakGlassUserId" = m."userId")`;

/**
 * The session user's membership of the org with this slug, with user and org, in ONE SQL
 * statement: Prisma loads a nested select (membership → user, org) as three round trips, and
 * every page pays for this read.
 * undefined: no such membership (or no such org); null: a membership, but the session ended
 * (signed in before a password change).
 */
async function memberOf(session: { sub: string; sid?: unknown; authAt: number }, orgSlug: string): Promise<Member | null | undefined> {
  if (typeof session.sid !== "string") return undefined;
  const [row] = await db.$queryRaw<MemberRow[]>`
    SELECT m.role::text AS role, m."scopeUnitId", u.id AS "userId", u.email, u.name, u."passwordChangedAt", u."lastOrgId",
           o.id AS "orgId", o.slug, o.name AS "orgName", o.currency, o."fiscalYearStartMonth", o."financeReadsPay"
    FROM "Membership" m
    JOIN "Organization" o ON o.id = m."orgId"
    JOIN "User" u ON u.id = m."userId"
    JOIN "UserSession" s ON s.id = ${session.sid} AND s."userId" = u.id AND s."endedAt" IS NULL
    LEFT JOIN "OrgSso" q ON q."orgId" = o.id
    WHERE m."userId" = ${session.sub} AND o.slug = ${orgSlug}
      AND ${SESSION_REACHES_ORG}
    LIMIT 1`;
  if (!row) return undefined;
  const user = userFromRow(session.authAt, { id: row.userId, email: row.email, name: row.name, passwordChangedAt: row.passwordChangedAt });
  if (!user) return null;
  // Sign-in lands in the org last opened (lib/auth/landing.ts); the page need not wait for it.
  if (row.lastOrgId !== row.orgId) rememberOrg(db, row.userId, row.orgId).catch(() => {});
  return {
    user,
    org: { id: row.orgId, slug: row.slug, name: row.orgName, currency: row.currency, fiscalYearStartMonth: row.fiscalYearStartMonth },
    role: row.role,
    scopeUnitId: row.scopeUnitId,
    readsPay: readsPay(row.role, row),
  };
}

/**
 * For pages: the signed-in member of the org with this slug. Not signed in → /login. Not a
 * member, or no such org → 404 (never a 403 that would confirm the org exists). Every page pays
 * for this: one statement (memberOf); only a miss asks again whether the user still exists, to
 * tell /login from 404.
 */
export const requireMember = cache(async (orgSlug: string): Promise<Member> => {
  const session = await currentSession();
  if (!session) redirect("/login");
  const member = await memberOf(session, orgSlug);
  if (member === undefined) {
    await requireUser();
    notFound();
  }
  if (member === null) redirect("/login");
  return member;
});

/**
 * For route handlers (through withMember, lib/route-guard.ts), which are outside the pages'
 * requireMember: the same member, or the status to
 * answer instead of a redirect. 401 = not signed in (like every route handler); 404 = not a
 * member, or no such org (never confirming that the org exists). Permissions beyond membership
 * are the route's or the lib function's to check.
 */
export async function getRouteMember(orgSlug: string): Promise<Member | 401 | 404> {
  const session = await currentSession();
  if (!session) return 401;
  const member = await memberOf(session, orgSlug);
  if (member === undefined) return (await getSessionUser()) ? 404 : 401;
  return member ?? 401;
}

/** The slug of the org a signed-in user lands in (lib/auth/landing.ts), or null. */
export async function landingOrg(userId: string): Promise<string | null> {
  return landingOrgSlug(db, userId);
}

/** The orgs this request's session reaches, for the org switcher: never one whose opening is a 404. */
export async function listMyOrgs(): Promise<{ role: Role; slug: string; name: string }[]> {
  const session = await currentSession();
  if (!session || typeof session.sid !== "string") return [];
  return db.$queryRaw<{ role: Role; slug: string; name: string }[]>`
    SELECT m.role::text AS role, o.slug, o.name
    FROM "Membership" m
    JOIN "Organization" o ON o.id = m."orgId"
    JOIN "UserSession" s ON s.id = ${session.sid} AND s."userId" = m."userId" AND s."endedAt" IS NULL
    LEFT JOIN "OrgSso" q ON q."orgId" = o.id
    WHERE m."userId" = ${session.sub} AND ${SESSION_REACHES_ORG}
    ORDER BY o.name ASC`;
}
