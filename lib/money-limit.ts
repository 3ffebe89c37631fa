import "server-only";

import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney, ORG_MONEY_LIMIT_CENTS } from "@/lib/money";

// The org-wide money limit (lib/money.ts ORG_MONEY_LIMIT_CENTS): the sum of absolute amounts of
// each kind of money input an org holds stays at or below it, so no total, forecast, variance or
// cumulative figure derived from them can leave JavaScript's safe integer range (docs/
// architecture.md "Money that cannot overflow"). Checked at the end of every action's
// transaction for the kinds it wrote (lib/action.ts), so no write path can skip it; the imports
// check it row by row as well, to name the row that crosses it.

export type MoneyKind = "plan" | "ledger" | "pay" | "contracts";

/** The tables each kind lives in (the tables a transaction wrote are noted in "OrgDataChange"). */
const KIND_TABLES: Record<MoneyKind, string[]> = {
  plan: ["BudgetLine"],
  ledger: ["ActualEntry"],
  pay: ["Person", "Position"],
  contracts: ["Contract"],
};

const MONEY_KIND_LABEL: Record<MoneyKind, string> = {
  plan: "plan lines",
  ledger: "ledger lines",
  pay: "annual pay of people and positions",
  contracts: "contracts' annual amounts",
};

const TOTAL_SQL: Record<MoneyKind, (orgId: string) => Prisma.Sql> = {
  plan: (o) => Prisma.sql`(SELECT COALESCE(SUM(ABS("amountCents")), 0) FROM "BudgetLine" WHERE "orgId" = ${o})`,
  ledger: (o) => Prisma.sql`(SELECT COALESCE(SUM(ABS("amountCents")), 0) FROM "ActualEntry" WHERE "orgId" = ${o})`,
  pay: (o) => Prisma.sql`((SELECT COALESCE(SUM(ABS("annualCompCents")), 0) FROM "Person" WHERE "orgId" = ${o})
                        + (SELECT COALESCE(SUM(ABS("annualCompCents")), 0) FROM "Position" WHERE "orgId" = ${o}))`,
  contracts: (o) => Prisma.sql`(SELECT COALESCE(SUM(ABS("annualAmountCents")), 0) FROM "Contract" WHERE "orgId" = ${o})`,
};

/** Σ|amount| of one kind for the org, as this transaction sees it. */
export async function orgMoneyTotal(tx: Tx, orgId: string, kind: MoneyKind): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ total: string }[]>`SELECT (${TOTAL_SQL[kind](orgId)})::text AS "total"`;
  return BigInt(row.total);
}

/**
 * Serializes the writers of one kind of money in one org until the transaction ends, so that two
 * transactions cannot each stay under the limit and together exceed it.
 */
export async function lockOrgMoney(tx: Tx, orgId: string, kind: MoneyKind): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(hashtext(${`keel:money:${kind}:${orgId}`}))) l`;
}

/** "… past $1,000,000,000,000.00 in total, the most Keel holds per organization". */
export function overLimitMessage(kind: MoneyKind, currency = "USD"): string {
  return `This would take the organization's ${MONEY_KIND_LABEL[kind]} past ${formatMoney(ORG_MONEY_LIMIT_CENTS, currency)} in total (counting credits as positive), the most Keel holds per organization. Nothing was saved.`;
}

// Input fields that carry the amount of a write, in the order they are named in a refusal.
const AMOUNT_FIELDS = ["amount", "annualAmount", "compensation", "percentChange", "csv"];

/**
 * The pipeline's check (lib/action.ts), at the end of every action's transaction: for each kind
 * of money the transaction wrote in the org, lock it and refuse (VALIDATION, naming the input's
 * amount field, the transaction rolls back) if the org's total is past the limit. A handler that
 * bounds a kind itself, with an upper bound computed under the same lock, lists it in
 * `checkedByHandler` (the ledger import: its org total is a scan of every ledger line).
 */
export async function checkOrgMoneyLimitsOrThrow(
  tx: Tx,
  orgId: string,
  input: unknown,
  currency: string,
  checkedByHandler: MoneyKind[] = [],
): Promise<void> {
  const written = await tx.$queryRaw<{ tbl: string }[]>`
    SELECT "tbl" FROM "OrgDataChange" WHERE "orgId" = ${orgId} AND "txid" = pg_current_xact_id()::text::bigint`;
  const tables = new Set(written.map((w) => w.tbl));
  const kinds = (Object.keys(KIND_TABLES) as MoneyKind[]).filter(
    (k) => !checkedByHandler.includes(k) && KIND_TABLES[k].some((t) => tables.has(t)),
  );
  for (const kind of kinds) {
    await lockOrgMoney(tx, orgId, kind);
    if ((await orgMoneyTotal(tx, orgId, kind)) > ORG_MONEY_LIMIT_CENTS) {
      const fields = input && typeof input === "object" ? Object.keys(input) : [];
      const field = AMOUNT_FIELDS.find((f) => fields.includes(f)) ?? (fields.includes("uploadId") ? "file" : "_form");
      throw invalid({ [field]: [overLimitMessage(kind, currency)] }, overLimitMessage(kind, currency));
    }
  }
}
