import Link from "next/link";

import { toDateString } from "@/lib/fiscal";
import { formatMoney } from "@/lib/money";
import { contractHref } from "@/lib/vendors/links";
import { renewalDecisionLabel } from "@/lib/vendors/renewal";
import type { ContractRow } from "@/lib/vendors/queries";

/** Contracts with a renewal due (the dashboards' and the finance view's list): vendor · contract, decision date · annual amount. */
export function RenewalList({
  orgSlug,
  currency,
  renewals,
  today = toDateString(new Date()),
}: {
  orgSlug: string;
  currency: string;
  renewals: ContractRow[];
  today?: string;
}) {
  if (renewals.length === 0) return <p className="text-sm text-muted-foreground">No renewal due in the next 90 days.</p>;
  return (
    <ul className="space-y-1.5 text-sm">
      {renewals.map((c) => {
        const passed = !!c.renewalNoticeDate && c.renewalNoticeDate < today;
        return (
          <li key={c.id} className="flex flex-wrap justify-between gap-x-2">
            <Link prefetch={false} href={contractHref(orgSlug, c)} className="hover:underline">
              {c.vendorName} · {c.name}
            </Link>
            <span className={passed ? "font-medium text-health-off-track-text" : "text-muted-foreground"}>
              {renewalDecisionLabel(c, today)} · {formatMoney(c.annualAmountCents, currency, { compact: true })}/yr
            </span>
          </li>
        );
      })}
    </ul>
  );
}
