import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FieldChange } from "@/lib/audit/diff";
import type { AuditEventDto } from "@/lib/audit/queries";

const timeFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

function clip(value: string | null): string {
  if (value === null || value === "") return "—";
  return value.length > 120 ? `${value.slice(0, 117)}…` : value;
}

function Changes({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <span className="text-muted-foreground">No field changes recorded</span>;
  return (
    <ul className="space-y-0.5">
      {changes.map((c) => (
        <li key={c.field} data-testid="audit-change" className="break-words">
          <span className="text-muted-foreground">{c.field}:</span>{" "}
          <span className="line-through decoration-muted-foreground/60" title={c.before ?? undefined}>
            {clip(c.before)}
          </span>{" "}
          → <span className="font-medium" title={c.after ?? undefined}>{clip(c.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Audit events newest first, each with its changed fields (old → new). Server-rendered. */
export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <Table aria-label="Audit events">
      <TableHeader>
        <TableRow>
          <TableHead className="w-44">When (UTC)</TableHead>
          <TableHead className="w-48">Who</TableHead>
          <TableHead className="w-56">Action</TableHead>
          <TableHead>Changes</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id} data-testid="audit-row" className="align-top">
            <TableCell className="whitespace-nowrap tabular-nums">
              <time dateTime={e.at}>{timeFormat.format(new Date(e.at))}</time>
            </TableCell>
            <TableCell>
              {e.actor ? (
                <>
                  <div className="font-medium">{e.actor.name}</div>
                  <div className="text-xs text-muted-foreground">{e.actor.email}</div>
                </>
              ) : (
                <span className="text-muted-foreground">Deleted user or system</span>
              )}
            </TableCell>
            <TableCell>
              <div className="font-mono text-xs">{e.action}</div>
              <div className="text-xs text-muted-foreground">
                {e.entityType} · <span className="font-mono">{e.entityId}</span>
              </div>
            </TableCell>
            <TableCell className="text-sm whitespace-normal">
              <Changes changes={e.changes} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
