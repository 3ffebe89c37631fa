import Link from "next/link";

import { describeAssumptions, type ForecastAssumptions as Assumptions } from "@/lib/budgets/forecast-assumptions";
import { figure } from "@/lib/figures/definitions";

/**
 * The forecast's assumptions, read-only, wherever the forecast is shown: one compact line that
 * opens to the glossary's definition of each. `settingsHref` (for roles that may change them)
 * links to Settings.
 */
export function ForecastAssumptions({ assumptions, settingsHref }: { assumptions: Assumptions; settingsHref?: string | null }) {
  const items = describeAssumptions(assumptions);
  return (
    <details className="text-xs text-muted-foreground" aria-label="Forecast assumptions">
      <summary className="cursor-pointer">
        <span className="font-medium text-foreground">Forecast assumptions: </span>
        {items.map((i, n) => (
          <span key={i.id}>
            {n ? " · " : ""}
            {i.label} {i.value}
          </span>
        ))}
      </summary>
      <dl className="mt-2 space-y-1.5">
        {items.map((i) => (
          <div key={i.id}>
            <dt className="inline font-medium text-foreground">
              {figure(i.id).name} ({i.value}):{" "}
            </dt>
            <dd className="inline">{figure(i.id).definition}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2">
        How the forecast uses them: {figure("forecast").definition}{" "}
        {settingsHref ? (
          <Link prefetch={false} href={settingsHref} className="text-primary hover:underline">
            Change them in Settings
          </Link>
        ) : null}
      </p>
    </details>
  );
}
