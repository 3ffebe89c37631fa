import { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { firstValue } from "@/lib/search-params";

// The vendors page's list parameters, from the URL (shareable, and the pager keeps them):
//   ?q=text          contracts whose name or vendor contains it; vendors whose name does
//   ?status=ACTIVE   one contract status      ?cat=SOFTWARE  one category
//   ?sort=annual&dir=desc   the contracts' order, applied by the database across all pages
// Anything unknown falls back to the default (no filter, soonest end first), never an error.

type Search = Record<string, string | string[] | undefined>;

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

export function parseRenewalSort(sp: Search): RenewalSort {
  const key = firstValue(sp.rsort);
  return key && ["decision", ...CONTRACT_SORT_KEYS].includes(key)
    ? { key: key as RenewalSort["key"], dir: firstValue(sp.rdir) === "desc" ? "desc" : "asc" }
    : DEFAULT_RENEWAL_SORT;
}

// The vendors table's order (?vsort=&vdir=), by the database across its pages.
const VENDOR_SORT_KEYS = ["name", "contractCount", "annualValueCents", "spendCents", "spendVsValue", "nextRenewal"] as const;
export type VendorSort = { key: (typeof VENDOR_SORT_KEYS)[number]; dir: "asc" | "desc" };
export const DEFAULT_VENDOR_SORT: VendorSort = { key: "annualValueCents", dir: "desc" };

export function parseVendorSort(sp: Search): VendorSort {
  const key = firstValue(sp.vsort);
  return key && (VENDOR_SORT_KEYS as readonly string[]).includes(key)
    ? { key: key as VendorSort["key"], dir: firstValue(sp.vdir) === "asc" ? "asc" : "desc" }
    : DEFAULT_VENDOR_SORT;
}

export type ContractListParams = { q: string; status: ContractStatus | null; category: BudgetCategory | null; sort: ContractSort };

export function parseContractListParams(sp: Search): ContractListParams {
  const status = firstValue(sp.status);
  const cat = firstValue(sp.cat);
  const key = firstValue(sp.sort);
  const sort: ContractSort =
    key && (CONTRACT_SORT_KEYS as readonly string[]).includes(key)
      ? { key: key as ContractSortKey, dir: firstValue(sp.dir) === "desc" ? "desc" : "asc" }
      : DEFAULT_CONTRACT_SORT;
  return {
    q: (firstValue(sp.q) ?? "").trim().slice(0, 100),
    status: status && status in ContractStatus ? (status as ContractStatus) : null,
    category: cat && cat in BudgetCategory ? (cat as BudgetCategory) : null,
    sort,
  };
}
