import { Lock, SearchX, TriangleAlert } from "lucide-react";
import Link from "next/link";

import { LinesFiltersForm } from "@/components/budgets/lines-filters";
import { LinesTable } from "@/components/budgets/lines-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink } from "@/components/ui/export-link";
import { HowCounted } from "@/components/ui/how-counted";
import { Pager } from "@/components/ui/pager";
import { ViewNav } from "@/components/ui/view-nav";
import { requireMember } from "@/lib/auth";
import { linesContext, linesPage, linesScope, listable } from "@/lib/budgets/lines";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { DEFAULT_LINES_SORT, linesQuery, monthLabel } from "@/lib/budgets/lines-query";
import { PERSONNEL_HIDDEN_NOTE } from "@/lib/budgets/lines-privacy";
import { treeBasisLabel } from "@/lib/budgets/tree-basis";
import { humanize } from "@/lib/format";

export const metadata = { title: "Budget lines" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The lines behind a money figure: the ledger lines (or, ?kind=plan, the plan lines) of a unit's
 * subtree × months × category that an Actual (or Plan) figure sums, one page at a time, sorted
 * and totalled by the database; the total is the figure the link came from. Any member may read
 * it; PERSONNEL lines only roles that may read pay (lib/budgets/lines-privacy.ts). A unit or
 * vendor of another org lists nothing.
 */
export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const sp = await searchParams;
  const { filters, ignored } = parseLinesParams(sp, org.fiscalYearStartMonth);
  // The list runs beside the lookup: a foreign unit or vendor, or PERSONNEL for a role that may
  // not see it, matches no line anyway (the same WHERE), and is then not shown at all.
  const [context, data] = await Promise.all([linesContext(org.id, member, filters), linesPage(linesScope(org.id, member, filters), sp)]);
  const base = `/${org.slug}/budgets/lines`;
  const plan = filters.kind === "plan";
  const query = linesQuery(filters);
  const months = filters.from === filters.to ? monthLabel(filters.from) : `${monthLabel(filters.from)} – ${monthLabel(filters.to)}`;
  const where = context.unit
    ? `${context.unit.name} (${context.unit.code})${filters.own ? " only" : " and the units below"}`
    : "The whole organization";
  const tabs = (["actual", "plan"] as const).map((kind) => ({
    key: kind,
    label: kind === "plan" ? "Plan lines" : "Ledger lines",
    href: `${base}?${linesQuery(filters, { kind, vendorId: null, q: "", sort: DEFAULT_LINES_SORT })}`,
    current: kind === filters.kind,
  }));
  const budgets = `/${org.slug}/budgets?${new URLSearchParams({ ...(context.unit ? { unit: context.unit.id } : {}), ...(filters.category ? { cat: filters.category } : {}) })}`;

  return (
    <>
      <PageHeader
        title={plan ? "Plan lines" : "Ledger lines"}
        description={`${where} · ${filters.category ? humanize(filters.category) : "All categories"}${context.vendor ? ` · ${context.vendor.name}` : ""} · ${months} · ${filters.asof ? treeBasisLabel({ mode: "asof", on: filters.asof }).toLowerCase() : "restated (current tree)"}`}
        actions={
          <>
            <Link href={budgets} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Budgets
            </Link>
            {listable(context) ? <ExportLink href={`/${org.slug}/budgets/lines/export?${query}`} /> : null}
          </>
        }
      />
      <ViewNav label="Lines" items={tabs} className="mb-4" />
      {ignored.length ? (
        <div
          role="status"
          className="mb-4 flex gap-2 rounded-lg border border-health-at-risk/40 bg-health-at-risk-soft p-3 text-sm text-health-at-risk-text"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <div>
            <p className="font-medium">Some filters could not be read and were left out:</p>
            <ul className="mt-1 list-disc pl-5">
              {ignored.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <LinesFiltersForm org={org.slug} action={base} filters={filters} unit={context.unit} vendor={context.vendor} />
      {context.personnelHidden && !context.personnelOnly ? (
        <p className="mb-3 flex items-center gap-2 text-sm text-muted-foreground" data-testid="personnel-hidden">
          <Lock className="size-4 shrink-0" aria-hidden />
          {PERSONNEL_HIDDEN_NOTE} The list and its total leave them out.
        </p>
      ) : null}
      <Card className="min-w-0">
        <CardContent className="p-0">
          {context.notFound ? (
            <EmptyState
              icon={SearchX}
              title={context.notFound === "unit" ? "No such org unit" : "No such vendor"}
              description={`The ${context.notFound === "unit" ? "org unit" : "vendor"} in this link is not part of ${org.name}.`}
            />
          ) : context.personnelOnly ? (
            <EmptyState icon={Lock} title="Personnel lines are not shown" description={PERSONNEL_HIDDEN_NOTE} />
          ) : data.totals.count === 0 ? (
            <EmptyState title={plan ? "No plan lines" : "No ledger lines"} description="Nothing matches these filters." />
          ) : (
            <LinesTable
              filters={filters}
              rows={data.rows}
              totals={data.totals}
              currency={org.currency}
              sortHref={(sort) => `${base}?${linesQuery(filters, { sort })}`}
              vendorHref={(vendorId) => `${base}?${linesQuery(filters, { vendorId })}`}
            />
          )}
        </CardContent>
      </Card>
      {listable(context) ? <Pager info={data.paging} base={base} searchParams={sp} label={plan ? "Plan lines" : "Ledger lines"} /> : null}
      <div className="mt-4">
        <HowCounted
          figures={[plan ? "plan" : "actual"]}
          note="The total is the sum of every line of the list, on all its pages, and equals the figure whose link opened it (the same unit, months and category). The CSV export has the same lines in the same order."
        />
      </div>
    </>
  );
}
