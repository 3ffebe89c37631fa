// Over-allocation: a person (or unfilled position) allocated above 100% on any day. Allocations
// are closed date ranges [start, end] (end null = open-ended); the check sweeps the boundaries
// so overlaps of any shape are found without iterating over days.

export type AllocationSpan = { id?: string; percent: number; startDate: string; endDate: string | null };
export type OverallocatedPeriod = { startDate: string; endDate: string | null; percent: number };

const FAR_FUTURE = "9999-12-31";

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Maximal periods in which the total exceeds `limit` percent (adjacent periods merged). */
export function overallocatedPeriods(spans: readonly AllocationSpan[], limit = 100): OverallocatedPeriod[] {
  // +percent on the start day, −percent on the day after the end.
  const deltas = new Map<string, number>();
  for (const s of spans) {
    if (s.endDate !== null && s.endDate < s.startDate) continue;
    deltas.set(s.startDate, (deltas.get(s.startDate) ?? 0) + s.percent);
    if (s.endDate !== null) {
      const off = dayAfter(s.endDate);
      deltas.set(off, (deltas.get(off) ?? 0) - s.percent);
    }
  }
  const days = [...deltas.keys()].sort();
  const out: OverallocatedPeriod[] = [];
  let total = 0;
  for (let i = 0; i < days.length; i++) {
    total += deltas.get(days[i])!;
    if (total <= limit) continue;
    const next = days[i + 1];
    const end = next === undefined ? null : dayBefore(next);
    const last = out.at(-1);
    if (last && last.endDate !== null && dayAfter(last.endDate) === days[i]) {
      last.endDate = end;
      last.percent = Math.max(last.percent, total);
    } else {
      out.push({ startDate: days[i], endDate: end, percent: total });
    }
  }
  return out.map((p) => (p.endDate === FAR_FUTURE ? { ...p, endDate: null } : p));
}

export function isOverallocated(spans: readonly AllocationSpan[], limit = 100): boolean {
  return overallocatedPeriods(spans, limit).length > 0;
}
