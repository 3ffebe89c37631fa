// Which personnel figures a reader without pay access may see (docs/privacy.md is the model in
// words; this module is the rule, pure so that it is unit-tested on hand-built orgs).
//
// A "pay source" is an employee (for the days they are in a unit) or an unfilled position (from
// its expected start): whatever puts someone's pay into PERSONNEL. A figure is personnel-bearing
// when it includes PERSONNEL (the Personnel line and every total over all categories). Totals
// are the same for every reader; for a reader without pay access some are withheld, never changed:
//
// - Groups (space): a unit subtree's personnel-bearing figures are published when what it holds
//   beyond the published subtrees inside it (its remainder) is empty or a safe group; otherwise
//   the smallest published subtree inside it is folded into the remainder (complementary
//   suppression) until it is, or the subtree itself is withheld and folds into its parent.
// - Time: each shown unit's actuals and forecast have a grain (month, quarter or fiscal year),
//   finer for the large groups at the top than for small teams. A remainder is safe at a grain
//   when, in every period of the year, its cost has at least
//   `minGroup` sources and no source dominates (p% rule), and — for months and quarters — every
//   change between adjacent periods (including the one before the year and the one after it) is
//   zero or made by at least `minGroup` sources none of which can be estimated within
//   `dominance` from the change, even by someone who knows one other contributor. A year is one
//   figure (its neighbours are other years, judged as levels).

import { dayNumber } from "@/lib/dates";

export type Grain = "month" | "quarter" | "year";
const GRAINS: readonly Grain[] = ["month", "quarter", "year"];

export type PaySource = {
  unitId: string;
  /** Which person ("p:…") or seat ("s:…") it is: a person moved between units has a source per unit. */
  key?: string;
  /** Loaded cost per year in cents (pay × multiplier); used only to judge, never shown. */
  annualCost: number;
  /** ISO dates, inclusive; `to` null = open-ended. */
  from: string;
  to: string | null;
};

export type DisclosureUnit = { id: string; parentId: string | null };

export type DisclosureInput = {
  units: DisclosureUnit[];
  sources: PaySource[];
  /** ISO first day of each month of the fiscal year (12). */
  yearMonths: string[];
  minGroup: number;
  /** p of the p% rule: no contributor may be estimated closer than this fraction (0.25 = ±25%). */
  dominance: number;
};

export type Disclosure = {
  /** The finest grain each shown unit's personnel-bearing figures are shown at (absent: withheld). */
  unitGrain: ReadonlyMap<string, Grain>;
  /** The whole org's grain (null: the org's personnel-bearing totals are withheld). */
  orgGrain: Grain | null;
  /** The finest grain at which a unit's OWN Personnel cell is a shown remainder (its plan lines, its variance); absent: never. */
  ownGrain: ReadonlyMap<string, Grain>;
  /** A withheld unit → the nearest shown ancestor that includes it (null: the org, or none). */
  includedIn: ReadonlyMap<string, string | null>;
  /** Withheld units that are a safe group themselves, withheld so that an ancestor's remainder is not shown alone. */
  complementary: ReadonlySet<string>;
};

const SIZE: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

const isoDay = dayNumber;

export function addMonths(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)).toISOString().slice(0, 10);
}

/** Cost of each source in each month of the horizon: annual ÷ 12 × the share of the month's days in post. */
export function monthlyCosts(sources: PaySource[], months: string[]): Float64Array[] {
  const bounds = months.map((m, i) => [isoDay(m), isoDay(i + 1 < months.length ? months[i + 1] : addMonths(m, 1))] as const);
  return sources.map((s) => {
    const from = isoDay(s.from);
    const to = s.to === null ? Infinity : isoDay(s.to) + 1;
    const row = new Float64Array(months.length);
    bounds.forEach(([a, b], i) => {
      const days = Math.min(b, to) - Math.max(a, from);
      if (days > 0) row[i] = ((s.annualCost / 12) * days) / (b - a);
    });
    return row;
  });
}

