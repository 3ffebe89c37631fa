import type { Tx } from "@/lib/db";

/**
 * The per-org ledger lock: the transaction advisory lock that the ActualMonthly and MoneyMonthly
 * triggers take before they change an org's summaries (same key: 'keel:ledger:' || orgId, see the
 * migrations actual_monthly and money_monthly). A long writer (the CSV import) takes it up front, so two imports
 * into one org queue before either writes anything instead of deadlocking later on summary
 * cells or vendor names. Held until the transaction ends.
 */
export async function lockLedger(tx: Tx, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(hashtext(${`keel:ledger:${orgId}`}))) l`;
}
