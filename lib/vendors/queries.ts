import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { addDaysIso } from "@/lib/dates";
import { pageOf, type PageInfo } from "@/lib/paging";
import { likeTerm } from "@/lib/search-term";
import { CONTRACT_FIELDS } from "@/lib/vendors/contract-select";
import {
  type ContractListParams,
  type ContractSort,
  DEFAULT_RENEWAL_SORT,
  DEFAULT_VENDOR_SORT,
  type RenewalSort,
  type VendorSort,
} from "@/lib/vendors/list-params";

type Search = Record<string, string | string[] | undefined>;
export const VENDOR_PAGE_SIZE = 50;

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

/**
 * Vendors with contract rollups and last-12-month spend: one query, each side grouped in SQL.
 * `q`: vendors whose name contains it; `slice`: one page of them, by name.
 */
export async function listVendors(
  orgId: string,
  today = new Date(),
  q = "",
  slice?: { skip: number; take: number },
  sort: VendorSort = DEFAULT_VENDOR_SORT,
): Promise<VendorRow[]> {
  const term = likeTerm(q);
  const day = toDateString(today);
  const yearAgo = toDateString(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1)));
  const rows = await db.$queryRaw<
    (Omit<VendorRow, "annualValueCents" | "nextRenewal" | "spendCents"> & {
      annualValueCents: bigint;
      nextRenewal: Date | null;
      spendCents: bigint;
    })[]
  >`
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
    WHERE v."orgId" = ${orgId} ${term ? Prisma.sql`AND v."name" ILIKE ${`%${term}%`}` : Prisma.empty}
    GROUP BY v."id"
    ORDER BY ${vendorOrder(sort)} v."name", v."id"
    ${slice ? Prisma.sql`LIMIT ${slice.take} OFFSET ${slice.skip}` : Prisma.empty}`;
  return rows.map((r) => ({
    ...r,
    annualValueCents: centsToNumber(r.annualValueCents),
    spendCents: centsToNumber(r.spendCents),
    nextRenewal: r.nextRenewal ? toDateString(r.nextRenewal) : null,
  }));
}

/** ORDER BY terms of a vendors sort (whitelisted keys; the name and id follow so pages never overlap). */
function vendorOrder({ key, dir }: VendorSort): Prisma.Sql {
  const d = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  const expr: Record<VendorSort["key"], Prisma.Sql> = {
    name: Prisma.sql`v."name" ${d},`,
    contractCount: Prisma.sql`"contractCount" ${d},`,
    annualValueCents: Prisma.sql`"annualValueCents" ${d},`,
    spendCents: Prisma.sql`"spendCents" ${d},`,
    spendVsValue: Prisma.sql`("spendCents"::numeric / NULLIF("annualValueCents", 0)) ${d} NULLS LAST,`,
    nextRenewal: Prisma.sql`"nextRenewal" ${d} NULLS LAST,`,
  };
  return expr[key];
}

