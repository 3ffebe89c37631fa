import { createHash, randomBytes } from "node:crypto";

import type { Db, Tx } from "@/lib/db-factory";
import type { ApiTokenKind, Role } from "@/lib/generated/prisma/enums";
import { grantForToken, type Permission } from "@/lib/permissions";
import { type ApiScope, isApiScope } from "@/lib/api/scopes";

// API tokens (docs/api.md): "keel_" + 32 random bytes, base64url. Only the SHA-256 of the whole
// secret is stored, so a database leak reveals no usable token; the first characters are kept
// as a prefix to recognise a token in a list. Every request re-reads the token and, for a
// personal one, the user's membership: revocation, expiry and a role change apply at once.

const TOKEN_PREFIX = "keel_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
const TOKEN_SHAPE = /^keel_[A-Za-z0-9_-]{43}$/;
// lastUsedAt is written at most once a minute per token, not on every request.
const LAST_USED_RESOLUTION_MS = 60_000;

const hashToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function generateToken(): { secret: string; prefix: string; tokenHash: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), tokenHash: hashToken(secret) };
}

/** Who a valid token acts as, in which org, with which scopes. */
export type ApiPrincipal = {
  tokenId: string;
  kind: ApiTokenKind;
  scopes: ApiScope[];
  /** PERSONAL: the user; ORG: null. */
  userId: string | null;
  /** PERSONAL: the user's current role in the org. */
  role: Role | null;
  org: { id: string; slug: string; name: string; currency: string; fiscalYearStartMonth: number; financeReadsPay: boolean };
};

/** Whether the principal's grants (not its scopes) include the permission. */
export function principalCan(p: ApiPrincipal, permission: Permission): boolean {
  const principal = p.kind === "ORG" ? ({ kind: "ORG" } as const) : ({ kind: "PERSONAL", role: p.role! } as const);
  return grantForToken(principal, permission) !== null;
}

/** Individual pay: the compensation:read scope and a principal that may read pay (lib/permissions.ts readsPay). */
export function principalReadsPay(p: ApiPrincipal): boolean {
  if (!p.scopes.includes("compensation:read")) return false;
  return principalCan(p, "compensation:read") || (p.org.financeReadsPay && principalCan(p, "compensation:read-if-allowed"));
}

/** The principal of a bearer secret, or null (unknown, malformed, expired, revoked, or its user left the org). */
export async function authenticateToken(db: Db | Tx, secret: string, now = new Date()): Promise<ApiPrincipal | null> {
  if (!TOKEN_SHAPE.test(secret)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      kind: true,
      userId: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      org: { select: { id: true, slug: true, name: true, currency: true, fiscalYearStartMonth: true, financeReadsPay: true } },
    },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  let role: Role | null = null;
  if (token.kind === "PERSONAL") {
    if (!token.userId) return null;
    const membership = await db.membership.findUnique({
      where: { orgId_userId: { orgId: token.org.id, userId: token.userId } },
      select: { role: true },
    });
    if (!membership) return null;
    role = membership.role;
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: token.id, kind: token.kind, scopes: token.scopes.filter(isApiScope), userId: token.userId, role, org: token.org };
}
