import { fiscalPeriod, fiscalQuarterRange, fiscalYearLabel, fiscalYearRange } from "@/lib/fiscal";
import { addDaysIso } from "@/lib/dates";

// The roadmap timeline's geometry, pure so it is unit-tested: which dates a zoom level shows
// (a fiscal quarter, half or year of the org's calendar, stepped by `offset`), its column
// headings, and where a date range falls in it as percentages of the track width.

export const ZOOMS = ["quarter", "half", "year"] as const;
export type Zoom = (typeof ZOOMS)[number];

export type TimelineWindow = {
  zoom: Zoom;
  /** "YYYY-MM-DD", inclusive */
  start: string;
  /** "YYYY-MM-DD", inclusive */
  end: string;
  label: string;
  fiscalYear: number;
  columns: { label: string; start: string; end: string }[];
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const ms = (s: string) => Date.parse(`${s}T00:00:00Z`);
const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

function monthsBetween(start: Date, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const s = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    const e = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i + 1, 0));
    return { label: monthLabel.format(s), start: iso(s), end: iso(e) };
  });
}

export function timelineWindow(today: Date, startMonth: number, zoom: Zoom, offset = 0): TimelineWindow {
  const now = fiscalPeriod(today, startMonth);
  if (zoom === "year") {
    const fy = now.fiscalYear + offset;
    const { start, end } = fiscalYearRange(fy, startMonth);
    const columns = [1, 2, 3, 4].map((q) => {
      const r = fiscalQuarterRange(fy, q, startMonth);
      return { label: `Q${q}`, start: iso(r.start), end: iso(r.end) };
    });
    return { zoom, start: iso(start), end: iso(end), label: fiscalYearLabel(fy), fiscalYear: fy, columns };
  }
  const size = zoom === "half" ? 2 : 1;
  // Count in quarters from FY0 Q1 so stepping crosses fiscal years cleanly.
  const first = zoom === "half" ? Math.floor((now.quarter - 1) / 2) * 2 : now.quarter - 1;
  const index = now.fiscalYear * 4 + first + offset * size;
  const fy = Math.floor(index / 4);
  const q = (index % 4) + 1;
  const r1 = fiscalQuarterRange(fy, q, startMonth);
  const r2 = fiscalQuarterRange(fy, q + size - 1, startMonth);
  const label = zoom === "half" ? `${fiscalYearLabel(fy)} H${Math.ceil(q / 2)}` : `${fiscalYearLabel(fy)} Q${q}`;
  return { zoom, start: iso(r1.start), end: iso(r2.end), label, fiscalYear: fy, columns: monthsBetween(r1.start, size * 3) };
}

/** Position of a date as a % of the window (0 = window start, 100 = day after window end). */
export function positionOf(day: string, w: { start: string; end: string }): number {
  const span = ms(addDaysIso(w.end, 1)) - ms(w.start);
  return ((ms(day) - ms(w.start)) / span) * 100;
}

/**
 * A bar from `start` to `end` (inclusive days) clipped to the window, or null when it does not
 * overlap. clippedStart/End say the bar continues beyond the window edge.
 */
export function barGeometry(start: string, end: string, w: { start: string; end: string }) {
  if (end < w.start || start > w.end || end < start) return null;
  const left = Math.max(0, positionOf(start, w));
  const right = Math.min(100, positionOf(addDaysIso(end, 1), w));
  return { left, width: Math.max(right - left, 0.4), clippedStart: start < w.start, clippedEnd: end > w.end };
}
