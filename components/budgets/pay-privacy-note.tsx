import type { FinanceView } from "@/lib/budgets/rollup";

// Shared by server and client components (no "use client" here on purpose).

const GRAIN = { month: "month", quarter: "quarter", year: "fiscal year" } as const;

/** What a reader without pay access sees of personnel figures, in one sentence (docs/privacy.md). */
export function PayPrivacyNote({ disclosure, published }: { disclosure: FinanceView["disclosure"]; published: FinanceView["published"] }) {
  if (!disclosure) return null;
  const { grain, minGroup } = disclosure;
  return (
    <p className="text-xs text-muted-foreground" data-testid="pay-privacy-note">
      Your role does not read individual pay: figures that include personnel cost are shown for groups of at least {minGroup} people
      {grain === null ? " (this one is too small)" : grain === "month" ? "" : `, and here actual and forecast by ${GRAIN[grain]}`}. A dash
      (—) marks a figure that would show one person&apos;s pay; the totals above it include it.
      {published ? (
        <>
          {" "}
          The forecast of people and positions is the one published on{" "}
          <time dateTime={published.publishedAt} data-testid="forecast-as-of">
            {DAY.format(new Date(published.publishedAt))}
          </time>
          : a team&apos;s part is republished once changes to at least {minGroup} people&apos;s pay have accumulated, so no single hire or
          departure shows in it.
        </>
      ) : null}
    </p>
  );
}

const DAY = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
