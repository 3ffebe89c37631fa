import { daysBetween } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import { cn } from "@/lib/utils";

/** A date that turns amber inside the warning window and red once passed (for active items). */
export function DueDate({
  date,
  today,
  warnDays = 90,
  active = true,
}: {
  date: string | null;
  today: string;
  warnDays?: number;
  active?: boolean;
}) {
  if (!date) return <span className="text-muted-foreground">—</span>;
  const days = daysBetween(today, date);
  const tone = !active
    ? "text-muted-foreground"
    : days < 0
      ? "text-health-off-track-text font-medium"
      : days <= warnDays
        ? "text-health-at-risk-text font-medium"
        : "";
  return (
    <span className={cn("whitespace-nowrap", tone)} title={active && days >= 0 ? `In ${days} days` : undefined}>
      {formatDate(date)}
    </span>
  );
}
