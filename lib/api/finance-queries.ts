import "server-only";

import type { z } from "zod";

import { cents, day, keyset, paged, subtree } from "@/lib/api/page";
import type { ZActualQuery, ZContractQuery, ZFinanceFiguresQuery, ZPlanLineQuery, ZVendorQuery } from "@/lib/api/schemas";
import { parsePeriodKey } from "@/lib/budgets/period";
import { type Amounts, getFinanceView } from "@/lib/budgets/rollup";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { getDeliveryFigures } from "@/lib/dashboard/delivery-figures";
import { db } from "@/lib/db";
import { CONTRACT_FIELDS } from "@/lib/vendors/contract-select";
import type { Scope } from "@/lib/scope";

// The REST API's money and figure reads. Lists page like lib/api/queries.ts; PERSONNEL lines are
// left out for a reader without pay access (lib/budgets/lines-privacy.ts, as on the lines page);
// the figures are the glossary's own functions (docs/figures.md), never computed again here.

const personnel = (readsPay: boolean, kind: "plan" | "actual") =>
  personnelLinesVisible({ readsPay }, kind) ? {} : { category: { not: "PERSONNEL" as const } };

export async function listApiVendors(scope: Scope, q: z.output<typeof ZVendorQuery>) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.vendor.findMany({
    where: { orgId: scope.orgId, ...after },
    select: { id: true, name: true, website: true },
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept, nextCursor };
}

export async function listApiContracts(scope: Scope, q: z.output<typeof ZContractQuery>) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.contract.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.vendorId ? { vendorId: q.vendorId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...subtree(scope, q.orgUnitId),
    },
    select: CONTRACT_FIELDS,
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return {
    data: kept.map((c) => ({
      ...c,
      annualAmountCents: cents(c.annualAmountCents),
      startDate: day(c.startDate),
      endDate: day(c.endDate),
      renewalNoticeDate: day(c.renewalNoticeDate),
    })),
    nextCursor,
  };
}

const monthStart = (m: string) => new Date(`${m}-01T00:00:00Z`);

export async function listApiPlanLines(scope: Scope, q: z.output<typeof ZPlanLineQuery>, readsPay: boolean) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.budgetLine.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.category ? { category: q.category } : {}),
      ...personnel(readsPay, "plan"),
      ...(q.from || q.to ? { month: { ...(q.from ? { gte: monthStart(q.from) } : {}), ...(q.to ? { lte: monthStart(q.to) } : {}) } } : {}),
      ...subtree(scope, q.orgUnitId),
    },
    select: { id: true, orgUnitId: true, month: true, category: true, amountCents: true },
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map((l) => ({ ...l, month: l.month.toISOString().slice(0, 7), amountCents: cents(l.amountCents) })), nextCursor };
}

export async function listApiActuals(scope: Scope, q: z.output<typeof ZActualQuery>, readsPay: boolean) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.actualEntry.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.category ? { category: q.category } : {}),
      ...personnel(readsPay, "actual"),
      ...(q.vendorId ? { vendorId: q.vendorId } : {}),
      ...(q.from || q.to
        ? {
            bookedOn: {
              ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
              ...(q.to ? { lte: new Date(`${q.to}T00:00:00Z`) } : {}),
            },
          }
        : {}),
      ...subtree(scope, q.orgUnitId),
    },
    select: {
      id: true,
      orgUnitId: true,
      bookedOn: true,
      category: true,
      amountCents: true,
      vendorId: true,
      projectId: true,
      memo: true,
      externalRef: true,
    },
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map((a) => ({ ...a, bookedOn: day(a.bookedOn), amountCents: cents(a.amountCents) })), nextCursor };
}

/** The dashboard's delivery tiles of a unit's subtree (glossary `active-projects`, `on-track`, …). */
export async function getApiDeliveryFigures(scope: Scope, unitId: string | null) {
  const f = await getDeliveryFigures(scope.orgId, unitId);
  return {
    activeProjects: f.active,
    onTrack: f.health.ON_TRACK,
    atRisk: f.health.AT_RISK,
    offTrack: f.health.OFF_TRACK,
    unknownHealth: f.health.UNKNOWN,
    milestonesOverdue: f.milestonesOverdue,
    milestonesDueSoon: f.milestonesDueSoon,
    blockedDependencies: f.blockedCount,
  };
}

const money = (v: number | null) => (v === null ? null : String(v));
const amounts = (a: Amounts) => ({
  planCents: money(a.planCents),
  actualCents: money(a.actualCents),
  forecastCents: money(a.forecastCents),
  varianceCents: money(a.varianceCents),
  variancePct: a.variancePct,
  withheld: a.withheld,
});

/** Plan, actual, forecast and variance of a period (the budgets page's figures, getFinanceView). */
export async function getApiFinanceFigures(scope: Scope, startMonth: number, q: z.output<typeof ZFinanceFiguresQuery>, readsPay: boolean) {
  const view = await getFinanceView(
    {
      orgId: scope.orgId,
      startMonth,
      fiscalYear: q.fiscalYear,
      period: parsePeriodKey(q.period),
      unitId: q.orgUnitId ?? null,
      category: q.category ?? null,
      payReader: readsPay,
      today: new Date(),
    },
    { parts: ["categories"] },
  );
  return {
    period: { key: view.period.key, label: view.period.label, start: view.period.start, end: view.period.end },
    forecastAsOf: view.published?.publishedAt ?? null,
    totals: amounts(view.totals),
    categories: view.categories.map((c) => ({ category: c.category, ...amounts(c) })),
  };
}
