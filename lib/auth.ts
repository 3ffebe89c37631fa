import "server-only";

import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { checkCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// Sign-in is next-auth (v4) Credentials with a JWT session in an httpOnly cookie. The token
// carries only the user's id: membership and role are read from the database on every request
// (getMember below), so removing a member or changing a role takes effect at once.

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return first || (Array.isArray(real) ? real[0] : real) || null;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "");
        const password = String(credentials?.password ?? "");
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const result = await checkCredentials(db, email, password, clientIp(req?.headers));
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
      // Keep only identity in the token.
      if (user) return { sub: user.id, iat: token.iat, exp: token.exp, jti: token.jti };
      return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" } } as typeof session;
    },
  },
};

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user, re-read from the database (a deleted user is signed out). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
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
