import "server-only";

import type { ApiTokenRow } from "@/lib/api/token-schemas";
import { db } from "@/lib/db";

// Tokens as the settings and account pages list them: never the hash, only the prefix.

const SELECT = {
  id: true,
  kind: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  user: { select: { name: true } },
} as const;

type Row = {
  id: string;
  kind: "ORG" | "PERSONAL";
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  user: { name: string } | null;
};

const toRow = (t: Row): ApiTokenRow => ({
  id: t.id,
  kind: t.kind,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  owner: t.user?.name ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});

/** The org's tokens (newest first), for the admin's settings page. */
export async function listOrgApiTokens(orgId: string): Promise<ApiTokenRow[]> {
  const rows = await db.apiToken.findMany({ where: { orgId, kind: "ORG" }, select: SELECT, orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map(toRow);
}

/** The user's own personal tokens in this org. */
export async function listMyApiTokens(orgId: string, userId: string): Promise<ApiTokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: { orgId, kind: "PERSONAL", userId },
    select: SELECT,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map(toRow);
}
