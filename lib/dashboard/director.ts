import "server-only";

import { parsePeriodKey, resolvePeriod, type PeriodKey } from "@/lib/budgets/period";
import { getFinanceView, loadFinanceBase, type Amounts, type FinanceTreeRow, type MonthRow, type VarianceRow } from "@/lib/budgets/rollup";
import { db } from "@/lib/db";
import { fiscalPeriod, fiscalYearOf, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health, OrgUnitKind } from "@/lib/generated/prisma/enums";
import { planVsActual, type PlanQuarterRow } from "@/lib/headcount/plan";
import { listUpcomingRenewals, type ContractRow } from "@/lib/vendors/queries";

// The dashboards' figures for an org-unit subtree (null = whole org) and a fiscal period.
// Every figure is a SQL aggregate over the closure table; the money figures come from the
// budgets rollup (lib/budgets/rollup.ts) and the headcount figures from lib/headcount/plan.ts,
// so the dashboard and the list pages it links to can never disagree.
//
// Query count per dashboard render (all panels run in parallel, streamed independently):
//   units/scope        1  (getDashboardScope)
//   delivery           3  (getDeliveryFigures: counts, 12-week trend, milestone + dependency list)
//                    + 3–4 (getDeliveryReview: projects, latest updates, cadence, [reporting lines])
//   money              8  (loadFinanceBase, shared: units, head counts, 6 forecast inputs)
//                    + 3  (period: tree, categories, top) + 2 (year: categories, months)
//                    + 1–2  (renewals: ids [+ contracts])
//   (tests/integration/dashboard.test.ts counts them: delivery figures 3, people 2, money 14)
//   people             2  (planVsActual, getPeopleFigures)
// i.e. a fixed number independent of the number of projects, units, people or rows.

export type DashboardParams = { unitId: string | null; fiscalYear: number; period: PeriodKey };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** ?unit=<id>&fy=2027&period=q3 — default: whole org (or `defaultUnit`), the current fiscal quarter. */
export function parseDashboardParams(sp: Search, startMonth: number, today = new Date(), defaultUnit: string | null = null): DashboardParams {
  const fyText = one(sp.fy);
  const fiscalYear = fyText && /^\d{4}$/.test(fyText) && Number(fyText) >= 2000 && Number(fyText) <= 2100 ? Number(fyText) : fiscalYearOf(today, startMonth);
  const raw = one(sp.period);
  const period: PeriodKey = raw ? parsePeriodKey(raw) : (`q${fiscalPeriod(today, startMonth).quarter}` as PeriodKey);
  const unit = one(sp.unit);
  return { unitId: unit && /^[A-Za-z0-9_-]{1,64}$/.test(unit) ? unit : defaultUnit, fiscalYear, period };
}

export function dashboardQuery(p: DashboardParams, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...(p.unitId ? { unit: p.unitId } : {}), fy: String(p.fiscalYear), period: p.period, ...extra }).toString();
}

export type ScopeUnit = { id: string; name: string; code: string; kind: OrgUnitKind; parentId: string | null; depth: number };
export type DashboardScope = {
  unit: ScopeUnit | null;
  /** Root → selected unit (excluding the org itself). */
  path: ScopeUnit[];
  children: ScopeUnit[];
  /** Every unit id of the subtree (the selected unit and all below it). */
  subtreeIds: string[];
};

/**
 * The selected unit, its ancestors and children. Returns null when the unit is not in this org
 * (or, with `within`, not inside that subtree — a MANAGER's scope).
 */
