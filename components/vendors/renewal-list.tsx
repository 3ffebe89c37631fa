import Link from "next/link";

import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { ContractRow } from "@/lib/vendors/queries";

/** Contracts renewing soon (the dashboards' and the finance view's list): vendor · contract, notice date · annual amount. */
export function RenewalList({ orgSlug, currency, renewals }: { orgSlug: string; currency: string; renewals: ContractRow[] }) {
  if (renewals.length === 0) return <p className="text-sm text-muted-foreground">No contract renews soon.</p>;
  return (
    <ul className="space-y-1.5 text-sm">
      {renewals.map((c) => (
        <li key={c.id} className="flex justify-between gap-2">
          <Link href={`/${orgSlug}/vendors`} className="hover:underline">
            {c.vendorName} · {c.name}
          </Link>
          <span className="text-muted-foreground">
            {formatDate(c.renewalNoticeDate ?? c.endDate)} · {formatMoney(c.annualAmountCents, currency, { compact: true })}/yr
          </span>
        </li>
      ))}
    </ul>
  );
}
