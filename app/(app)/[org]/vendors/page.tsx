import { CalendarClock, FileText, Store, Wallet } from "lucide-react";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { ContractFormDialog } from "@/components/vendors/contract-form-dialog";
import { ContractsTable } from "@/components/vendors/contracts-table";
import { VendorFormDialog } from "@/components/vendors/vendor-form-dialog";
import { VendorsTable } from "@/components/vendors/vendors-table";
import { requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/permissions";
import {
  getContractSummary,
  listContractFormOptions,
  listContracts,
  listUpcomingRenewals,
  listVendors,
  RENEWAL_WINDOW_DAYS,
} from "@/lib/vendors/queries";

export const metadata = { title: "Vendors" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const now = new Date();
  const canEdit = can(member.role, "vendors:write");
  const [vendors, contracts, summary, renewals, options] = await Promise.all([
    listVendors(member.org.id, now),
    listContracts(member.org.id),
    getContractSummary(member.org.id, now),
    listUpcomingRenewals(member.org.id, now),
    canEdit ? listContractFormOptions(member.org.id) : Promise.resolve(null),
  ]);
  const currency = member.org.currency;
  const today = toDateString(now);
  const editing = canEdit && options ? { org: member.org.slug, options } : undefined;

  return (
    <>
      <PageHeader
        title="Vendors"
        description="Suppliers, what their contracts cost each year, what we actually spend with them, and when they come up for renewal."
        actions={
          editing ? (
            <>
              <ContractFormDialog org={editing.org} options={editing.options} />
              <VendorFormDialog org={editing.org} />
            </>
          ) : null
        }
      />
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
        <SectionHeading
          title={`Renewals in the next ${RENEWAL_WINDOW_DAYS} days`}
          description="Active contracts whose end or renewal-notice date falls in the window, soonest first."
        />
        <ContractsTable contracts={renewals.rows} currency={currency} today={today} editing={editing} caption="Upcoming renewals" />
      </section>
      <section className="mb-8">
        <SectionHeading
          title="Vendors"
          description="Annual value and next renewal count active contracts only. Spend is ledger lines booked to the vendor in the last 12 months."
        />
        <VendorsTable vendors={vendors} currency={currency} today={today} org={editing?.org} />
      </section>
      <section>
        <SectionHeading title="Contracts" description="Amber: ending or notice due soon. Red: the date has passed." />
        <ContractsTable contracts={contracts} currency={currency} today={today} editing={editing} />
      </section>
    </>
  );
}
