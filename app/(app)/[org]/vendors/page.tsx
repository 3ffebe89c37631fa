import { CalendarClock, FileText, Store, Wallet } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { ContractFormDialog } from "@/components/vendors/contract-form-dialog";
import { ContractsTable } from "@/components/vendors/contracts-table";
import { VendorFormDialog } from "@/components/vendors/vendor-form-dialog";
import { VendorsTable } from "@/components/vendors/vendors-table";
import { HowCounted } from "@/components/ui/how-counted";
import { requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { formatDate } from "@/lib/format";
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
import { firstValue } from "@/lib/search-params";

export const metadata = { title: "Vendors" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const now = new Date();
  const canEdit = can(member.role, "vendors:write");
  // ?unit= narrows the renewals due to that unit and below, as the dashboard that links here;
  // an id that is not a unit of this org is a 404 (a figure must not open another list).
  const unitParam = firstValue(sp.unit);
  const unit = unitParam ? await unitChoice(member.org.id, unitParam) : null;
  if (unitParam && !unit) notFound();
  const unitId = unit?.id ?? null;
  const [vendors, contracts, summary, renewals, options] = await Promise.all([
    listVendors(member.org.id, now),
    listContracts(member.org.id, undefined, unitId),
    getContractSummary(member.org.id, now, unitId),
    listUpcomingRenewals(member.org.id, now, unitId),
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
          label={`Renewals due in ${RENEWAL_WINDOW_DAYS} days`}
          value={summary.renewingCount}
          icon={CalendarClock}
          tone={summary.renewingCount > 0 ? "warning" : "default"}
          hint={`${formatMoney(summary.renewingAnnualCents, currency, { compact: true })} a year${unit ? ` · ${unit.name}` : ""}`}
          href="#renewals"
        />
      </StatGrid>
      <section id="renewals" className="mb-8 scroll-mt-4">
        <SectionHeading
          title={`Renewals due in the next ${RENEWAL_WINDOW_DAYS} days (${renewals.total})`}
          description={`${unit ? `${unit.name} and below` : "Whole organization"}: active contracts whose notice date (or end date, when there is none) falls by ${formatDate(summary.renewingUntil)}, and those whose notice date has passed before they end. Soonest decision first.`}
        />
        {unit ? (
          <p className="mb-3 text-sm">
            <Link href={`/${member.org.slug}/vendors#renewals`} className="text-primary hover:underline">
              Show the whole organization
            </Link>
          </p>
        ) : null}
        <ContractsTable contracts={renewals.rows} currency={currency} today={today} editing={editing} caption="Renewals due" showDecision />
        <div className="mt-3">
          <HowCounted figures={["renewals-due"]} />
        </div>
      </section>
      <section className="mb-8">
        <SectionHeading
          title="Vendors"
          description="Annual value and next contract end count active contracts only. Spend is ledger lines booked to the vendor in the last 12 months."
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
