import { formatDate, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { AuditEntryDto } from "@/lib/projects/detail";

const HIDDEN = new Set(["id", "projectId", "version", "orgUnitId", "leadId", "initiativeId", "blockerId", "blockedId"]);

function show(key: string, v: unknown, currency: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (key.endsWith("Cents") && (typeof v === "string" || typeof v === "number") && /^-?\d+$/.test(String(v))) return formatMoney(BigInt(v), currency);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}(T|$)/.test(v)) return formatDate(v);
  if (typeof v === "string") return v.length > 60 ? `${v.slice(0, 57)}…` : v;
  return String(v);
}

/** Field changes recorded by the action pipeline, newest first. */
export function AuditTrail({ entries, currency }: { entries: AuditEntryDto[]; currency: string }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No recorded changes yet.</p>;
  return (
    <ol className="space-y-3 text-sm">
      {entries.map((e) => {
        const before = (e.before ?? {}) as Record<string, unknown>;
        const after = (e.after ?? {}) as Record<string, unknown>;
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
        return (
          <li key={e.id}>
            <p className="text-xs text-muted-foreground">
              {formatDate(e.at)} · {e.actor ?? "Someone"} · {humanize(e.action.replace(/[.-]/g, "_"))}
            </p>
            {keys.length ? (
              <ul className="mt-0.5 space-y-0.5">
                {keys.map((k) => (
                  <li key={k}>
                    <span className="text-muted-foreground">{humanize(k.replace(/Cents$/, "").replace(/([A-Z])/g, "_$1"))}:</span>{" "}
                    {k in before && e.before !== null ? (
                      <>
                        <span className="line-through decoration-muted-foreground/60">{show(k, before[k], currency)}</span> →{" "}
                      </>
                    ) : null}
                    <span className="font-medium">{k in after ? show(k, after[k], currency) : "removed"}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
