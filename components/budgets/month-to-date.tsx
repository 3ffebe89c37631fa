import Link from "next/link";

import type { Amounts } from "@/lib/budgets/rollup";
import { formatMoney } from "@/lib/money";

/**
 * The month in progress beside year to date: what is booked so far against the WHOLE month's
 * plan. Partial by nature, so it is labelled as such and carries no variance or colour.
 */
export function MonthToDate({ mtd, label, currency, href }: { mtd: Amounts; label: string; currency: string; href: string }) {
  // A month withheld from a reader without pay access (a grain longer than a month) is a dash.
  const money = (c: number | null) => (c === null ? "—" : formatMoney(c, currency, { compact: true }));
  return (
    <section
      aria-label="Month to date"
      className="mb-6 flex flex-wrap items-baseline gap-x-6 gap-y-1 rounded-xl border border-dashed border-border px-5 py-3 text-sm"
    >
      <h2 className="font-semibold">
        Month to date <span className="font-normal text-muted-foreground">· {label} · partial month</span>
      </h2>
      <span>
        <span className="font-semibold tabular-nums" data-figure="Month to date">
          {money(mtd.actualCents)}
        </span>{" "}
        booked so far
      </span>
      <span className="text-muted-foreground">
        of <span className="tabular-nums">{money(mtd.planCents)}</span> planned for the whole month · not a variance until the month closes
      </span>
      <Link prefetch={false} href={href} className="text-primary hover:underline">
        Open the month
      </Link>
    </section>
  );
}