/** One page (?vpage=N) of the vendors whose name contains `q`, in `sort` order, and how many there are. */
export async function listVendorsPage(
  orgId: string,
  today: Date,
  q: string,
  sp: Search,
  sort: VendorSort = DEFAULT_VENDOR_SORT,
): Promise<{ rows: VendorRow[]; paging: PageInfo; all: number }> {
  const term = likeTerm(q);
  const [all, total] = await Promise.all([
    db.vendor.count({ where: { orgId } }),
    term ? db.vendor.count({ where: { orgId, name: { contains: term, mode: "insensitive" } } }) : null,
  ]);
  const paging = pageOf(sp, total ?? all, VENDOR_PAGE_SIZE, "vpage");
  const rows = await listVendors(orgId, today, q, { skip: (paging.page - 1) * paging.pageSize, take: paging.pageSize }, sort);
  return { rows, paging, all };
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

/**
 * ORDER BY for a contracts sort: the column, then name and id so that equal values keep one
 * order across pages. Empty notice dates and owners come last ascending.
 */
function contractsOrderBy({ key, dir }: ContractSort): Prisma.ContractOrderByWithRelationInput[] {
  const by: Record<ContractSort["key"], Prisma.ContractOrderByWithRelationInput> = {
    vendorName: { vendor: { name: dir } },
    name: { name: dir },
    teamName: { orgUnit: { name: dir } },
    category: { category: dir },
    annualAmountCents: { annualAmountCents: dir },
    startDate: { startDate: dir },
    endDate: { endDate: dir },
    renewalNotice: { renewalNoticeDate: { sort: dir, nulls: "last" } },
    status: { status: dir },
    owner: { owner: { name: dir } },
  };
  return [by[key], { name: "asc" }, { id: "asc" }];
}

function contractsWhere(orgId: string, unitId: string | null | undefined, params?: ContractListParams): Prisma.ContractWhereInput {
  const term = params ? likeTerm(params.q) : "";
  return {
    orgId,
    ...(unitId ? { orgUnit: { ancestors: { some: { orgId, ancestorId: unitId } } } } : {}),
    ...(params?.status ? { status: params.status } : {}),
    ...(params?.category ? { category: params.category } : {}),
    ...(term
      ? { OR: [{ name: { contains: term, mode: "insensitive" } }, { vendor: { name: { contains: term, mode: "insensitive" } } }] }
      : {}),
  };
}

/**
 * One page (?page=N) of the contracts that match the list parameters, in `unitId`'s subtree when
 * given: filtered, sorted and cut by the database, so sorting orders all pages, not the one shown.
 */
export async function listContractsPage(
  orgId: string,
  unitId: string | null,
  params: ContractListParams,
  sp: Search,
): Promise<{ rows: ContractRow[]; paging: PageInfo }> {
  const total = await db.contract.count({ where: contractsWhere(orgId, unitId, params) });
  const paging = pageOf(sp, total);
  const rows = await listContracts(orgId, undefined, unitId, { params, skip: (paging.page - 1) * paging.pageSize, take: paging.pageSize });
  return { rows, paging };
}

/** The org's contracts (`onlyIds`: those; `unitId`: held by that unit or a unit below it). */
export async function listContracts(
  orgId: string,
  onlyIds?: string[],
  unitId?: string | null,
  page?: { params: ContractListParams; skip: number; take: number },
): Promise<ContractRow[]> {
  const rows = await db.contract.findMany({
    where: { ...contractsWhere(orgId, unitId, page?.params), ...(onlyIds ? { id: { in: onlyIds } } : {}) },
    ...(page ? { skip: page.skip, take: page.take } : {}),
    select: {
      ...CONTRACT_FIELDS,
      ownerId: true,
      owner: { select: { name: true } },
      vendor: { select: { name: true } },
      orgUnit: { select: { name: true } },
    },
    orderBy: page ? contractsOrderBy(page.params.sort) : [{ endDate: "asc" }, { name: "asc" }, { id: "asc" }],
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
const renewalWindowEnd = (day: string) => addDaysIso(day, RENEWAL_WINDOW_DAYS);

/**
 * "Renewals due" (glossary `renewals-due`) on a Contract row `alias`: ACTIVE, not ended by `day`,
 * and its renewal decision — the notice date, else the end date — falls on or before the window's
 * last day. A notice date that has passed keeps the contract in until its end date: the decision
 * is overdue, not gone. `unitId`: that unit and everything below it.
 */
function renewalsDueSql(orgId: string, alias: string, day: string, unitId: string | null): Prisma.Sql {
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

// The renewals due list sorted by a contracts column (?rsort=&rdir=), in SQL across its pages
// (the contracts list's order, contractsOrderBy, in Prisma): the name columns need their row.
function renewalJoins(orgId: string, sort: RenewalSort): Prisma.Sql {
  if (sort.key === "vendorName") return Prisma.sql`JOIN "Vendor" v ON v."id" = c."vendorId" AND v."orgId" = ${orgId}`;
  if (sort.key === "teamName") return Prisma.sql`JOIN "OrgUnit" u ON u."id" = c."orgUnitId" AND u."orgId" = ${orgId}`;
  if (sort.key === "owner") return Prisma.sql`LEFT JOIN "Person" o ON o."id" = c."ownerId" AND o."orgId" = ${orgId}`;
  return Prisma.empty;
}

function renewalOrder({ key, dir }: RenewalSort): Prisma.Sql {
  const column: Record<RenewalSort["key"], Prisma.Sql> = {
    decision: Prisma.sql`COALESCE(c."renewalNoticeDate", c."endDate")`,
    vendorName: Prisma.sql`v."name"`,
    name: Prisma.sql`c."name"`,
    teamName: Prisma.sql`u."name"`,
    category: Prisma.sql`c."category"`,
    annualAmountCents: Prisma.sql`c."annualAmountCents"`,
    startDate: Prisma.sql`c."startDate"`,
    endDate: Prisma.sql`c."endDate"`,
    renewalNotice: Prisma.sql`c."renewalNoticeDate"`,
    status: Prisma.sql`c."status"`,
    owner: Prisma.sql`o."name"`,
  };
  return Prisma.sql`${column[key]} ${dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`} NULLS LAST,`;
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
  offset = 0,
  sort: RenewalSort = DEFAULT_RENEWAL_SORT,
): Promise<{ rows: ContractRow[]; total: number }> {
  const day = toDateString(today);
  const ids = await db.$queryRaw<{ id: string; total: number }[]>`
    SELECT c."id", (count(*) OVER ())::int AS "total" FROM "Contract" c
    ${renewalJoins(orgId, sort)}
    WHERE ${renewalsDueSql(orgId, "c", day, unitId)}
    ORDER BY ${renewalOrder(sort)} COALESCE(c."renewalNoticeDate", c."endDate"), c."endDate", c."name", c."id"
    ${limit ? Prisma.sql`LIMIT ${limit} OFFSET ${offset}` : Prisma.empty}`;
  if (ids.length === 0) {
    // A page past the end still says how many there are.
    const total = offset
      ? (
          await db.$queryRaw<
            { n: number }[]
          >`SELECT COUNT(*)::int AS "n" FROM "Contract" c WHERE ${renewalsDueSql(orgId, "c", day, unitId)}`
        )[0].n
      : 0;
    return { rows: [], total };
  }
  const byId = new Map(
    (
      await listContracts(
        orgId,
        ids.map((r) => r.id),
      )
    ).map((c) => [c.id, c]),
  );
  return { rows: ids.map((r) => byId.get(r.id)!), total: ids[0].total };
}

/**
 * The vendor choice of the contract form (an org has a few hundred). Its org unit and owner are
 * searched as you type (/[org]/teams/search, /[org]/people/search), not listed in the page.
 */
export async function listContractFormOptions(orgId: string) {
  const vendors = await db.vendor.findMany({
    where: { orgId },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return { vendors };
}
export type ContractFormOptions = Awaited<ReturnType<typeof listContractFormOptions>>;
