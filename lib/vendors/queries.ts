import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";

export type VendorRow = {
  id: string;
  name: string;
  website: string | null;
  contractCount: number;
  activeContractCount: number;
  /** Sum of the annual amounts of ACTIVE contracts */
  annualValueCents: number;
  /** ISO date: the earliest end date of an active contract not yet ended */
  nextRenewal: string | null;
  /** Ledger spend booked to the vendor in the last 12 months */
  spendCents: number;
};

/** Vendors with contract rollups and last-12-month spend: one query, each side grouped in SQL. */
export async function listVendors(orgId: string, today = new Date()): Promise<VendorRow[]> {
  const day = toDateString(today);
  const yearAgo = toDateString(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1)));
  const rows = await db.$queryRaw<(Omit<VendorRow, "annualValueCents" | "nextRenewal" | "spendCents"> & { annualValueCents: bigint; nextRenewal: Date | null; spendCents: bigint })[]>`
    WITH spend AS (
      SELECT "vendorId", SUM("amountCents") AS "cents"
      FROM "ActualEntry"
      WHERE "orgId" = ${orgId} AND "vendorId" IS NOT NULL AND "bookedOn" BETWEEN ${yearAgo}::date AND ${day}::date
      GROUP BY "vendorId"
    )
    SELECT v."id", v."name", v."website",
           COALESCE(MAX(s."cents"), 0)::bigint AS "spendCents",
           COUNT(c."id")::int AS "contractCount",
           (COUNT(c."id") FILTER (WHERE c."status" = 'ACTIVE'))::int AS "activeContractCount",
           COALESCE(SUM(c."annualAmountCents") FILTER (WHERE c."status" = 'ACTIVE'), 0)::bigint AS "annualValueCents",
           MIN(c."endDate") FILTER (WHERE c."status" = 'ACTIVE' AND c."endDate" >= ${day}::date) AS "nextRenewal"
    FROM "Vendor" v
    LEFT JOIN "Contract" c ON c."vendorId" = v."id" AND c."orgId" = v."orgId"
    LEFT JOIN spend s ON s."vendorId" = v."id"
    WHERE v."orgId" = ${orgId}
    GROUP BY v."id"
    ORDER BY v."name"`;
  return rows.map((r) => ({
    ...r,
    annualValueCents: centsToNumber(r.annualValueCents),
    spendCents: centsToNumber(r.spendCents),
    nextRenewal: r.nextRenewal ? toDateString(r.nextRenewal) : null,
  }));
}

export type ContractRow = {
  id: string;
  vendorId: string;
  orgUnitId: string;
  ownerId: string | null;
  ownerName: string | null;
  version: number;
  vendorName: string;
  name: string;
  teamName: string;
  category: BudgetCategory;
  annualAmountCents: number;
  /** ISO dates */
  startDate: string;
  endDate: string;
  renewalNoticeDate: string | null;
  autoRenew: boolean;
  status: ContractStatus;
};

