import "server-only";

import { z } from "zod";

import { parsePeriodKey, type PeriodKey } from "@/lib/budgets/period";
import { parseTreeMode, type TreeMode } from "@/lib/budgets/tree-basis";
import { replicaDb as db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { fiscalPeriod, fiscalYearOf } from "@/lib/fiscal";
import type { OrgUnitKind } from "@/lib/generated/prisma/enums";
import { parseSearch, type SearchParams, zIdParam, zParam, zYearParam } from "@/lib/search-params";

// The dashboards' figures for an org-unit subtree (null = whole org) and a fiscal period.
// Every figure is a SQL aggregate over the closure table; the money figures come from the
// budgets rollup (lib/budgets/rollup.ts) and the headcount figures from lib/headcount/plan.ts,
// so the dashboard and the list pages it links to can never disagree.
//
// Query count per dashboard render (all panels run in parallel, streamed independently):
//   units/scope        1  (getDashboardScope)
//   delivery           3  (getDeliveryFigures: counts, 12-week trend, milestone + dependency list)
//                    + 3–4 (getDeliveryReview: projects, latest updates, cadence, [reporting lines])
//   money              1  (the units — with the pay sources of the disclosure for a reader
//                         without pay access — beside the statement)
//                    + 1  (period: the root's children and top variances + year: months — ONE
//                         statement computing the facts and the forecast once, lib/budgets/rollup.ts)
//                    + 1–2  (renewals: ids [+ contracts], beside the statement)
//   (tests/integration/dashboard.test.ts counts them: delivery figures 3, people 2, money 3)
//   people             2  (planVsActual, getPeopleFigures)
// i.e. a fixed number independent of the number of projects, units, people or rows.

/** `tree`: "asof" shows the period's money as it was when the period has closed (lib/budgets/tree-basis.ts). */
export type DashboardParams = { unitId: string | null; fiscalYear: number; period: PeriodKey; tree?: TreeMode };

/** ?unit=<id>&fy=2027&period=q3 — default: whole org (or `defaultUnit`), the current fiscal quarter. */
export function parseDashboardParams(
  sp: SearchParams,
  startMonth: number,
  today = new Date(),
  defaultUnit: string | null = null,
): DashboardParams {
  const { fy, period, unit, tree } = parseSearch(ZDashboardSearch, sp);
  return {
    unitId: unit ?? defaultUnit,
    fiscalYear: fy ?? fiscalYearOf(today, startMonth),
    period: period ? parsePeriodKey(period) : (`q${fiscalPeriod(today, startMonth).quarter}` as PeriodKey),
    // Only when asked: the default (restated) leaves the params as they were.
    ...(parseTreeMode(tree) === "asof" ? { tree: "asof" as const } : {}),
  };
}

const ZDashboardSearch = z.object({ fy: zYearParam(), period: zParam(), unit: zIdParam(), tree: zParam() });

export function dashboardQuery(p: DashboardParams, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    ...(p.unitId ? { unit: p.unitId } : {}),
    fy: String(p.fiscalYear),
    period: p.period,
    ...(p.tree === "asof" ? { tree: "asof" } : {}),
    ...extra,
  }).toString();
}

type ScopeUnit = { id: string; name: string; code: string; kind: OrgUnitKind; parentId: string | null; depth: number };
export type DashboardScope = {
  unit: ScopeUnit | null;
  /** Root → selected unit (excluding the org itself). */
  path: ScopeUnit[];
  children: ScopeUnit[];
  /** Every unit id of the subtree (the selected unit and all below it). */
  subtreeIds: string[];
};

/** The tables scope figures read (memo versions; tests/integration/figures-memo.test.ts checks the SQL). */
export const SCOPE_TABLES: readonly DataTable[] = ["OrgUnit"];

/**
 * The selected unit, its ancestors and children. Returns null when the unit is not in this org
 * (or, with `within`, not inside that subtree — a MANAGER's scope).
 */
export function getDashboardScope(orgId: string, unitId: string | null, within: string | null = null): Promise<DashboardScope | null> {
  // Memoized per org data version (lib/figures-memo.ts): the org's units are read once per change.
  return memoFigures(orgId, "scope", [unitId, within], SCOPE_TABLES, () => readDashboardScope(orgId, unitId, within));
}

async function readDashboardScope(orgId: string, unitId: string | null, within: string | null): Promise<DashboardScope | null> {
  const rows = await db.orgUnit.findMany({
    where: { orgId },
    select: { id: true, name: true, code: true, kind: true, parentId: true, depth: true, closedOn: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
  });
  const closed = new Set(rows.filter((u) => u.closedOn).map((u) => u.id));
  const units: ScopeUnit[] = rows.map(({ closedOn: _closed, ...u }) => u);
  const byId = new Map(units.map((u) => [u.id, u]));
  const unit = unitId ? (byId.get(unitId) ?? null) : null;
  if (unitId && !unit) return null;
  const path: ScopeUnit[] = [];
  for (let u = unit; u; u = u.parentId ? (byId.get(u.parentId) ?? null) : null) path.unshift(u);
  if (within && !path.some((u) => u.id === within)) return null;
  // Children of the whole org are the roots; subtree ids follow parent links (units are few and already loaded).
  // A closed unit is not offered to drill into (its past money still counts in its ancestors').
  const children = units.filter((u) => u.parentId === (unit?.id ?? null) && !closed.has(u.id));
  const subtree = new Set<string>(unit ? [unit.id] : units.map((u) => u.id));
  if (unit) for (const u of units) if (u.parentId && subtree.has(u.parentId)) subtree.add(u.id);
  return { unit, path, children, subtreeIds: [...subtree] };
}

// Panel figures live beside this module, one file per panel.
export * from "@/lib/dashboard/delivery-figures";
export * from "@/lib/dashboard/money-figures";
export * from "@/lib/dashboard/people-figures";
