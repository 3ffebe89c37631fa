import Link from "next/link";

import { dateTimeFormat } from "@/lib/audit/fields";
import type { AuditEntryDto, ShownChange } from "@/lib/audit/present";

function clip(value: string): string {
  return value.length > 160 ? `${value.slice(0, 157)}…` : value;
}

function Change({ c }: { c: ShownChange }) {
  return (
    <li data-testid="audit-change" className="break-words">
      <span className="text-muted-foreground">{c.label}:</span>{" "}
      {c.before !== null && c.after !== null ? (
        <>
          <span className="text-muted-foreground line-through decoration-muted-foreground/60" title={c.before}>
            {clip(c.before)}
          </span>{" "}
          <span aria-hidden>→</span>
          <span className="sr-only">changed to</span>{" "}
          <span className="font-medium" title={c.after}>
            {clip(c.after)}
          </span>
        </>
      ) : c.after !== null ? (
        <span className="font-medium" title={c.after}>
          {clip(c.after)}
        </span>
      ) : (
        <>
          <span className="line-through decoration-muted-foreground/60" title={c.before ?? undefined}>
            {clip(c.before ?? "")}
          </span>{" "}
          <span className="text-muted-foreground">(removed)</span>
        </>
      )}
    </li>
  );
}

/**
 * Audit events newest first, each a sentence with names and links, then the fields it changed.
 * `showEmail`: the audit log names actors by email too; a record's History only by name.
 */
export function AuditEntries({ entries, showEmail = false }: { entries: AuditEntryDto[]; showEmail?: boolean }) {
  return (
    <ol className="divide-y divide-border" aria-label="Changes, newest first">
      {entries.map((e) => (
        <li key={e.id} data-testid="audit-row" className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[11rem_1fr] sm:gap-4">
          <div className="text-xs text-muted-foreground tabular-nums sm:pt-0.5">
            <time dateTime={e.at}>{dateTimeFormat.format(new Date(e.at))} UTC</time>
            <div className="mt-0.5">{e.actionLabel}</div>
          </div>
          <div className="min-w-0">
            <p className="break-words">
              <span className="font-medium">{e.actor?.name ?? "Someone no longer here"}</span>{" "}
              {showEmail && e.actor ? <span className="text-xs text-muted-foreground">({e.actor.email}) </span> : null}
              {e.sentence.map((part, i) =>
                part.href ? (
                  <Link key={i} href={part.href} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
                    {part.text}
                  </Link>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
            {e.changes.length ? (
              <ul className="mt-1 space-y-0.5 text-[13px]">
                {e.changes.map((c) => (
                  <Change key={c.field} c={c} />
                ))}
              </ul>
            ) : null}
            {e.payWithheld ? <p className="mt-1 text-xs text-muted-foreground">Pay details are not shown to your role.</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
