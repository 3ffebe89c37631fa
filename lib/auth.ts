import "server-only";

import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { clientAddress } from "@/lib/auth/client-ip";
import { checkCredentials } from "@/lib/auth/credentials";
import {
  SessionEndedError,
  sessionConfig,
  sessionCookie,
  sessionVerdict,
  signedInBeforePasswordChange,
} from "@/lib/auth/session-policy";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// Sign-in is next-auth (v4) Credentials with a JWT session in an httpOnly, SameSite=Lax cookie
// (Secure in production). The token carries only the user's id and two times (sign-in and last
// use, see lib/auth/session-policy.ts): membership and role are read from the database on every
// request (requireMember below), so removing a member or changing a role takes effect at once.

const cookie = sessionCookie();

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000) },
  useSecureCookies: cookie.secure,
  cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
  pages: { signIn: "/login" },
  logger: {
    // An idle or expired session is an expected outcome (the user is sent to /login), not an
    // error worth a stack trace in the server log.
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (code === "JWT_SESSION_ERROR" && error instanceof Error && error.message.startsWith(SessionEndedError.PREFIX)) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
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
        const result = await checkCredentials(db, email, password, clientAddress(req?.headers));
        if (!result.ok) {
          // next-auth passes an Error's message to the client as `error`: "throttled" is shown
          // as a wait message, anything else as "Invalid email or password".
          if (result.reason === "throttled") throw new Error("throttled");
          return null;
        }
        return result.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Keep only identity and the session times in the token.
      const now = Date.now();
      if (user) return { sub: user.id, authAt: now, lastSeen: now };
      const verdict = sessionVerdict(token, now, sessionConfig());
      // Throwing makes next-auth treat the session as absent (and clear the cookie where it
      // can): pages then redirect to /login.
      if (verdict !== "ok") throw new SessionEndedError(verdict);
      return { sub: token.sub, authAt: token.authAt, lastSeen: now };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" }, authAt: token.authAt } as typeof session;
    },
  },
};

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user, re-read from the database (a deleted user is signed out). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { user?: { id?: string }; authAt?: number } | null;
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, passwordChangedAt: true } });
  // A password change ends every session that signed in before it (the changing session is
  // re-issued by the action, lib/account/actions.ts).
  if (!user || signedInBeforePasswordChange(session.authAt, user.passwordChangedAt)) return null;
  return { id: user.id, email: user.email, name: user.name };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

export type Member = {
  user: SessionUser;
  org: { id: string; slug: string; name: string; currency: string; fiscalYearStartMonth: number };
  role: Role;
  scopeUnitId: string | null;
};

/**
 * For pages: the signed-in member of the org with this slug. Not signed in → /login. Not a
 * member, or no such org → 404 (never a 403 that would confirm the org exists).
 */
export const requireMember = cache(async (orgSlug: string): Promise<Member> => {
  const user = await requireUser();
  const membership = await db.membership.findFirst({
    where: { userId: user.id, org: { slug: orgSlug } },
    select: {
      role: true,
      scopeUnitId: true,
      org: { select: { id: true, slug: true, name: true, currency: true, fiscalYearStartMonth: true } },
    },
  });
  if (!membership) notFound();
  return { user, org: membership.org, role: membership.role, scopeUnitId: membership.scopeUnitId };
});

/** The orgs the user belongs to, for the org switcher and the post-login redirect. */
export async function listMyOrgs(userId: string) {
  return db.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { slug: true, name: true } } },
    orderBy: { org: { name: "asc" } },
  });
}