/** Months of the horizon grouped into periods of a grain: the year's periods plus one before and one after. */
export function periodsOf(grain: Grain, horizonMonths: number, firstYearMonth: number): { months: number[]; inYear: boolean }[] {
  const size = grain === "month" ? 1 : grain === "quarter" ? 3 : 12;
  const out: { months: number[]; inYear: boolean }[] = [];
  for (let start = firstYearMonth - size; start + size <= firstYearMonth + 12 + size && start + size <= horizonMonths; start += size) {
    if (start < 0) continue;
    out.push({ months: Array.from({ length: size }, (_, i) => start + i), inYear: start >= firstYearMonth && start < firstYearMonth + 12 });
  }
  return out;
}

/** p% rule on non-negative contributions: at least minGroup of them, and total − two largest ≥ p × largest. */
function levelSafe(values: number[], minGroup: number, p: number): boolean {
  const xs = values.filter((v) => v > 0.5).sort((a, b) => b - a);
  if (xs.length === 0) return true;
  if (xs.length < minGroup) return false;
  const total = xs.reduce((a, b) => a + b, 0);
  return total - xs[0] - xs[1] >= p * xs[0];
}

/**
 * A change Δ = Σ c: no contributor i may be estimated within p from Δ (Δ − c_i) or, by someone
 * who knows another contributor j, from Δ − c_j (the rest is Δ − c_i − c_j).
 */
export function changeSafe(changes: number[], minGroup: number, p: number): boolean {
  const cs = changes.filter((c) => Math.abs(c) > 0.5);
  if (cs.length === 0) return true;
  if (cs.length < minGroup) return false;
  const delta = cs.reduce((a, b) => a + b, 0);
  for (let i = 0; i < cs.length; i++) {
    const bound = p * Math.abs(cs[i]);
    if (Math.abs(delta - cs[i]) < bound) return false;
    for (let j = 0; j < cs.length; j++) if (j !== i && Math.abs(delta - cs[i] - cs[j]) < bound) return false;
  }
  return true;
}

export function computeDisclosure(input: DisclosureInput): Disclosure {
  const { units, sources, yearMonths, minGroup, dominance } = input;
  // Horizon: a year before and a year after the fiscal year (the changes into and out of it).
  const horizon = Array.from({ length: 36 }, (_, i) => addMonths(yearMonths[0], i - 12));
  const costs = monthlyCosts(sources, horizon);
  const byUnit = new Map<string, number[]>();
  sources.forEach((s, i) => byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), i]));

  const safeAt = (grain: Grain) => {
    const periods = periodsOf(grain, horizon.length, 12);
    // Cost of each source per period (sum of its months).
    const perPeriod = costs.map((row) => periods.map((p) => p.months.reduce((a, m) => a + row[m], 0)));
    return (set: number[]): boolean => {
      if (set.length === 0) return true;
      for (let k = 0; k < periods.length; k++) {
        if (
          periods[k].inYear &&
          !levelSafe(
            set.map((s) => perPeriod[s][k]),
            minGroup,
            dominance,
          )
        )
          return false;
        if (
          grain !== "year" &&
          k + 1 < periods.length &&
          !changeSafe(
            set.map((s) => perPeriod[s][k + 1] - perPeriod[s][k]),
            minGroup,
            dominance,
          )
        )
          return false;
      }
      return true;
    };
  };

  // Coarsest first, each finer grain only among the units the coarser one shows: then every
  // figure a reader can combine at a grain is a sum of that grain's safe remainders (a unit's
  // year is the sum of its quarters; a unit shown only by year has no quarter to subtract).
  const unitGrain = new Map<string, Grain>();
  const ownGrain = new Map<string, Grain>();
  let orgGrain: Grain | null = null;
  let includedIn = new Map<string, string | null>();
  let complementary = new Set<string>();
  let allowed: (id: string) => boolean = () => true;
  for (const grain of [...GRAINS].reverse()) {
    const run = runGroups(units, byUnit, safeAt(grain), allowed);
    if (grain === "year") ({ includedIn, complementary } = run);
    else if (!run.orgPublished || orgGrain === null) break;
    for (const id of run.published) unitGrain.set(id, grain);
    for (const id of run.ownDisclosed) ownGrain.set(id, grain);
    if (run.orgPublished) orgGrain = grain;
    const shown = run.published;
    allowed = (id) => shown.has(id);
  }
  return { unitGrain, orgGrain, ownGrain, includedIn, complementary };
}

