import { CalendarClock, FileText, Store, Wallet } from "lucide-react";
import Link from "next/link";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { ContractFormDialog } from "@/components/vendors/contract-form-dialog";
import { ContractsTable } from "@/components/vendors/contracts-table";
import { VendorFormDialog } from "@/components/vendors/vendor-form-dialog";
import { VendorsTable } from "@/components/vendors/vendors-table";
import { requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { formatMoney } from "@/lib/money";
import { unitChoice } from "@/lib/org/search";
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

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember((await params).org);
  const now = new Date();
  const canEdit = can(member.role, "vendors:write");
  // ?unit= narrows the contracts list to those held in that subtree (a forecast's commitments);
  // a unit of another org, or none, is ignored like on the headcount page.
  const unitParam = (await searchParams).unit;
  const unit = await unitChoice(member.org.id, Array.isArray(unitParam) ? unitParam[0] : unitParam);
  const [vendors, contracts, summary, renewals, options] = await Promise.all([
    listVendors(member.org.id, now),
    listContracts(member.org.id, undefined, unit?.id ?? null),
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
      <section id="contracts" className="scroll-mt-4">
        <SectionHeading
          title={unit ? `Contracts of ${unit.name} and below` : "Contracts"}
          description="Amber: ending or notice due soon. Red: the date has passed."
          actions={unit ? <Link href={`/${member.org.slug}/vendors#contracts`} className="text-sm text-primary hover:underline">Show all contracts</Link> : undefined}
        />
        <ContractsTable contracts={contracts} currency={currency} today={today} editing={editing} />
      </section>
    </>
  );
}
