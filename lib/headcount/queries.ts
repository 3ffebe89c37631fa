import "server-only";

import { db } from "@/lib/db";
import { formatFiscalPeriod, toDateString } from "@/lib/fiscal";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { effectiveMultiplier, monthlyLoadedCostCents } from "@/lib/headcount/cost";
import { positionFilterWhere, type PositionFilter } from "@/lib/headcount/position-filter";
import { positionsOrderBy, type PositionSort } from "@/lib/headcount/position-sort";
import { centsToNumber } from "@/lib/money";
import { likeTerm } from "@/lib/search-term";

export type PositionRow = {
  id: string;
  title: string;
  level: string;
  teamId: string;
  teamName: string;
  status: PositionStatus;
  /** ISO date */
  targetStartDate: string | null;
  holderId: string | null;
  holderName: string | null;
  backfillForId: string | null;
  backfillForName: string | null;
  budgetFiscalYear: number;
  budgetFiscalQuarter: number | null;
  /** "FY27 Q2" */
  budgetLabel: string;
  version: number;
  /** The position's own multiplier ("1.2000"), or null for the org default. Not pay. */
  loadedCostMultiplier: string | null;
  /** ISO date a BACKFILL becomes vacant (the day after the leaver's last day). */
  vacantFrom: string | null;
  /** Opened outside the hiring plan: not in planned heads. */
  outsidePlan: boolean;
  /** Only for roles with compensation:read: not even selected otherwise. */
  annualCompCents?: number;
  /** Compensation band; compensation:read only. */
  compBandMinCents?: number;
  compBandMaxCents?: number;
  /** Monthly loaded cost (pay × multiplier ÷ 12, rounded once half-even); compensation:read only. */
  monthlyLoadedCostCents?: number;
  /** The pay is Keel's estimate (a backfill recorded without pay access); compensation:read only. */
  compIsEstimate?: boolean;
};

// A unit filter means its whole subtree (closure rows where the position's unit is the descendant);
// a figure's filter (lib/headcount/position-filter.ts) lists exactly the positions it counts.
// `state`: one status; `q`: a title search; `sort`: the list's order (lib/headcount/position-sort.ts).
// `id`: that one position (its own page).
type ListOpts = {
  id?: string;
  unitId?: string | null;
  filter?: PositionFilter;
  state?: PositionStatus | null;
  q?: string;
  sort?: PositionSort | null;
};
const positionsWhere = (orgId: string, { id, unitId, filter, state, q }: ListOpts): Prisma.PositionWhereInput => {
  const term = q ? likeTerm(q) : "";
  return {
    orgId,
    ...(id ? { id } : {}),
    ...(unitId ? { orgUnit: { ancestors: { some: { orgId, ancestorId: unitId } } } } : {}),
    ...(filter ? positionFilterWhere(filter) : {}),
    // AND: a figure's filter may constrain the status too; both must hold.
    ...(state ? { AND: [{ status: state }] } : {}),
    ...(term ? { title: { contains: term, mode: "insensitive" } } : {}),
  };
};

/** How many positions listPositions pages through (COUNT in the database). */
export async function countPositions(orgId: string, opts: ListOpts = {}): Promise<number> {
  return db.position.count({ where: positionsWhere(orgId, opts) });
}

/**
 * Positions in plan order; `page` (skip/take) reads one page in the database, not every
 * position of a large org (6,000 at scale 1).
 */
export async function listPositions(
  orgId: string,
  reader: { readsPay: boolean },
  opts: ListOpts & { page?: { skip: number; take: number } } = {},
): Promise<PositionRow[]> {
  const withPay = reader.readsPay;
  const rows = await db.position.findMany({
    where: positionsWhere(orgId, opts),
    ...(opts.page ?? {}),
    select: {
      id: true,
      title: true,
      level: true,
      status: true,
      targetStartDate: true,
      budgetFiscalYear: true,
      budgetFiscalQuarter: true,
      // `false` leaves the column out of the SQL entirely.
      annualCompCents: withPay,
      compBandMinCents: withPay,
      compBandMaxCents: withPay,
      compIsEstimate: withPay,
      loadedCostMultiplier: true,
      version: true,
      vacantFrom: true,
      outsidePlan: true,
      org: withPay ? { select: { loadedCostMultiplier: true } } : false,
      orgUnit: { select: { id: true, name: true } },
      person: { select: { id: true, name: true } },
      backfillFor: { select: { id: true, name: true } },
    },
    orderBy: positionsOrderBy(opts.sort),
  });
  return rows.map((r) => {
    const row: PositionRow = {
      id: r.id,
      title: r.title,
      level: r.level,
      teamId: r.orgUnit.id,
      teamName: r.orgUnit.name,
      status: r.status,
      targetStartDate: r.targetStartDate ? toDateString(r.targetStartDate) : null,
      holderId: r.person?.id ?? null,
      holderName: r.person?.name ?? null,
      backfillForId: r.backfillFor?.id ?? null,
      backfillForName: r.backfillFor?.name ?? null,
      budgetFiscalYear: r.budgetFiscalYear,
      budgetFiscalQuarter: r.budgetFiscalQuarter,
      budgetLabel: formatFiscalPeriod({ fiscalYear: r.budgetFiscalYear, fiscalQuarter: r.budgetFiscalQuarter }),
      version: r.version,
      loadedCostMultiplier: r.loadedCostMultiplier?.toFixed(4) ?? null,
      vacantFrom: r.vacantFrom ? toDateString(r.vacantFrom) : null,
      outsidePlan: r.outsidePlan,
    };
    if (withPay && typeof r.annualCompCents === "bigint") {
      row.annualCompCents = centsToNumber(r.annualCompCents);
      row.compIsEstimate = r.compIsEstimate === true;
      const multiplier = effectiveMultiplier(r.org?.loadedCostMultiplier.toFixed(4) ?? "1", r.loadedCostMultiplier?.toFixed(4));
      row.monthlyLoadedCostCents = centsToNumber(monthlyLoadedCostCents(r.annualCompCents, multiplier));
      if (typeof r.compBandMinCents === "bigint" && typeof r.compBandMaxCents === "bigint") {
        row.compBandMinCents = centsToNumber(r.compBandMinCents);
        row.compBandMaxCents = centsToNumber(r.compBandMaxCents);
      }
    }
    return row;
  });
}
