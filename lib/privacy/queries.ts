import "server-only";

import type { Tx } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { fiscalMonths, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { computeDisclosure, type Disclosure } from "@/lib/privacy/disclosure";
import { loadPaySources, type PaySourceUnit } from "@/lib/privacy/pay-sources";

// The pay disclosure of an org's fiscal year (lib/privacy/disclosure.ts) with the org's
// settings: what a reader without pay access may see of personnel figures.

/** p of the p% rule: no one's pay may be estimated closer than ±25% from what is shown. */
export const DOMINANCE = 0.25;

/** The tables the disclosure reads (memo versions; tests/integration/figures-memo.test.ts checks the SQL). */
export const DISCLOSURE_TABLES: readonly DataTable[] = ["Organization", "OrgUnit", "Person", "PersonAssignment", "Position"];

export type PayDisclosure = Disclosure & { fiscalYear: number; yearMonths: string[]; minGroup: number; unitIds: string[] };

/**
 * The disclosure of a fiscal year, memoized per org data version and day. With `tx`, read in
 * that transaction and not memoized: a write judges what it sees, and its reads on the app's
 * client would wait for the connection it holds (one, on the embedded database), see nothing of
 * what it wrote, and could be filed under a version the transaction then rolls back.
 */
export async function getPayDisclosure(
  orgId: string,
  fiscalYear: number,
  startMonth: number,
  today: Date,
  tx?: Tx,
): Promise<PayDisclosure> {
  if (tx) return (await computePayDisclosure(orgId, fiscalYear, startMonth, today, null, tx)).disclosure;
  return memoFigures(
    orgId,
    "pay-disclosure",
    [fiscalYear, startMonth, toDateString(today)],
    DISCLOSURE_TABLES,
    async () => (await computePayDisclosure(orgId, fiscalYear, startMonth, today)).disclosure,
  );
}

/**
 * The disclosure computed now (one statement), with the org's units it read: of the pay sources
 * as they are, or as published in a version (what readers without pay access see the forecast of).
 * `tx`: a transaction's client to read in.
 */
export async function computePayDisclosure(
  orgId: string,
  fiscalYear: number,
  startMonth: number,
  today: Date,
  published: number | null = null,
  tx?: Tx,
): Promise<{ disclosure: PayDisclosure; units: PaySourceUnit[] }> {
  const year = fiscalYearRange(fiscalYear, startMonth);
  // A year either side: the changes into and out of the year are judged too.
  const from = new Date(Date.UTC(year.start.getUTCFullYear() - 1, year.start.getUTCMonth(), 1));
  const to = new Date(Date.UTC(year.end.getUTCFullYear() + 1, year.end.getUTCMonth() + 1, 0));
  const { units, sources, minGroup } = await loadPaySources(orgId, { from, to }, today, { published, client: tx });
  const yearMonths = fiscalMonths(fiscalYear, startMonth).map(toDateString);
  const d = computeDisclosure({ units, sources, yearMonths, minGroup, dominance: DOMINANCE });
  return { disclosure: { ...d, fiscalYear, yearMonths, minGroup, unitIds: units.map((u) => u.id) }, units };
}
