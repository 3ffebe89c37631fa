import type { Scope } from "@/lib/scope";

// Keyset pagination and DTO conversions shared by the REST API's reads (lib/api/*queries.ts).

type Page = { limit: number; cursor?: string };

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
export const cents = (v: bigint | null) => (v === null ? null : v.toString());

const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");
const decodeCursor = (cursor?: string) => (cursor ? Buffer.from(cursor, "base64url").toString("utf8") : undefined);

/** One page of rows fetched with limit + 1: the extra row only says whether another page exists. */
export function paged<T extends { id: string }>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, nextCursor: more ? encodeCursor(kept[kept.length - 1].id) : null };
}

export const keyset = (page: Page) => {
  const after = decodeCursor(page.cursor);
  return { orderBy: { id: "asc" as const }, take: page.limit + 1, ...(after ? { where: { id: { gt: after } } } : {}) };
};

export const subtree = (scope: Scope, unitId: string | undefined) =>
  unitId ? { orgUnit: { ancestors: { some: { orgId: scope.orgId, ancestorId: unitId } } } } : {};
