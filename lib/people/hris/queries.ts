import "server-only";

import { db } from "@/lib/db";
import { ZSavedHrisMapping } from "@/lib/people/hris/mapping";
import type { HrisDateFormat } from "@/lib/people/hris/parse";
import type { HrisMapping } from "@/lib/people/hris/mapping";

/** A saved HRIS column mapping as the Teams dialog receives it. */
export type SavedHrisMapping = {
  id: string;
  signature: string;
  header: string[];
  mapping: HrisMapping;
  dateFormat: HrisDateFormat;
  updatedAt: string;
};

/**
 * The org's saved HRIS column mappings, newest first; one that no longer parses (an older shape
 * of the mapping) is left out, and that file is mapped afresh.
 */
export async function listHrisMappings(orgId: string): Promise<SavedHrisMapping[]> {
  const rows = await db.importMapping.findMany({
    where: { orgId, kind: "PEOPLE" },
    select: { id: true, signature: true, header: true, mapping: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: 100,
  });
  return rows.flatMap((r) => {
    const parsed = ZSavedHrisMapping.safeParse(r.mapping);
    if (!parsed.success || !Array.isArray(r.header)) return [];
    const { dateFormat, ...mapping } = parsed.data;
    return [{ id: r.id, signature: r.signature, header: r.header.map(String), mapping, dateFormat, updatedAt: r.updatedAt.toISOString() }];
  });
}
