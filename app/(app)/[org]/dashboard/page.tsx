import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";

import { FinanceDashboard } from "@/components/dashboard/finance-dashboard";
import { ManagerWeekPanel } from "@/components/dashboard/manager-panel";
import { DeliveryPanel } from "@/components/dashboard/delivery-panel";
import { MoneyPanel } from "@/components/dashboard/money-panel";
import { PanelSkeleton } from "@/components/dashboard/panel-parts";
import { PeoplePanel } from "@/components/dashboard/people-panel";
import { PeriodPills, pill } from "@/components/dashboard/period-pills";
import { PageHeader } from "@/components/shell/page-header";
import { ViewNav } from "@/components/ui/view-nav";
import { requireMember, type Member } from "@/lib/auth";
import { resolvePeriod } from "@/lib/budgets/period";
import { parseFinanceParams } from "@/lib/budgets/view-params";
import { dashboardQuery, getDashboardScope, parseDashboardParams, type DashboardParams } from "@/lib/dashboard/director";
import { fiscalPeriod, fiscalYearLabel } from "@/lib/fiscal";
import { homeScope } from "@/lib/scope";
import { cn } from "@/lib/utils";

import { parseSearch, type SearchParams, zParam } from "@/lib/search-params";

export const metadata = { title: "Dashboard" };

// The page's own parameter; each view reads its filters (lib/budgets/view-params.ts, lib/dashboard/director.ts).
const ZSearch = z.object({ view: zParam(), support: zParam() });

// One URL, the right view per role: DIRECTOR / ADMIN / VIEWER get the director dashboard,
// MANAGER the manager view (their scope), FINANCE the finance view. ?view= switches between
// the views a role may see (managers only have theirs: the director view is their scope anyway).

type View = "director" | "manager" | "finance";

function viewsFor(member: Member): View[] {
  switch (member.role) {
    case "MANAGER":
      return ["manager"];
    case "FINANCE":
      return ["finance", "director"];
    case "VIEWER":
      return ["director"];
    default:
      return ["director", "finance"];
  }
}

const VIEW_LABEL: Record<View, string> = { director: "Director", manager: "My teams", finance: "Finance" };

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const sp = await searchParams;
  const views = viewsFor(member);
  const search = parseSearch(ZSearch, sp);
  const requested = search.view;
  const view = views.find((v) => v === requested) ?? views[0];
  const base = `/${org.slug}/dashboard`;

  const switcher =
    views.length > 1 ? (
      <ViewNav
        label="Dashboard views"
        items={views.map((v) => ({ key: v, label: VIEW_LABEL[v], href: `${base}?view=${v}`, current: v === view }))}
      />
    ) : null;

  if (view === "finance") {
    const now = new Date();
    const fp = parseFinanceParams(sp, org.fiscalYearStartMonth, now);
    const p = { ...fp, unitId: null, category: null };
    const current = fiscalPeriod(now, org.fiscalYearStartMonth);
    return (
      <>
        <PageHeader
          title="Dashboard"
          description={`Finance: ${fiscalYearLabel(p.fiscalYear)} rollup of ${org.name}, plan vs actual vs forecast.`}
        />
        {switcher}
        <PeriodPills
          className="mb-6"
          fiscalYear={p.fiscalYear}
          period={p.period}
          current={current}
          href={(c) => `${base}?view=finance&fy=${c.fiscalYear}&period=${c.period}${p.tree === "asof" ? "&tree=asof" : ""}`}
        />
        <Suspense key={`${p.fiscalYear}-${p.period}-${p.tree ?? "restated"}`} fallback={<PanelSkeleton title="Finance" />}>
          <FinanceDashboard member={member} params={p} />
        </Suspense>
      </>
    );
  }

  const now = new Date();
  const within = view === "manager" ? homeScope(member).unitId : null;
  const dp = parseDashboardParams(sp, org.fiscalYearStartMonth, now, within);
  const scope = await getDashboardScope(org.id, dp.unitId, within);
  if (!scope) notFound();
  const panel = { member, params: dp };
  const key = dashboardQuery(dp);
  const link = (p: Partial<DashboardParams>) => `${base}?${dashboardQuery({ ...dp, ...p })}`;
  const current = fiscalPeriod(now, org.fiscalYearStartMonth);
  const pathStart = within ? scope.path.findIndex((u) => u.id === within) : 0;
  const crumbs = scope.path.slice(Math.max(pathStart, 0));

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${view === "manager" ? "Your teams" : org.name}: delivery, money and people for ${scope.unit?.name ?? "the whole organization"}, ${resolvePeriod(dp.period, dp.fiscalYear, org.fiscalYearStartMonth, now).label}.`}
      />
      {switcher}
      <div className="mb-6 space-y-3 rounded-xl border border-border bg-card p-4">
        <nav aria-label="Org unit" className="flex flex-wrap items-center gap-1 text-sm">
          {!within ? (
            <>
              <Link
                prefetch={false}
                href={link({ unitId: null })}
                aria-current={!dp.unitId ? "page" : undefined}
                className={crumb(!dp.unitId)}
              >
                Whole organization
              </Link>
            </>
          ) : null}
          {crumbs.map((u, i) => (
            <span key={u.id} className="flex items-center gap-1">
              {i > 0 || !within ? (
                <span aria-hidden className="text-muted-foreground">
                  /
                </span>
              ) : null}
              <Link
                prefetch={false}
                href={link({ unitId: u.id })}
                aria-current={u.id === dp.unitId ? "page" : undefined}
                className={crumb(u.id === dp.unitId)}
              >
                {u.name}
              </Link>
            </span>
          ))}
        </nav>
        {scope.children.length ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted-foreground">Drill down:</span>
            <ul className="flex flex-wrap gap-2" aria-label="Org units below">
              {scope.children.map((c) => (
                <li key={c.id}>
                  <Link prefetch={false} href={link({ unitId: c.id })} className={pill(false)}>
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <PeriodPills
          fiscalYear={dp.fiscalYear}
          period={dp.period}
          current={current}
          href={(c) => link({ fiscalYear: c.fiscalYear, period: c.period })}
        />
        {/* Not every panel can follow the period: say which do (each panel's subtitle repeats it). */}
        <p className="text-xs text-muted-foreground" id="period-scope">
          The period applies to Money, and to People&apos;s heads, starts and departures (by quarter). Delivery, open positions and
          allocation show today.
        </p>
      </div>

      <div className="space-y-6">
        {view === "manager" ? (
          <Suspense fallback={<PanelSkeleton title="This week" />}>
            <ManagerWeekPanel
              member={member}
              scopeName={(within ? scope.path.find((u) => u.id === within)?.name : null) ?? "the whole organization"}
            />
          </Suspense>
        ) : null}
        <Suspense key={`d-${key}`} fallback={<PanelSkeleton title="Delivery" />}>
          <DeliveryPanel {...panel} />
        </Suspense>
        <Suspense key={`m-${key}`} fallback={<PanelSkeleton title="Money" />}>
          <MoneyPanel {...panel} />
        </Suspense>
        <Suspense key={`p-${key}`} fallback={<PanelSkeleton title="People" />}>
          <PeoplePanel {...panel} allSupport={search.support === "all"} />
        </Suspense>
      </div>
    </>
  );
}

function crumb(active: boolean) {
  return cn("rounded px-1.5 py-0.5", active ? "font-semibold text-foreground" : "text-primary hover:underline");
}
