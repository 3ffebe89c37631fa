import Link from "next/link";
import type * as React from "react";

import { VarianceAmount } from "@/components/budgets/variance";
import { BurnChart } from "@/components/charts/burn-chart";
import { HealthTrendChart } from "@/components/charts/health-trend-chart";
import { VarianceBarChart } from "@/components/charts/variance-bar-chart";
import { ChartTable, PanelTitle } from "@/components/dashboard/chart-table";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HEALTH_LABELS, HEALTH_ORDER, HealthBadge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { Member } from "@/lib/auth";
import { MIN_GROUP_SIZE } from "@/lib/budgets/salary-safe";
import {
  dashboardQuery,
  getDeliveryFigures,
  getLatestUpdates,
  getMoneyFigures,
  getPeopleFigures,
  MILESTONE_WINDOW_DAYS,
  type DashboardParams,
} from "@/lib/dashboard/director";
import { formatDate, formatPercent, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { getDeliveryReview } from "@/lib/projects/review";

// The dashboard panels: async server components, each streamed on its own behind <Suspense>.

export type PanelProps = { member: Member; params: DashboardParams; subtreeIds: string[] };

/** A figure that links to the list explaining it. */
export function Figure({ label, value, href, hint }: { label: string; value: React.ReactNode; href: string; hint?: React.ReactNode }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-border p-3 hover:border-primary/40 hover:bg-muted/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <span className="block text-xs font-medium text-muted-foreground">{label}</span>
      <span className="block text-2xl font-semibold tabular-nums" data-figure={label}>
        {value}
      </span>
      {hint ? <span className="block text-xs text-muted-foreground">{hint}</span> : null}
    </Link>
  );
}

export function PanelSkeleton({ title }: { title: string }) {
  return (
    <Card aria-busy="true">
      <CardHeader>
        <PanelTitle>{title}</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <span className="sr-only">Loading {title.toLowerCase()}…</span>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-16" />
          ))}
        </div>
        <Skeleton className="h-48" />
      </CardContent>
    </Card>
  );
}

function SubHeading({ children }: { children: React.ReactNode }) {
  return <h3 className="mb-2 text-sm font-semibold">{children}</h3>;
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}

const weekFmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Delivery: health counts and trend, at-risk projects, stale and unacknowledged updates, milestones, blocked dependencies. */
export async function DeliveryPanel({ member, params }: PanelProps) {
  const { org } = member;
  const base = `/${org.slug}`;
  // The review is scoped like a manager's: the selected subtree (whole org when none).
  const reviewer: Member = params.unitId ? { ...member, role: "MANAGER", scopeUnitId: params.unitId } : { ...member, role: member.role === "MANAGER" ? "DIRECTOR" : member.role };
  const [d, review] = await Promise.all([getDeliveryFigures(org.id, params.unitId), getDeliveryReview(reviewer)]);
  const latest = await getLatestUpdates(org.id, review.atRisk.slice(0, 8).map((p) => p.id));
  const unit = params.unitId ? `unit=${params.unitId}&` : "";
  const list = (q: string) => `${base}/projects?${unit}${q}`;

  return (
    <Card>
      <CardHeader>
        <PanelTitle>Delivery</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Figure label="Active projects" value={d.active} href={list("status=ACTIVE")} />
          {HEALTH_ORDER.map((h) => (
            <Figure key={h} label={HEALTH_LABELS[h]} value={d.health[h]} href={list(`status=ACTIVE&health=${h}`)} hint={<HealthBadge health={h} className="mt-1" />} />
          ))}
          <Figure label="Stale" value={review.stale.length} href={list("stale=1")} hint="No update for a full cycle" />
        </div>

        <section aria-labelledby="trend-h">
          <SubHeading>
            <span id="trend-h">Health over the last 12 weeks</span>
          </SubHeading>
          <HealthTrendChart points={d.trend} />
          <ChartTable
            caption="Projects by health at the end of each week"
            head={["Week ending", ...HEALTH_ORDER.map((h) => (h === "UNKNOWN" ? "No update" : HEALTH_LABELS[h]))]}
            rows={d.trend.map((w) => [weekFmt.format(new Date(`${w.week}T00:00:00Z`)), ...HEALTH_ORDER.map((h) => w[h])])}
          />
        </section>

        <div className="grid gap-6 lg:grid-cols-2">
          <section>
            <SubHeading>At risk and off track ({review.atRisk.length})</SubHeading>
            {review.atRisk.length === 0 ? (
              <Empty>Nothing at risk.</Empty>
            ) : (
              <ul className="space-y-3">
                {review.atRisk.slice(0, 8).map((p) => {
                  const u = latest.get(p.id);
                  return (
                    <li key={p.id} className="text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <HealthBadge health={p.health} />
                        <Link href={`${base}/projects/${p.id}`} className="font-medium hover:underline">
                          {p.name}
                        </Link>
                        <span className="text-muted-foreground">{p.teamName}</span>
                      </div>
                      {u ? (
                        <p className="mt-1 text-muted-foreground">
                          {u.summary}
                          {u.suggestedHealth && u.suggestedHealth !== p.health ? ` · Suggested: ${HEALTH_LABELS[u.suggestedHealth]}` : ""}
                          {u.overrideReason ? ` · Reason: ${u.overrideReason}` : ""}
                        </p>
                      ) : (
                        <p className="mt-1 text-muted-foreground">No update yet.</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section>
            <SubHeading>Stale updates and escalation ({review.stale.length})</SubHeading>
            {review.stale.length === 0 ? (
              <Empty>Every active project is up to date.</Empty>
            ) : (
              <ul className="space-y-2 text-sm">
                {review.stale.slice(0, 8).map((p) => (
                  <li key={p.id} className="flex flex-wrap gap-x-2">
                    <Link href={`${base}/projects/${p.id}`} className="font-medium hover:underline">
                      {p.name}
                    </Link>
                    <span className="text-muted-foreground">
                      {p.update.state === "stale" ? `${p.update.missedCycles} missed · escalation level ${p.update.escalationLevel}` : ""}
                      {p.escalatedTo ? ` → ${p.escalatedTo.name}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-4">
              <SubHeading>Awaiting acknowledgement ({review.unacknowledged.length})</SubHeading>
              {review.unacknowledged.length === 0 ? (
                <Empty>No update waits for acknowledgement.</Empty>
              ) : (
                <ul className="space-y-2 text-sm">
                  {review.unacknowledged.slice(0, 5).map((u) => (
                    <li key={u.id}>
                      <Link href={`${base}/projects/${u.projectId}`} className="font-medium hover:underline">
                        {u.projectName}
                      </Link>{" "}
                      <span className="text-muted-foreground">
                        {u.author}, {formatDate(u.createdAt)}
                      </span>
                    </li>
                  ))}
                  {review.unacknowledged.length > 5 ? (
                    <li>
                      <Link href={`${base}/projects/review`} className="text-primary hover:underline">
                        All {review.unacknowledged.length} in the review
                      </Link>
                    </li>
                  ) : null}
                </ul>
              )}
            </div>
          </section>
          <section>
            <SubHeading>
              Milestones: {d.milestonesOverdue} overdue, {d.milestonesDueSoon} due in the next {MILESTONE_WINDOW_DAYS / 7} weeks
            </SubHeading>
            {d.milestones.length === 0 ? (
              <Empty>No open milestone due soon.</Empty>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {d.milestones.map((m) => (
                  <li key={m.id} className="flex flex-wrap gap-x-2">
                    <span className={m.overdue ? "font-medium text-health-off-track-text" : "text-muted-foreground"}>
                      {m.overdue ? "Overdue " : "Due "}
                      {formatDate(m.dueDate)}
                    </span>
                    <span>{m.name}</span>
                    <Link href={`${base}/projects/${m.projectId}`} className="text-primary hover:underline">
                      {m.projectName}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <SubHeading>Blocked cross-team dependencies ({d.blocked.length})</SubHeading>
            {d.blocked.length === 0 ? (
              <Empty>No project waits on an at-risk project of another team.</Empty>
            ) : (
              <ul className="space-y-2 text-sm">
                {d.blocked.map((b) => (
                  <li key={b.id}>
                    <Link href={`${base}/projects/${b.blockedId}`} className="font-medium hover:underline">
                      {b.blockedName}
                    </Link>{" "}
                    <span className="text-muted-foreground">({b.blockedTeam}) waits on</span>{" "}
                    <Link href={`${base}/projects/${b.blockerId}`} className="font-medium hover:underline">
                      {b.blockerName}
                    </Link>{" "}
                    <span className="text-muted-foreground">({b.blockerTeam})</span> <HealthBadge health={b.blockerHealth} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </CardContent>
    </Card>
  );
}

/** Money: period and year-to-date plan vs actual, year forecast, variance by child unit, burn, top variances, renewals. */
export async function MoneyPanel({ member, params, subtreeIds }: PanelProps) {
  const { org } = member;
  const m = await getMoneyFigures(org.id, org.fiscalYearStartMonth, member.role, params, subtreeIds);
  const money = (c: number) => formatMoney(c, org.currency, { compact: true });
  const budgets = (extra: Record<string, string> = {}) =>
    `/${org.slug}/budgets?${new URLSearchParams({ fy: String(params.fiscalYear), period: params.period, ...(params.unitId ? { unit: params.unitId } : {}), ...extra })}`;
  const drill = (unit: string) => `/${org.slug}/dashboard?${dashboardQuery({ ...params, unitId: unit })}`;

  return (
    <Card>
      <CardHeader>
        <PanelTitle>Money</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Figure label="YTD plan" value={money(m.ytd.planCents)} href={budgets({ period: "ytd" })} />
          <Figure label="YTD actual" value={money(m.ytd.actualCents)} href={budgets({ period: "ytd" })} />
          <Figure
            label="Year forecast"
            value={money(m.year.forecastCents)}
            href={budgets({ period: "year" })}
            hint={
              <>
                vs {money(m.year.planCents)} plan · <VarianceAmount cents={m.year.varianceCents} currency={org.currency} compact />
              </>
            }
          />
          <Figure
            label={`${m.periodLabel} variance`}
            value={<VarianceAmount cents={m.period.varianceCents} currency={org.currency} compact />}
            href={budgets()}
            hint={`${formatPercent(m.period.variancePct, { signed: true })} forecast vs plan · + is over`}
          />
        </div>
        {m.salarySafe ? (
          <p className="text-xs text-muted-foreground">Personnel cost of a unit with fewer than {MIN_GROUP_SIZE} people is shown in its parent.</p>
        ) : null}

        <section>
          <SubHeading>Variance by org unit ({m.periodLabel})</SubHeading>
          {m.children.length === 0 ? (
            <Empty>No org unit below this one.</Empty>
          ) : (
            <div className="overflow-x-auto">
              <VarianceBarChart points={m.children.map((r) => ({ name: r.name, varianceCents: r.varianceCents }))} currency={org.currency} />
              <table className="mt-3 w-full text-left text-sm tabular-nums">
                <caption className="sr-only">Plan, forecast and variance of each org unit directly below the selected one; a unit name opens its dashboard</caption>
                <thead>
                  <tr className="border-b border-border text-muted-foreground">
                    <th scope="col" className="px-2 py-1 font-medium">
                      Org unit
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      Plan
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      Forecast
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      Variance
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {m.children.map((r) => (
                    <tr key={r.id} className="border-b border-border/60">
                      <th scope="row" className="px-2 py-1 font-normal">
                        <Link href={drill(r.id)} className="font-medium text-primary hover:underline">
                          {r.name}
                        </Link>
                      </th>
                      <td className="px-2 py-1 text-right">
                        <Link href={budgets({ unit: r.id })} className="hover:underline">
                          {money(r.planCents)}
                        </Link>
                      </td>
                      <td className="px-2 py-1 text-right">{money(r.forecastCents)}</td>
                      <td className="px-2 py-1 text-right">
                        <VarianceAmount cents={r.varianceCents} currency={org.currency} compact /> ({formatPercent(r.variancePct, { signed: true })})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section>
          <SubHeading>Burn: cumulative plan, actual and forecast for the year</SubHeading>
          <BurnChart points={m.months} currency={org.currency} />
          <ChartTable
            caption="Cumulative plan, actual and forecast by month"
            head={["Month", "Plan", "Actual", "Forecast"]}
            rows={m.months.map((p) => [p.month.slice(0, 7), money(p.cumPlanCents), p.cumActualCents == null ? "–" : money(p.cumActualCents), money(p.cumForecastCents)])}
          />
        </section>

        <div className="grid gap-6 lg:grid-cols-2">
          <section>
            <SubHeading>Top 5 variances ({m.periodLabel})</SubHeading>
            {m.top.length === 0 ? (
              <Empty>Forecast matches plan everywhere.</Empty>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {m.top.map((v) => (
                  <li key={`${v.unitId}-${v.category}`} className="flex justify-between gap-2">
                    <Link href={budgets({ unit: v.unitId, cat: v.category })} className="hover:underline">
                      {v.unitName} · {humanize(v.category)}
                    </Link>
                    <VarianceAmount cents={v.varianceCents} currency={org.currency} compact />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <SubHeading>Renewals in the next 90 days ({m.renewals.length})</SubHeading>
            {m.renewals.length === 0 ? (
              <Empty>No contract renews soon.</Empty>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {m.renewals.slice(0, 6).map((c) => (
                  <li key={c.id} className="flex justify-between gap-2">
                    <Link href={`/${org.slug}/vendors`} className="hover:underline">
                      {c.vendorName} · {c.name}
                    </Link>
                    <span className="text-muted-foreground">
                      {formatDate(c.renewalNoticeDate ?? c.endDate)} · {money(c.annualAmountCents)}/yr
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link href={`/${org.slug}/vendors`} className="mt-2 inline-block text-sm text-primary hover:underline">
              All vendors and contracts
            </Link>
          </section>
        </div>
      </CardContent>
    </Card>
  );
}

/** People: heads vs plan, open positions and time open, planned starts and departures, over-allocation. */
export async function PeoplePanel({ member, params }: PanelProps) {
  const { org } = member;
  const p = await getPeopleFigures(org.id, org.fiscalYearStartMonth, params);
  const hc = `/${org.slug}/headcount?${new URLSearchParams({ fy: String(params.fiscalYear), ...(params.unitId ? { unit: params.unitId } : {}) })}`;
  const teams = `/${org.slug}/teams${params.unitId ? `?unit=${params.unitId}` : ""}`;
  const q = p.quarter;
  return (
    <Card>
      <CardHeader>
        <PanelTitle>People{q ? ` (${q.label})` : ""}</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Figure label="Heads in post" value={q?.actual ?? "–"} href={teams} hint={q ? `vs ${q.planned} planned` : undefined} />
          <Figure label="Planned heads" value={q?.planned ?? "–"} href={hc} />
          <Figure label="Open positions" value={p.openPositions} href={hc} hint={`open ${p.avgDaysOpen} days on average`} />
          <Figure label="Planned starts" value={q?.hiring ?? 0} href={hc} hint="Vacant, target start this quarter" />
          <Figure label="Departures" value={q?.attrition ?? 0} href={teams} hint="Last day this quarter" />
          <Figure label="Over-allocated" value={p.overallocated} href={teams} hint="People above 100% today" />
        </div>
        <section>
          <SubHeading>Longest-open positions</SubHeading>
          {p.oldest.length === 0 ? (
            <Empty>No open position.</Empty>
          ) : (
            <ul className="space-y-1.5 text-sm">
              {p.oldest.map((o) => (
                <li key={o.id} className="flex justify-between gap-2">
                  <Link href={hc} className="hover:underline">
                    {o.title} · {o.unitName}
                  </Link>
                  <span className="text-muted-foreground">
                    {humanize(o.status)} · {o.daysOpen} days
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
