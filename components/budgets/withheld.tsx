// Shared by server and client components (no "use client" here on purpose).

/**
 * A figure withheld from a reader without pay access (lib/privacy/disclosure.ts): a dash with
 * the reason for screen readers and on hover. Never a zero, which would read as a number.
 */
export function Withheld({ reason }: { reason?: string | null }) {
  return (
    <span className="text-muted-foreground" title={reason ?? undefined}>
      —<span className="sr-only">{reason ? ` not shown: ${reason}` : " not shown"}</span>
    </span>
  );
}
