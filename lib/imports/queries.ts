import "server-only";

import { db } from "@/lib/db";
import { KIND_MAPPING, type LedgerMapping, type MappedKind } from "@/lib/imports/ledger-mapping";

/** A saved mapping as the wizard receives it. */
export type SavedLedgerMapping = { id: string; signature: string; header: string[]; mapping: LedgerMapping; updatedAt: string };

/**
 * The org's saved mappings of a kind, newest first. A stored mapping that no longer parses (an
 * older shape of the mapping) is left out: the wizard then maps that file afresh.
 */
export async function listLedgerMappings(orgId: string, kind: MappedKind = "ACTUALS"): Promise<SavedLedgerMapping[]> {
  const rows = await db.importMapping.findMany({
    where: { orgId, kind },
    select: { id: true, signature: true, header: true, mapping: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
  return rows.flatMap((r) => {
    const parsed = KIND_MAPPING[kind].safeParse(r.mapping);
    if (!parsed.success || !Array.isArray(r.header)) return [];
    return [{ id: r.id, signature: r.signature, header: r.header.map(String), mapping: parsed.data, updatedAt: r.updatedAt.toISOString() }];
  });
}

/** The org's open cost centres (id, code and name), for mapping a file's departments onto them. */
export async function listCostCentres(orgId: string): Promise<{ id: string; code: string; name: string }[]> {
  return db.orgUnit.findMany({
    where: { orgId, closedOn: null },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
    take: 5000,
  });
}
