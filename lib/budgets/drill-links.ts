import { DEFAULT_LINES_SORT, linesQuery, type LinesKind } from "@/lib/budgets/lines-query";
import { resolvePeriod, type PeriodKey } from "@/lib/budgets/period";
import { toDateString } from "@/lib/fiscal";
import type { TreeBasis } from "@/lib/budgets/tree-basis";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";

// The one place that writes the links from a money figure to what is behind it: the ledger lines
// and plan lines of a unit × months × category (/[org]/budgets/lines), and the basis of a
// forecast (people in post, positions, contracts of the unit). Shared by server pages and client
// tables (no server-only imports here). A figure's months are its period's; a PERSONNEL figure
// gets no link for a role that may not see personnel lines (`personnel: false`).

export type DrillContext = {
  org: string;
  /** Months of the figure's period, "YYYY-MM", inclusive. */
  from: string;
  to: string;
  /** The figure's unit (its subtree); null = the whole org. */
  unitId: string | null;
  category: BudgetCategory | null;
  /** Whether the viewer is shown PERSONNEL lines (personnelLinesVisible). */
  personnel: boolean;
  /** "As it was": the day whose tree a unit's subtree follows (null: today's). */
  asof?: string | null;
};

/** What one figure narrows: a row's unit, a category row, a top variance (the unit's own cells). */
export type DrillTarget = { unitId?: string | null; category?: BudgetCategory | null; own?: boolean; vendorId?: string | null };

/** The months of a period given as ISO dates (a finance view's `period.start` / `period.end`). */
function periodMonths(period: { start: string; end: string }): { from: string; to: string } {
  return { from: period.start.slice(0, 7), to: period.end.slice(0, 7) };
}

export function drillContext(
  org: string,
  period: { start: string; end: string },
  scope: { unitId: string | null; category: BudgetCategory | null },
  personnel: boolean,
  basis: TreeBasis | null = null,
): DrillContext {
  const asof = basis?.mode === "asof" ? basis.on : null;
  return { org, ...periodMonths(period), unitId: scope.unitId, category: scope.category, personnel, asof };
}

/**
 * The context of a figure known by its period key (the dashboards' tiles), resolved as the
 * finance views resolve it; null for a period without months (YTD of a year not begun).
 */
export function drillForPeriod(
  org: string,
  p: { fiscalYear: number; period: PeriodKey; startMonth: number; today: Date },
  scope: { unitId: string | null; category: BudgetCategory | null },
  personnel: boolean,
  basis: TreeBasis | null = null,
): DrillContext | null {
  const r = resolvePeriod(p.period, p.fiscalYear, p.startMonth, p.today);
  if (r.end < r.start) return null;
  return drillContext(org, { start: toDateString(r.start), end: toDateString(r.end) }, scope, personnel, basis);
}

function linesHref(kind: LinesKind, ctx: DrillContext, t: DrillTarget): string | null {
  const unitId = t.unitId === undefined ? ctx.unitId : t.unitId;
  const category = t.category === undefined ? ctx.category : t.category;
  if (category === "PERSONNEL" && !ctx.personnel) return null;
  const q = linesQuery({
    kind,
    unitId,
    own: !!t.own && !!unitId,
    category,
    from: ctx.from,
    to: ctx.to,
    vendorId: t.vendorId ?? null,
    q: "",
    sort: DEFAULT_LINES_SORT,
    asof: ctx.asof ?? null,
  });
  return `/${ctx.org}/budgets/lines?${q}`;
}

/** The ledger lines summed by an Actual figure; null for PERSONNEL when the viewer may not see them. */
export function ledgerLinesHref(ctx: DrillContext, t: DrillTarget = {}): string | null {
  return linesHref("actual", ctx, t);
}

/** The plan lines summed by a Plan figure; null for PERSONNEL when the viewer may not see them. */
export function planLinesHref(ctx: DrillContext, t: DrillTarget = {}): string | null {
  return linesHref("plan", ctx, t);
}

/** "2026-12-01", -3 → "2026-09" */
function monthPlus(isoMonth: string, n: number): string {
  const [y, m] = isoMonth.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/**
 * The ledger lines a run-rate averages: the `window` closed months before `currentMonth` (ISO
 * date of its first day), the organization's run-rate window (lib/budgets/forecast-sql.ts).
 */
export function runRateLinesHref(ctx: DrillContext, currentMonth: string, window: number): string | null {
  return ledgerLinesHref({ ...ctx, from: monthPlus(currentMonth, -window), to: monthPlus(currentMonth, -1) });
}

const withUnit = (path: string, unitId: string | null, extra: Record<string, string> = {}) => {
  const q = new URLSearchParams({ ...(unitId ? { unit: unitId } : {}), ...extra }).toString();
  return q ? `${path}?${q}` : path;
};

/** People in post today in the unit and below: the PERSONNEL forecast's people. */
export function peopleInPostHref(org: string, unitId: string | null): string {
  return `${withUnit(`/${org}/teams`, unitId, { status: "in-post" })}#people`;
}

/** Positions of the unit and below: the PERSONNEL forecast's open and planned positions. */
export function positionsHref(org: string, unitId: string | null): string {
  return withUnit(`/${org}/headcount`, unitId);
}

/** Contracts held by the unit and below: the commitments in the forecast. */
export function contractsHref(org: string, unitId: string | null): string {
  return `${withUnit(`/${org}/vendors`, unitId)}#contracts`;
}
