import { FinanceSections, loadFinanceSections } from "@/components/budgets/finance-sections";
import { ImportHistory } from "@/components/budgets/import-history";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { SeeAll } from "@/components/dashboard/panel-parts";
import { HowCounted } from "@/components/ui/how-counted";
import { RenewalList } from "@/components/vendors/renewal-list";
import type { Member } from "@/lib/auth";
import { listImportBatches } from "@/lib/budgets/queries";
import type { FinanceParams } from "@/lib/budgets/view-params";
import { can } from "@/lib/permissions";
import { vendorsRenewalsHref } from "@/lib/vendors/links";
import { listUpcomingRenewals } from "@/lib/vendors/queries";

/** Renewals listed on the finance dashboard; the vendors page has them all. */
const FINANCE_RENEWALS_SHOWN = 8;

/** The finance view: the budgets' finance sections for the fiscal year, the imports log and renewals. */
export async function FinanceDashboard({ member, params }: { member: Member; params: FinanceParams }) {
  const { org } = member;
  const now = new Date();
  const [sections, batches, renewals] = await Promise.all([
    loadFinanceSections(member, params, now),
    can(member.role, "actuals:write") ? listImportBatches(org.id, 8) : Promise.resolve([]),
    listUpcomingRenewals(org.id, now, null, FINANCE_RENEWALS_SHOWN),
  ]);
  return (
    <div className="space-y-8">
      <FinanceSections host="dashboard" member={member} params={params} data={sections} now={now} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section>
          <SectionHeading title="Imports log" description="Latest actuals and plan imports." />
          {batches.length ? (
            <ImportHistory org={org.slug} batches={batches} canRevert={false} now={now.toISOString()} />
          ) : (
            <p className="text-sm text-muted-foreground">No import yet.</p>
          )}
        </section>
        <section>
          <SectionHeading title={`Renewals due in the next 90 days (${renewals.total})`} />
          <RenewalList orgSlug={org.slug} currency={org.currency} renewals={renewals.rows} />
          {renewals.total > 0 ? (
            <SeeAll href={vendorsRenewalsHref(org.slug, null)} count={renewals.total} shown={renewals.rows.length} />
          ) : null}
          <HowCounted figures={["renewals-due"]} />
        </section>
      </div>
    </div>
  );
}
