// Quiet hours and the user's local day, by the user's IANA time zone (Intl, no library). A time
// zone Intl does not know counts as UTC, so a bad setting never stops a send.

function zoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

export function isTimeZone(timeZone: string): boolean {
  return zoneOrUtc(timeZone) === timeZone;
}

/** The wall-clock parts of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string): { day: string; hour: number; minute: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zoneOrUtc(timeZone),
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday);
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24, minute: Number(parts.minute), weekday };
}

export type QuietHours = { timeZone: string; quietStartHour: number | null; quietEndHour: number | null };

/**
 * When the quiet hours that `now` falls in end, or null when `now` is not in them (or the user
 * has none). Start is inclusive, end exclusive; a start after the end wraps midnight (22 → 7).
 */
export function quietUntil(now: Date, q: QuietHours): Date | null {
  const { quietStartHour: start, quietEndHour: end } = q;
  if (start === null || end === null || start === end) return null;
  const { hour, minute } = localParts(now, q.timeZone);
  const inQuiet = start < end ? hour >= start && hour < end : hour >= start || hour < end;
  if (!inQuiet) return null;
  // Hours until the end hour on the local clock; then to the top of that hour.
  const hoursLeft = (end - hour + 24) % 24 || 24;
  const until = new Date(now.getTime() + hoursLeft * 3_600_000 - minute * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}