/** The org's contracts (`onlyIds`: those; `unitId`: held by that unit or a unit below it). */
export async function listContracts(orgId: string, onlyIds?: string[], unitId?: string | null): Promise<ContractRow[]> {
  const rows = await db.contract.findMany({
    where: { orgId, ...(onlyIds ? { id: { in: onlyIds } } : {}), ...(unitId ? { orgUnit: { ancestors: { some: { orgId, ancestorId: unitId } } } } : {}) },
    select: {
      id: true,
      name: true,
      category: true,
      annualAmountCents: true,
      startDate: true,
      endDate: true,
      renewalNoticeDate: true,
      autoRenew: true,
      status: true,
      vendorId: true,
      orgUnitId: true,
      ownerId: true,
      version: true,
      owner: { select: { name: true } },
      vendor: { select: { name: true } },
      orgUnit: { select: { name: true } },
    },
    orderBy: [{ endDate: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    vendorId: r.vendorId,
    orgUnitId: r.orgUnitId,
    ownerId: r.ownerId,
    ownerName: r.owner?.name ?? null,
    version: r.version,
    vendorName: r.vendor.name,
    name: r.name,
    teamName: r.orgUnit.name,
    category: r.category,
    annualAmountCents: centsToNumber(r.annualAmountCents),
    startDate: toDateString(r.startDate),
    endDate: toDateString(r.endDate),
    renewalNoticeDate: r.renewalNoticeDate ? toDateString(r.renewalNoticeDate) : null,
    autoRenew: r.autoRenew,
    status: r.status,
  }));
}

export const RENEWAL_WINDOW_DAYS = 90;

/** The last day of the renewal window that starts on `day`. */
export const renewalWindowEnd = (day: string) => toDateString(new Date(Date.parse(day) + RENEWAL_WINDOW_DAYS * 86_400_000));

/**
 * "Renewals due" (glossary `renewals-due`) on a Contract row `alias`: ACTIVE, not ended by `day`,
 * and its renewal decision — the notice date, else the end date — falls on or before the window's
 * last day. A notice date that has passed keeps the contract in until its end date: the decision
 * is overdue, not gone. `unitId`: that unit and everything below it.
 */
export function renewalsDueSql(orgId: string, alias: string, day: string, unitId: string | null): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${c}."orgId" = ${orgId} AND ${c}."status" = 'ACTIVE' AND ${c}."endDate" >= ${day}::date
    AND COALESCE(${c}."renewalNoticeDate", ${c}."endDate") <= ${renewalWindowEnd(day)}::date
    ${unitId ? Prisma.sql`AND ${c}."orgUnitId" IN (SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId})` : Prisma.empty}`;
}

export type ContractSummary = {
  activeContracts: number;
  /** Sum of the annual amounts of ACTIVE contracts */
  activeAnnualCents: number;
  /** Renewals due (renewalsDueSql) of the unit, or of the org when none */
  renewingCount: number;
  renewingAnnualCents: number;
  /** ISO date: end of the renewal window */
  renewingUntil: string;
};

/** Contract totals: one SQL aggregate with FILTERed sums. */
export async function getContractSummary(orgId: string, today = new Date(), unitId: string | null = null): Promise<ContractSummary> {
  const day = toDateString(today);
  const [row] = await db.$queryRaw<{ active: number; activeCents: bigint; renewing: number; renewingCents: bigint }[]>`
    SELECT COUNT(*)::int AS "active",
           COALESCE(SUM("annualAmountCents"), 0)::bigint AS "activeCents",
           (COUNT(*) FILTER (WHERE ${renewalsDueSql(orgId, "c", day, unitId)}))::int AS "renewing",
           COALESCE(SUM("annualAmountCents") FILTER (WHERE ${renewalsDueSql(orgId, "c", day, unitId)}), 0)::bigint AS "renewingCents"
    FROM "Contract" c
    WHERE c."orgId" = ${orgId} AND c."status" = 'ACTIVE'`;
  return {
    activeContracts: row?.active ?? 0,
    activeAnnualCents: centsToNumber(row?.activeCents),
    renewingCount: row?.renewing ?? 0,
    renewingAnnualCents: centsToNumber(row?.renewingCents),
    renewingUntil: renewalWindowEnd(day),
  };
}

/**
 * The renewals due (renewalsDueSql) of `unitId` and below (the whole org when null), soonest
 * decision first (the notice date where there is one, else the end date): the first `limit` of
 * them, ordered and cut in SQL, and how many there are. The dashboards show a few; the vendors
 * page all.
 */
export async function listUpcomingRenewals(
  orgId: string,
  today = new Date(),
  unitId: string | null = null,
  limit?: number,
): Promise<{ rows: ContractRow[]; total: number }> {
  const day = toDateString(today);
  const ids = await db.$queryRaw<{ id: string; total: number }[]>`
    SELECT c."id", (count(*) OVER ())::int AS "total" FROM "Contract" c
    WHERE ${renewalsDueSql(orgId, "c", day, unitId)}
    ORDER BY COALESCE(c."renewalNoticeDate", c."endDate"), c."endDate", c."name", c."id"
    ${limit ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`;
  if (ids.length === 0) return { rows: [], total: 0 };
  const byId = new Map((await listContracts(orgId, ids.map((r) => r.id))).map((c) => [c.id, c]));
  return { rows: ids.map((r) => byId.get(r.id)!), total: ids[0].total };
}

/** Pickers for the contract form: vendors, org units, people (names only). */
export async function listContractFormOptions(orgId: string) {
  const [vendors, units, people] = await Promise.all([
    db.vendor.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.orgUnit.findMany({ where: { orgId, closedOn: null }, select: { id: true, name: true, code: true }, orderBy: { code: "asc" } }),
    db.person.findMany({ where: { orgId, endDate: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { vendors, units, people };
}
export type ContractFormOptions = Awaited<ReturnType<typeof listContractFormOptions>>;
