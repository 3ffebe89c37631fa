import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import type { HrisSyncResult } from "@/lib/people/hris/schemas";

// The HRIS sync dialog's last step (components/teams/hris-sync-dialog.tsx): the dry run's lists
// of what the sync changes, and the button that applies them.

export function SyncPreview({ result: r, pending, onApply }: { result: HrisSyncResult; pending: boolean; onApply: () => void }) {
  const total = r.joiners.length + r.leavers.length + r.moves.length + r.managerChanges.length + r.titleChanges.length;
  const changes = total + r.linked.length + r.payChanges;
  return (
    <section aria-labelledby="hris-preview" className="space-y-3 border-t border-border pt-4">
      <h3 id="hris-preview" className="font-semibold">
        Dry run: {r.shapeLabel}
      </h3>
      <p className="text-sm text-muted-foreground">
        {total} changes, {r.unchanged} people unchanged{r.payChanges ? `, ${r.payChanges} pay changes` : ""}
        {r.linked.length ? `, ${r.linked.length} people linked by work email` : ""}. Moves take effect {r.effectiveFrom}.
      </p>
      <ChangeList
        title="Joiners"
        items={r.joiners.map((j) => [
          j.row,
          `${j.name} — ${j.title}, ${j.unit}, from ${j.hireDate}${j.position ? " (fills a position)" : ""}`,
        ])}
      />
      <ChangeList
        title="Leavers"
        items={r.leavers.map((l) => [
          l.row,
          `${l.name} — last day ${l.endDate}; seat ${l.vacancy === "backfill" ? "becomes a backfill" : "closed"}`,
        ])}
      />
      <ChangeList title="Moves" items={r.moves.map((m) => [m.row, `${m.name}: ${m.from} → ${m.to}`])} />
      <ChangeList title="Manager changes" items={r.managerChanges.map((m) => [m.row, `${m.name}: ${m.from ?? "no manager"} → ${m.to}`])} />
      <ChangeList title="Title changes" items={r.titleChanges.map((t) => [t.row, `${t.name}: ${t.from} → ${t.to}`])} />
      {r.unmappedDepartments.length ? (
        <Note title="Departments matching no org unit (people stay where they are; joiners are not added)">
          {r.unmappedDepartments.map((u) => `${u.department} (${u.rows.length === 1 ? "row" : "rows"} ${u.rows.join(", ")})`).join("; ")}
        </Note>
      ) : null}
      {r.ignoredDepartments.length ? (
        <Note title="Departments the mapping ignores (people stay where they are; joiners are not added)">
          {r.ignoredDepartments.map((u) => `${u.department} (${u.rows.length === 1 ? "row" : "rows"} ${u.rows.join(", ")})`).join("; ")}
        </Note>
      ) : null}
      {r.unresolvedSupervisors.length ? (
        <Note title="Supervisors not found (manager left as it is)">
          {r.unresolvedSupervisors.map((s) => `row ${s.row}: ${s.supervisor}`).join("; ")}
        </Note>
      ) : null}
      {r.skipped.length ? <Note title="Skipped rows">{r.skipped.map((s) => `row ${s.row}: ${s.reason}`).join("; ")}</Note> : null}
      {r.ignoredColumns.length ? <Note title="Columns not read">{r.ignoredColumns.join(", ")}</Note> : null}
      <div className="flex justify-end">
        <Button type="button" onClick={onApply} disabled={pending || changes === 0}>
          {pending ? "Applying…" : changes === 0 ? "Nothing to apply" : "Apply these changes"}
        </Button>
      </div>
    </section>
  );
}

function ChangeList({ title, items }: { title: string; items: [number, string][] }) {
  return (
    <details className="rounded-md border border-border px-3 py-2" open={items.length > 0 && items.length <= 10}>
      <summary className="cursor-pointer text-sm font-medium">
        {title} ({items.length})
      </summary>
      {items.length ? (
        <ul className="mt-2 space-y-1 text-sm break-words">
          {items.map(([row, text]) => (
            <li key={`${row}-${text}`}>
              <span className="text-muted-foreground">Row {row} · </span>
              {text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted-foreground">None.</p>
      )}
    </details>
  );
}

function Note({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="text-sm break-words">
      <p className="font-medium">{title}</p>
      <p className="text-muted-foreground">{children}</p>
    </div>
  );
}
