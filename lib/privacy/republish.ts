// Which units' pay sources a publication may replace (docs/privacy.md, rule 7). Readers without
// pay access see the forecast of the published sources; replacing them changes what they see by
// the sum of the changed sources' costs. So a remainder (the groups the disclosure shows,
// lib/privacy/disclosure.ts) is republished only when, in every period of its grain and every
// year, its change is zero or made by at least the minimum group of sources none of which can be
// estimated within ±p from it — the same rule as between adjacent periods. Pure, unit-tested.

import {
  addMonths,
  changeSafe,
  monthlyCosts,
  periodsOf,
  type Disclosure,
  type DisclosureUnit,
  type Grain,
  type PaySource,
} from "@/lib/privacy/disclosure";

export type RepublishInput = {
  units: DisclosureUnit[];
  /** The sources now and as last published (each with its key). */
  live: PaySource[];
  published: PaySource[];
  /** The months of each fiscal year with a forecast. */
  years: string[][];
  /** The disclosure readers see of a year (of the published sources); computed only for a year with changes. */
  disclosureOf: (yearMonths: string[]) => Disclosure;
  minGroup: number;
  dominance: number;
};

/** The units whose sources changed and may be replaced now (empty: nothing to publish). */
export function unitsToRepublish(input: RepublishInput): Set<string> {
  const { live, published, minGroup, dominance } = input;
  if (input.years.length === 0) return new Set();
  // One horizon over every year judged, a year either side (the disclosure's).
  const first = input.years.map((y) => y[0]).sort()[0];
  const last = input.years.map((y) => y[11]).sort()[input.years.length - 1];
  const horizon: string[] = [];
  for (let m = addMonths(first, -12); m <= addMonths(last, 12); m = addMonths(m, 1)) horizon.push(m);
  // Each (source, unit)'s change of cost per month: now minus published.
  const change = new Map<string, { key: string; unitId: string; delta: Float64Array }>();
  const add = (sources: PaySource[], sign: number) =>
    monthlyCosts(sources, horizon).forEach((row, i) => {
      const s = sources[i];
      const id = `${s.key}\u0000${s.unitId}`;
      const c = change.get(id) ?? { key: s.key ?? id, unitId: s.unitId, delta: new Float64Array(horizon.length) };
      row.forEach((v, m) => (c.delta[m] += sign * v));
      change.set(id, c);
    });
  add(live, 1);
  add(published, -1);
  const changed = [...change.values()].filter((c) => c.delta.some((v) => Math.abs(v) > 0.5));
  const candidates = new Set(changed.map((c) => c.unitId));
  if (candidates.size === 0) return candidates;
  // The years whose horizon (a year either side) some change reaches, with their disclosures.
  const years = input.years
    .map((yearMonths) => ({ yearMonths, offset: horizon.indexOf(addMonths(yearMonths[0], -12)) }))
    .filter(({ offset }) => changed.some((c) => c.delta.subarray(offset, offset + 36).some((v) => Math.abs(v) > 0.5)))
    .map((y) => ({ ...y, disclosure: input.disclosureOf(y.yearMonths) }));
  const byKey = new Map<string, string[]>();
  for (const c of changed) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c.unitId]);

  // Drop the remainders whose change is unsafe in some year; dropping one can leave another with
  // fewer changes (a moved person), so repeat until nothing is dropped.
  for (let dropped = true; dropped;) {
    dropped = false;
    for (const { offset, disclosure: d } of years) {
      const remainderOf = (u: string): string | null => (d.unitGrain.has(u) ? u : (d.includedIn.get(u) ?? null));
      const groups = new Map<string | null, Map<string, Float64Array>>();
      for (const c of changed) {
        if (!candidates.has(c.unitId)) continue;
        const r = remainderOf(c.unitId);
        const byKey = groups.get(r) ?? new Map<string, Float64Array>();
        const sum = byKey.get(c.key) ?? new Float64Array(36);
        for (let m = 0; m < 36; m++) sum[m] += c.delta[offset + m];
        byKey.set(c.key, sum);
        groups.set(r, byKey);
      }
      for (const [r, byKey] of groups) {
        const grain: Grain = (r === null ? d.orgGrain : d.unitGrain.get(r)) ?? "year";
        const deltas = [...byKey.values()];
        const safe = [...new Set<Grain>([grain, "year"])].every((g) =>
          periodsOf(g, 36, 12).every((p) =>
            changeSafe(
              deltas.map((row) => p.months.reduce((a, m) => a + row[m], 0)),
              minGroup,
              dominance,
            ),
          ),
        );
        if (safe) continue;
        for (const c of changed)
          if (candidates.has(c.unitId) && remainderOf(c.unitId) === r) {
            candidates.delete(c.unitId);
            dropped = true;
          }
      }
    }
    // A person who moved is republished in both units or in neither: else the published
    // forecast would count them twice, or not at all, until the other unit's turn.
    for (const units of byKey.values()) {
      const inC = units.filter((u) => candidates.has(u));
      if (inC.length > 0 && inC.length < units.length) {
        for (const u of inC) candidates.delete(u);
        dropped = true;
      }
    }
  }
  return candidates;
}
