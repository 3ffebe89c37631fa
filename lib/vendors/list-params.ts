import { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";

import { parseSearch, type SearchParams, zEnum, zOneOf, zText } from "@/lib/search-params";

// The vendors page's list parameters, from the URL (shareable, and the pager keeps them):
//   ?q=text          contracts whose name or vendor contains it; vendors whose name does
//   ?status=ACTIVE   one contract status      ?cat=SOFTWARE  one category
//   ?sort=annual&dir=desc   the contracts' order, applied by the database across all pages
// Anything unknown falls back to the default (no filter, soonest end first), never an error.

const CONTRACT_SORT_KEYS = [
  "vendorName",
  "name",
  "teamName",
  "category",
  "annualAmountCents",
  "startDate",
  "endDate",
  "renewalNotice",
  "status",
  "owner",
] as const;
type ContractSortKey = (typeof CONTRACT_SORT_KEYS)[number];
export type ContractSort = { key: ContractSortKey; dir: "asc" | "desc" };
const DEFAULT_CONTRACT_SORT: ContractSort = { key: "endDate", dir: "asc" };

/**
 * The renewals due list's order (?rsort=&rdir=: the decision date, the list's own order, or any
 * contracts column), by the database across its pages. Unknown or none: soonest decision first.
 */
export type RenewalSort = { key: ContractSortKey | "decision"; dir: "asc" | "desc" };
export const DEFAULT_RENEWAL_SORT: RenewalSort = { key: "decision", dir: "asc" };

const ZRenewalSort = z
  .object({ rsort: zOneOf(["decision", ...CONTRACT_SORT_KEYS]), rdir: zOneOf(["asc", "desc"]) })
  .transform(({ rsort, rdir }): RenewalSort => (rsort ? { key: rsort, dir: rdir === "desc" ? "desc" : "asc" } : DEFAULT_RENEWAL_SORT));

export function parseRenewalSort(sp: SearchParams): RenewalSort {
  return parseSearch(ZRenewalSort, sp);
}

// The vendors table's order (?vsort=&vdir=), by the database across its pages.
const VENDOR_SORT_KEYS = ["name", "contractCount", "annualValueCents", "spendCents", "spendVsValue", "nextRenewal"] as const;
export type VendorSort = { key: (typeof VENDOR_SORT_KEYS)[number]; dir: "asc" | "desc" };
export const DEFAULT_VENDOR_SORT: VendorSort = { key: "annualValueCents", dir: "desc" };

const ZVendorSort = z
  .object({ vsort: zOneOf(VENDOR_SORT_KEYS), vdir: zOneOf(["asc", "desc"]) })
  .transform(({ vsort, vdir }): VendorSort => (vsort ? { key: vsort, dir: vdir === "asc" ? "asc" : "desc" } : DEFAULT_VENDOR_SORT));

export function parseVendorSort(sp: SearchParams): VendorSort {
  return parseSearch(ZVendorSort, sp);
}

export type ContractListParams = { q: string; status: ContractStatus | null; category: BudgetCategory | null; sort: ContractSort };

const ZContractListParams = z
  .object({
    q: zText(100),
    status: zEnum(ContractStatus),
    cat: zEnum(BudgetCategory),
    sort: zOneOf(CONTRACT_SORT_KEYS),
    dir: zOneOf(["asc", "desc"]),
  })
  .transform(({ q, status, cat, sort, dir }): ContractListParams => ({
    q,
    status: status ?? null,
    category: cat ?? null,
    sort: sort ? { key: sort, dir: dir === "desc" ? "desc" : "asc" } : DEFAULT_CONTRACT_SORT,
  }));

export function parseContractListParams(sp: SearchParams): ContractListParams {
  return parseSearch(ZContractListParams, sp);
}
