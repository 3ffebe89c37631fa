import { CalendarClock, FileText, Store, Wallet } from "lucide-react";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { ContractsTable } from "@/components/vendors/contracts-table";
import { VendorsTable } from "@/components/vendors/vendors-table";
import { requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { formatMoney } from "@/lib/money";
import { getContractSummary, listContracts, listVendors, RENEWAL_WINDOW_DAYS } from "@/lib/vendors/queries";

export const metadata = { title: "Vendors" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const now = new Date();
  const [vendors, contracts, summary] = await Promise.all([
    listVendors(member.org.id, now),
    listContracts(member.org.id),
    getContractSummary(member.org.id, now),
  ]);
  const currency = member.org.currency;
  const today = toDateString(now);

  return (
    <>
      <PageHeader title="Vendors" description="Suppliers, what their contracts cost each year and when they come up for renewal." />
      <StatGrid>
        <StatCard label="Vendors" value={vendors.length} icon={Store} />
        <StatCard label="Active contracts" value={summary.activeContracts} icon={FileText} />
        <StatCard
          label="Annual contract value"
          value={formatMoney(summary.activeAnnualCents, currency, { compact: true })}
          icon={Wallet}
          hint="Active contracts"
        />
        <StatCard
          label={`Renewing in ${RENEWAL_WINDOW_DAYS} days`}
          value={summary.renewingCount}
          icon={CalendarClock}
          tone={summary.renewingCount > 0 ? "warning" : "default"}
          hint={`${formatMoney(summary.renewingAnnualCents, currency, { compact: true })} a year up for renewal`}
        />
      </StatGrid>
      <section className="mb-8">
        <SectionHeading title="Vendors" description="Annual value and next renewal count active contracts only." />
        <VendorsTable vendors={vendors} currency={currency} today={today} />
      </section>
      <section>
        <SectionHeading title="Contracts" description="Amber: ending or notice due soon. Red: the date has passed." />
        <ContractsTable contracts={contracts} currency={currency} today={today} />
      </section>
    </>
  );
}
