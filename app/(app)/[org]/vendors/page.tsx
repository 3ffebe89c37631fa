import { CalendarClock, FileText, Store, Wallet } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

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
import { humanize } from "@/lib/format";
import { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { parseContractListParams, parseRenewalSort, parseVendorSort } from "@/lib/vendors/list-params";
import {
  getContractSummary,
  listContractFormOptions,
  listContractsPage,
  listUpcomingRenewals,
  listVendorsPage,
  RENEWAL_WINDOW_DAYS,
} from "@/lib/vendors/queries";
import { parseSearch, type SearchParams as Search, zParam } from "@/lib/search-params";
import { FilterField, FilterForm, FilterSelect, KeepParams } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { pageOf } from "@/lib/paging";

const RENEWALS_PAGE = 50;

export const metadata = { title: "Vendors" };

// The page's own parameter; the lists' filters, sorts and pages are read by lib/vendors.
const ZSearch = z.object({ unit: zParam() });

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const now = new Date();
  const canEdit = can(member.role, "vendors:write");
  // ?unit= narrows the renewals due to that unit and below, as the dashboard that links here;
  // an id that is not a unit of this org is a 404 (a figure must not open another list).
  const { unit: unitParam } = parseSearch(ZSearch, sp);
  const unit = unitParam ? await unitChoice(member.org.id, unitParam) : null;
  if (unitParam && !unit) notFound();
  const unitId = unit?.id ?? null;
  const list = parseContractListParams(sp);
  const vendorSort = parseVendorSort(sp);
  const renewalSort = parseRenewalSort(sp);
  // The renewals due are paged too (?rpage=N); the page number is clamped once the total is known.
  const rpage = pageOf(sp, Number.MAX_SAFE_INTEGER, RENEWALS_PAGE, "rpage");
  const [vendors, contracts, summary, renewals, options] = await Promise.all([
    listVendorsPage(member.org.id, now, list.q, sp, vendorSort),
    listContractsPage(member.org.id, unitId, list, sp),
    getContractSummary(member.org.id, now, unitId),
    listUpcomingRenewals(member.org.id, now, unitId, RENEWALS_PAGE, (rpage.page - 1) * RENEWALS_PAGE, renewalSort),
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
        <StatCard label="Vendors" value={vendors.all} icon={Store} />
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
          description={`${unit ? `${unit.name} and below` : "Whole organization"}: active contracts whose notice date (or end date, when there is none) falls by ${formatDate(summary.renewingUntil)}, and those whose notice date has passed before they end. Soonest decision first; a column header sorts every page by that column.`}
        />
        {unit ? (
          <p className="mb-3 text-sm">
            <Link href={`/${member.org.slug}/vendors#renewals`} className="text-primary hover:underline">
              Show the whole organization
            </Link>
          </p>
        ) : null}
        <ContractsTable
          contracts={renewals.rows}
          currency={currency}
          today={today}
          editing={editing}
          caption="Renewals due"
          showDecision
          sort={renewalSort}
          params={{ sort: "rsort", dir: "rdir", page: "rpage", anchor: "renewals" }}
        />
        <Pager
          info={pageOf({ rpage: String(rpage.page) }, renewals.total, RENEWALS_PAGE, "rpage")}
          base={`/${member.org.slug}/vendors`}
          searchParams={sp}
          label="Renewals"
        />
        <div className="mt-3">
          <HowCounted figures={["renewals-due"]} />
        </div>
      </section>
      <FilterForm action={`/${member.org.slug}/vendors`} label="Filter vendors and contracts">
        {unit ? <input type="hidden" name="unit" value={unit.id} /> : null}
        <FilterField id="vendors-q" label="Name">
          <Input id="vendors-q" name="q" type="search" defaultValue={list.q} placeholder="Vendor or contract" className="w-60" />
        </FilterField>
        <FilterSelect
          id="vendors-status"
          name="status"
          label="Contract status"
          anyLabel="Any"
          options={Object.keys(ContractStatus).map((v) => [v, humanize(v)] as const)}
          defaultValue={list.status ?? ""}
          className="w-40"
        />
        <FilterSelect
          id="vendors-cat"
          name="cat"
          label="Category"
          anyLabel="Any"
          options={Object.keys(BudgetCategory).map((v) => [v, humanize(v)] as const)}
          defaultValue={list.category ?? ""}
          className="w-40"
        />
        <KeepParams values={list.sort.key !== "endDate" || list.sort.dir !== "asc" ? { sort: list.sort.key, dir: list.sort.dir } : {}} />
      </FilterForm>
      <section id="vendors" className="mb-8 scroll-mt-4">
        <SectionHeading
          title={`Vendors (${vendors.paging.total}${list.q ? ` named like “${list.q}”` : ""})`}
          description="Annual value and next contract end count active contracts only. Spend is ledger lines booked to the vendor in the last 12 months."
        />
        <VendorsTable vendors={vendors.rows} currency={currency} today={today} org={editing?.org} sort={vendorSort} />
        <Pager info={vendors.paging} base={`/${member.org.slug}/vendors`} searchParams={sp} label="Vendors" />
      </section>
      <section id="contracts" className="scroll-mt-4">
        <SectionHeading
          title={`${unit ? `Contracts of ${unit.name} and below` : "Contracts"} (${contracts.paging.total})`}
          description="Amber: ending or notice due soon. Red: the date has passed."
          actions={
            unit ? (
              <Link href={`/${member.org.slug}/vendors#contracts`} className="text-sm text-primary hover:underline">
                Show all contracts
              </Link>
            ) : undefined
          }
        />
        <ContractsTable contracts={contracts.rows} currency={currency} today={today} editing={editing} sort={list.sort} />
        <Pager info={contracts.paging} base={`/${member.org.slug}/vendors`} searchParams={sp} label="Contracts" />
      </section>
    </>
  );
}
