import type { Prisma } from "@/lib/generated/prisma/client";
import { PositionStatus } from "@/lib/generated/prisma/enums";
import { firstValue } from "@/lib/search-params";

// The positions list's order (?sort=<column>&dir=asc|desc) and its own filters (?state=<status>,
// ?q=<title>), applied by the database across every page. Sorting by pay is offered only to
// readers of pay: for anyone else the key is unknown, and the list keeps its plan order.

type Search = Record<string, string | string[] | undefined>;

const KEYS = ["title", "level", "teamName", "status", "targetStart", "holder", "budgeted"] as const;
const PAY_KEYS = ["annualComp", "monthlyLoaded"] as const;
type PositionSortKey = (typeof KEYS)[number] | (typeof PAY_KEYS)[number];
export type PositionSort = { key: PositionSortKey; dir: "asc" | "desc" };

/** The sort asked for, or null (plan order) for none, an unknown key, or pay without pay access. */
export function parsePositionSort(sp: Search, readsPay: boolean): PositionSort | null {
  const key = firstValue(sp.sort);
  const allowed: readonly string[] = readsPay ? [...KEYS, ...PAY_KEYS] : KEYS;
  if (!key || !allowed.includes(key)) return null;
  return { key: key as PositionSortKey, dir: firstValue(sp.dir) === "desc" ? "desc" : "asc" };
}

/** ?state=OPEN: positions in that status (anything else: every status). */
export function parsePositionState(sp: Search): PositionStatus | null {
  const s = firstValue(sp.state);
  return s && s in PositionStatus ? (s as PositionStatus) : null;
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
