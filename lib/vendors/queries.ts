import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
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
};

/** Vendors with contract rollups: one GROUP BY vendor. */
export async function listVendors(orgId: string, today = new Date()): Promise<VendorRow[]> {
  const day = toDateString(today);
  const rows = await db.$queryRaw<(Omit<VendorRow, "annualValueCents" | "nextRenewal"> & { annualValueCents: bigint; nextRenewal: Date | null })[]>`
    SELECT v."id", v."name", v."website",
           COUNT(c."id")::int AS "contractCount",
           (COUNT(c."id") FILTER (WHERE c."status" = 'ACTIVE'))::int AS "activeContractCount",
           COALESCE(SUM(c."annualAmountCents") FILTER (WHERE c."status" = 'ACTIVE'), 0)::bigint AS "annualValueCents",
           MIN(c."endDate") FILTER (WHERE c."status" = 'ACTIVE' AND c."endDate" >= ${day}::date) AS "nextRenewal"
    FROM "Vendor" v
    LEFT JOIN "Contract" c ON c."vendorId" = v."id" AND c."orgId" = v."orgId"
    WHERE v."orgId" = ${orgId}
    GROUP BY v."id"
    ORDER BY v."name"`;
  return rows.map((r) => ({
    ...r,
    annualValueCents: centsToNumber(r.annualValueCents),
    nextRenewal: r.nextRenewal ? toDateString(r.nextRenewal) : null,
  }));
}

export type ContractRow = {
  id: string;
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

export async function listContracts(orgId: string): Promise<ContractRow[]> {
  const rows = await db.contract.findMany({
    where: { orgId },
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
      vendor: { select: { name: true } },
      orgUnit: { select: { name: true } },
    },
    orderBy: [{ endDate: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
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

export type ContractSummary = {
  activeContracts: number;
  /** Sum of the annual amounts of ACTIVE contracts */
  activeAnnualCents: number;
  /** ACTIVE contracts ending within the renewal window */
  renewingCount: number;
  renewingAnnualCents: number;
  /** ISO date: end of the renewal window */
  renewingUntil: string;
};

/** Contract totals: one SQL aggregate with FILTERed sums. */
export async function getContractSummary(orgId: string, today = new Date()): Promise<ContractSummary> {
  const day = toDateString(today);
  const until = toDateString(new Date(Date.parse(day) + RENEWAL_WINDOW_DAYS * 86_400_000));
  const [row] = await db.$queryRaw<{ active: number; activeCents: bigint; renewing: number; renewingCents: bigint }[]>`
    SELECT COUNT(*)::int AS "active",
           COALESCE(SUM("annualAmountCents"), 0)::bigint AS "activeCents",
           (COUNT(*) FILTER (WHERE "endDate" BETWEEN ${day}::date AND ${until}::date))::int AS "renewing",
           COALESCE(SUM("annualAmountCents") FILTER (WHERE "endDate" BETWEEN ${day}::date AND ${until}::date), 0)::bigint AS "renewingCents"
    FROM "Contract"
    WHERE "orgId" = ${orgId} AND "status" = 'ACTIVE'`;
  return {
    activeContracts: row?.active ?? 0,
    activeAnnualCents: centsToNumber(row?.activeCents),
    renewingCount: row?.renewing ?? 0,
    renewingAnnualCents: centsToNumber(row?.renewingCents),
    renewingUntil: until,
  };
}
