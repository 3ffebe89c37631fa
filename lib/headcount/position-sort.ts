import type { Prisma } from "@/lib/generated/prisma/client";
import { PositionStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";

import { parseSearch, type SearchParams, zEnum, zOneOf, zParam } from "@/lib/search-params";

// The positions list's order (?sort=<column>&dir=asc|desc) and its own filters (?state=<status>,
// ?q=<title>), applied by the database across every page. Sorting by pay is offered only to
// readers of pay: for anyone else the key is unknown, and the list keeps its plan order.

const KEYS = ["title", "level", "teamName", "status", "targetStart", "holder", "budgeted"] as const;
const PAY_KEYS = ["annualComp", "monthlyLoaded"] as const;
type PositionSortKey = (typeof KEYS)[number] | (typeof PAY_KEYS)[number];
export type PositionSort = { key: PositionSortKey; dir: "asc" | "desc" };

/** The sort asked for, or null (plan order) for none, an unknown key, or pay without pay access. */
export function parsePositionSort(sp: SearchParams, readsPay: boolean): PositionSort | null {
  const { sort, dir } = parseSearch(readsPay ? ZSortWithPay : ZSort, sp);
  return sort ? { key: sort, dir: dir === "desc" ? "desc" : "asc" } : null;
}

const ZSort = z.object({ sort: zOneOf(KEYS) as z.ZodType<PositionSortKey | undefined, unknown>, dir: zParam() });
const ZSortWithPay = z.object({ sort: zOneOf([...KEYS, ...PAY_KEYS]), dir: zParam() });
const ZState = z.object({ state: zEnum(PositionStatus) });

/** ?state=OPEN: positions in that status (anything else: every status). */
export function parsePositionState(sp: SearchParams): PositionStatus | null {
  return parseSearch(ZState, sp).state ?? null;
}

/** Plan order (budget year, target start, title), or the column asked for, then title and id so pages never overlap. */
export function positionsOrderBy(sort: PositionSort | null | undefined): Prisma.PositionOrderByWithRelationInput[] {
  if (!sort) return [{ budgetFiscalYear: "asc" }, { targetStartDate: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }];
  const dir = sort.dir;
  const by: Record<PositionSortKey, Prisma.PositionOrderByWithRelationInput[]> = {
    title: [{ title: dir }],
    level: [{ level: dir }],
    teamName: [{ orgUnit: { name: dir } }],
    status: [{ status: dir }],
    targetStart: [{ targetStartDate: { sort: dir, nulls: "last" } }],
    holder: [{ person: { name: dir } }],
    budgeted: [{ budgetFiscalYear: dir }, { budgetFiscalQuarter: { sort: dir, nulls: "first" } }],
    annualComp: [{ annualCompCents: dir }],
    monthlyLoaded: [{ annualCompCents: dir }],
  };
  return [...by[sort.key], { title: "asc" }, { id: "asc" }];
}