/** Bottom-up grouping with complementary suppression for one grain. */
function runGroups(
  units: DisclosureUnit[],
  byUnit: Map<string, number[]>,
  safe: (set: number[]) => boolean,
  allowed: (id: string) => boolean,
): {
  published: Set<string>;
  orgPublished: boolean;
  ownDisclosed: Set<string>;
  includedIn: Map<string, string | null>;
  complementary: Set<string>;
} {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, string[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u.id]);
  }
  const published = new Set<string>();
  const complementary = new Set<string>();
  // Each visited unit's remainder: its own sources and those of the withheld units below it
  // that no published unit between covers.
  const open = new Map<string | null, number[]>();

  // Published groups below `id` that folding would add to its remainder: reached through
  // withheld units or through published ones whose remainder is empty (folding those adds
  // nothing by itself, but uncovers the groups under them). Each comes with that path.
  const foldable = (id: string | null, path: string[] = []): { unit: string; path: string[] }[] =>
    (children.get(id) ?? []).flatMap((c) => {
      if (!published.has(c)) return foldable(c, path);
      if (open.get(c)!.length > 0) return [{ unit: c, path }];
      return foldable(c, [...path, c]);
    });

  const visit = (id: string | null): boolean => {
    for (const c of children.get(id) ?? []) visit(c);
    let set = [...(id ? (byUnit.get(id) ?? []) : [])];
    const gather = (u: string | null) => {
      for (const c of children.get(u) ?? []) {
        if (published.has(c)) continue;
        set = set.concat(byUnit.get(c) ?? []);
        gather(c);
      }
    };
    gather(id);
    while (!safe(set)) {
      // Fold in the smallest published group below (complementary suppression).
      const pick = foldable(id).sort((a, b) => open.get(a.unit)!.length - open.get(b.unit)!.length)[0];
      if (!pick) break;
      for (const u of [...pick.path, pick.unit]) {
        published.delete(u);
        complementary.add(u);
      }
      set = set.concat(open.get(pick.unit)!);
    }
    open.set(id, set);
    const ok = safe(set);
    if (ok && id && allowed(id)) published.add(id);
    return ok && (!id || allowed(id));
  };
  const orgPublished = visit(null);

  const ownDisclosed = new Set<string>();
  for (const u of units) if (published.has(u.id) && (children.get(u.id) ?? []).every((c) => published.has(c))) ownDisclosed.add(u.id);
  const parentOf = new Map(units.map((u) => [u.id, u.parentId && ids.has(u.parentId) ? u.parentId : null]));
  const includedIn = new Map<string, string | null>();
  for (const u of units) {
    if (published.has(u.id)) continue;
    let p = parentOf.get(u.id) ?? null;
    while (p && !published.has(p)) p = parentOf.get(p) ?? null;
    includedIn.set(u.id, p);
  }
  return { published, orgPublished, ownDisclosed, includedIn, complementary };
}

/** Whether a period (first and last month, ISO) is made of whole periods of the grain within the fiscal year. */
export function alignedWithGrain(grain: Grain, yearMonths: string[], first: string, last: string): boolean {
  const a = yearMonths.indexOf(first);
  const b = yearMonths.indexOf(last);
  if (a < 0 || b < 0 || b < a) return false;
  return a % SIZE[grain] === 0 && (b + 1) % SIZE[grain] === 0;
}