export async function getDashboardScope(orgId: string, unitId: string | null, within: string | null = null): Promise<DashboardScope | null> {
  const units = await db.orgUnit.findMany({
    where: { orgId },
    select: { id: true, name: true, code: true, kind: true, parentId: true, depth: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  const unit = unitId ? (byId.get(unitId) ?? null) : null;
  if (unitId && !unit) return null;
  const path: ScopeUnit[] = [];
  for (let u = unit; u; u = u.parentId ? (byId.get(u.parentId) ?? null) : null) path.unshift(u);
  if (within && !path.some((u) => u.id === within)) return null;
  // Children of the whole org are the roots; subtree ids follow parent links (units are few and already loaded).
  const children = units.filter((u) => u.parentId === (unit?.id ?? null));
  const subtree = new Set<string>(unit ? [unit.id] : units.map((u) => u.id));
  if (unit) for (const u of units) if (u.parentId && subtree.has(u.parentId)) subtree.add(u.id);
  return { unit, path, children, subtreeIds: [...subtree] };
}

function scopeCte(orgId: string, unitId: string | null): Prisma.Sql {
  return unitId
    ? Prisma.sql`SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId}`
    : Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId}`;
}

const DAY_MS = 86_400_000;
export const MILESTONE_WINDOW_DAYS = 28;
export const TREND_WEEKS = 12;

export type HealthCounts = Record<Health, number>;
export type TrendWeek = { week: string } & HealthCounts;
export type MilestoneItem = { id: string; name: string; dueDate: string; projectId: string; projectName: string; overdue: boolean };
export type BlockedDependency = { id: string; blockedId: string; blockedName: string; blockedTeam: string; blockerId: string; blockerName: string; blockerTeam: string; blockerHealth: Health; note: string };
export type DeliveryFigures = {
  /** ACTIVE projects by current health. */
  health: HealthCounts;
  active: number;
  milestonesOverdue: number;
  milestonesDueSoon: number;
  milestones: MilestoneItem[];
  blocked: BlockedDependency[];
  /** Health of ACTIVE/PAUSED projects at the end of each of the last 12 weeks (latest update on or before that day). */
  trend: TrendWeek[];
};

const emptyHealth = (): HealthCounts => ({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 0 });

/** Three queries: counts, trend, and the milestone + blocked-dependency lists. */
export async function getDeliveryFigures(orgId: string, unitId: string | null, now = new Date()): Promise<DeliveryFigures> {
  const today = toDateString(now);
  const soon = toDateString(new Date(Date.parse(today) + MILESTONE_WINDOW_DAYS * DAY_MS));
  const scope = scopeCte(orgId, unitId);
  const proj = Prisma.sql`
    scope AS (${scope}),
    proj AS (
      SELECT p.* FROM "Project" p
      WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p."orgUnitId" IN (SELECT "id" FROM scope)
    )`;
  const [counts, trend, lists] = await Promise.all([
    db.$queryRaw<{ health: Record<string, number> | null; overdue: number; soon: number }[]>`
      WITH ${proj}
      SELECT
        (SELECT json_object_agg(x.h, x.n) FROM (SELECT p.health::text AS h, COUNT(*)::int AS n FROM proj p WHERE p.status = 'ACTIVE' GROUP BY p.health) x) AS "health",
        (SELECT COUNT(*)::int FROM "Milestone" m JOIN proj p ON p.id = m."projectId"
          WHERE m."orgId" = ${orgId} AND m."doneDate" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND m."dueDate" < ${today}::date) AS "overdue",
        (SELECT COUNT(*)::int FROM "Milestone" m JOIN proj p ON p.id = m."projectId"
          WHERE m."orgId" = ${orgId} AND m."doneDate" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND m."dueDate" BETWEEN ${today}::date AND ${soon}::date) AS "soon"`,
    db.$queryRaw<{ week: Date; health: Health; n: number }[]>`
      WITH ${proj},
      weeks AS (SELECT (${today}::date - (i * 7)) AS "day" FROM generate_series(0, ${TREND_WEEKS - 1}) AS i)
      SELECT w."day" AS "week", COALESCE(s.health::text, 'UNKNOWN') AS "health", COUNT(*)::int AS "n"
      FROM weeks w
      JOIN proj p ON p.status IN ('ACTIVE', 'PAUSED') AND p."createdAt"::date <= w."day"
      LEFT JOIN LATERAL (
        SELECT su.health FROM "StatusUpdate" su
        WHERE su."orgId" = ${orgId} AND su."projectId" = p.id AND su."createdAt" < w."day" + 1
        ORDER BY su."createdAt" DESC LIMIT 1
      ) s ON true
      GROUP BY w."day", COALESCE(s.health::text, 'UNKNOWN')
      ORDER BY w."day"`,
    db.$queryRaw<({ kind: "milestone" | "blocked" } & Record<string, string | Date | null>)[]>`
      WITH ${proj}
      (SELECT 'milestone' AS "kind", m.id, m.name, m."dueDate"::text AS "dueDate", p.id AS "projectId", p.name AS "projectName",
              NULL AS "blockerId", NULL AS "blockerName", NULL AS "blockedTeam", NULL AS "blockerTeam", NULL AS "blockerHealth", NULL AS "note"
       FROM "Milestone" m JOIN proj p ON p.id = m."projectId"
       WHERE m."orgId" = ${orgId} AND m."doneDate" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND m."dueDate" <= ${soon}::date
       ORDER BY m."dueDate", m.name LIMIT 12)
      UNION ALL
      (SELECT 'blocked', d.id, NULL, NULL, p.id, p.name, b.id, b.name, pu.name, bu.name, b.health::text, d.note
       FROM "ProjectDependency" d
       JOIN proj p ON p.id = d."blockedId"
       JOIN "Project" b ON b.id = d."blockerId" AND b."orgId" = d."orgId"
       JOIN "OrgUnit" pu ON pu.id = p."orgUnitId"
       JOIN "OrgUnit" bu ON bu.id = b."orgUnitId"
       WHERE d."orgId" = ${orgId} AND b."orgUnitId" <> p."orgUnitId" AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED')
         AND b.status NOT IN ('DONE', 'CANCELLED') AND b.health IN ('AT_RISK', 'OFF_TRACK')
       ORDER BY b.health DESC, p.name LIMIT 12)`,
  ]);

  const health = emptyHealth();
  for (const [h, n] of Object.entries(counts[0]?.health ?? {})) health[h as Health] = n;
  const weeks = new Map<string, TrendWeek>();
  for (let i = TREND_WEEKS - 1; i >= 0; i--) {
    const week = toDateString(new Date(Date.parse(today) - i * 7 * DAY_MS));
    weeks.set(week, { week, ...emptyHealth() });
  }
  for (const r of trend) {
    const w = weeks.get(toDateString(r.week));
    if (w) w[r.health] = r.n;
  }
  const str = (v: string | Date | null) => (v == null ? "" : String(v));
  return {
    health,
    active: Object.values(health).reduce((a, b) => a + b, 0),
    milestonesOverdue: counts[0]?.overdue ?? 0,
    milestonesDueSoon: counts[0]?.soon ?? 0,
    milestones: lists
      .filter((r) => r.kind === "milestone")
      .map((r) => ({ id: str(r.id), name: str(r.name), dueDate: str(r.dueDate), projectId: str(r.projectId), projectName: str(r.projectName), overdue: str(r.dueDate) < today })),
    blocked: lists
      .filter((r) => r.kind === "blocked")
      .map((r) => ({
        id: str(r.id),
        blockedId: str(r.projectId),
        blockedName: str(r.projectName),
        blockedTeam: str(r.blockedTeam),
        blockerId: str(r.blockerId),
        blockerName: str(r.blockerName),
        blockerTeam: str(r.blockerTeam),
        blockerHealth: str(r.blockerHealth) as Health,
        note: str(r.note),
      })),
    trend: [...weeks.values()],
  };
}

export type LatestUpdate = { projectId: string; summary: string; createdAt: string; suggestedHealth: Health | null; overrideReason: string | null };

/** Latest update of each given project (one query, DISTINCT ON). */
export async function getLatestUpdates(orgId: string, projectIds: string[]): Promise<Map<string, LatestUpdate>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ projectId: string; summary: string; createdAt: Date; suggestedHealth: Health | null; overrideReason: string | null }[]>`
    SELECT DISTINCT ON (su."projectId") su."projectId", su.summary, su."createdAt", su."suggestedHealth"::text AS "suggestedHealth", su."overrideReason"
    FROM "StatusUpdate" su
    WHERE su."orgId" = ${orgId} AND su."projectId" = ANY(${projectIds}::text[])
    ORDER BY su."projectId", su."createdAt" DESC`;
  return new Map(rows.map((r) => [r.projectId, { ...r, createdAt: r.createdAt.toISOString() }]));
}

export type MoneyFigures = {
  periodLabel: string;
  period: Amounts;
  /** Year to date through the current month (from the year's cumulative month rows). */
  ytd: { planCents: number; actualCents: number };
  year: Amounts;
  /** Children of the selected unit (drill-down rows). */
  children: FinanceTreeRow[];
  top: VarianceRow[];
  months: MonthRow[];
  renewals: ContractRow[];
  salarySafe: boolean;
};

/** Plan/actual/forecast for the subtree: the budgets rollup for the period and for the year. */
export async function getMoneyFigures(
  orgId: string,
  startMonth: number,
  role: string,
  p: DashboardParams,
  subtreeIds: string[],
  now = new Date(),
): Promise<MoneyFigures> {
  const base = { orgId, startMonth, fiscalYear: p.fiscalYear, unitId: p.unitId, category: null, role, today: now };
  const [shared, renewals] = await Promise.all([loadFinanceBase(base), listUpcomingRenewals(orgId, now)]);
  const [period, year] = await Promise.all([
    getFinanceView({ ...base, period: p.period }, { base: shared, parts: ["tree", "top"] }),
    getFinanceView({ ...base, period: "year" }, { base: shared, parts: ["months"] }),
  ]);
  const current = toDateString(now).slice(0, 7);
  // The last month row at or before the current month carries the cumulative year-to-date figures.
  const done = year.months.filter((m) => m.month.slice(0, 7) <= current);
  const last = done.at(-1);
  const inScope = new Set(subtreeIds);
  return {
    periodLabel: period.period.label,
    period: period.totals,
    ytd: { planCents: last?.cumPlanCents ?? 0, actualCents: last?.cumActualCents ?? 0 },
    year: year.totals,
    children: period.tree.filter((r) => r.parentId === p.unitId),
    top: period.top.slice(0, 5),
    months: year.months,
    renewals: renewals.filter((c) => inScope.has(c.orgUnitId)),
    salarySafe: period.salarySafe,
  };
}

export type OpenPositionItem = { id: string; title: string; unitName: string; status: string; daysOpen: number };
export type PeopleFigures = {
  quarter: PlanQuarterRow | null;
  openPositions: number;
  avgDaysOpen: number;
  oldest: OpenPositionItem[];
  overallocated: number;
};

/** Headcount plan vs actual (lib/headcount/plan.ts) for the period's quarter + one query for open positions and allocations. */
export async function getPeopleFigures(orgId: string, startMonth: number, p: DashboardParams, now = new Date()): Promise<PeopleFigures> {
  const today = toDateString(now);
  const scope = scopeCte(orgId, p.unitId);
  const resolved = resolvePeriod(p.period, p.fiscalYear, startMonth, now);
  // The quarter the period ends in (for year/ytd: the current quarter of that year, else Q4).
  const endQuarter = fiscalPeriod(resolved.end < now ? resolved.end : now > resolved.start ? now : resolved.end, startMonth).quarter;
  const [plan, rows] = await Promise.all([
    planVsActual(orgId, { unitId: p.unitId, fiscalYear: p.fiscalYear, startMonth, today: now }),
    db.$queryRaw<({ kind: "sum"; open: number; avgDays: number; over: number } | { kind: "pos"; id: string; title: string; unitName: string; status: string; daysOpen: number })[]>`
      WITH scope AS (${scope}),
      open AS (
        SELECT ps.id, ps.title, ps.status::text AS status, u.name AS "unitName",
               GREATEST(0, ${today}::date - COALESCE(ps."vacantFrom", ps."openedAt"::date, ps."createdAt"::date))::int AS "daysOpen"
        FROM "Position" ps JOIN "OrgUnit" u ON u.id = ps."orgUnitId"
        WHERE ps."orgId" = ${orgId} AND ps.status IN ('OPEN', 'BACKFILL') AND ps."orgUnitId" IN (SELECT "id" FROM scope)
      ),
      over AS (
        SELECT a."personId" FROM "Allocation" a JOIN "Person" pe ON pe.id = a."personId" AND pe."orgId" = a."orgId"
        WHERE a."orgId" = ${orgId} AND pe."orgUnitId" IN (SELECT "id" FROM scope)
          AND a."startDate" <= ${today}::date AND (a."endDate" IS NULL OR a."endDate" >= ${today}::date)
        GROUP BY a."personId" HAVING SUM(a.percent) > 100
      )
      (SELECT 'sum' AS "kind", (SELECT COUNT(*)::int FROM open) AS "open", (SELECT COALESCE(ROUND(AVG("daysOpen")), 0)::int FROM open) AS "avgDays",
              (SELECT COUNT(*)::int FROM over) AS "over", NULL AS id, NULL AS title, NULL AS "unitName", NULL AS status, NULL::int AS "daysOpen")
      UNION ALL
      (SELECT 'pos', NULL, NULL, NULL, id, title, "unitName", status, "daysOpen" FROM open ORDER BY "daysOpen" DESC, title LIMIT 5)`,
  ]);
  const sum = rows.find((r) => r.kind === "sum") as { open: number; avgDays: number; over: number } | undefined;
  return {
    quarter: plan.find((q) => q.quarter === endQuarter) ?? null,
    openPositions: sum?.open ?? 0,
    avgDaysOpen: sum?.avgDays ?? 0,
    oldest: rows.filter((r) => r.kind === "pos").map((r) => ({ id: r.id, title: r.title, unitName: r.unitName, status: r.status, daysOpen: r.daysOpen })),
    overallocated: sum?.over ?? 0,
  };
}
