import { DeleteNoteButton } from "@/components/managers/delete-note-button";
import { EditNoteForm, GoalDoneButton } from "@/components/managers/edit-note-form";
import { ManagerNoteForm } from "@/components/managers/manager-note-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { ManagerNoteDto } from "@/lib/managers/queries";

/** Private development notes and goals: rendered only for a reader above the manager in the reporting line. */
export function ManagerNotes({
  org,
  managerId,
  managerName,
  notes,
  today,
}: {
  org: string;
  managerId: string;
  managerName: string;
  notes: ManagerNoteDto[];
  today: string;
}) {
  return (
    <Card id="development">
      <CardHeader>
        <CardTitle>Development notes and goals</CardTitle>
        <CardDescription>Private: only the people above {managerName} in the reporting line see these. Never exported.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <ManagerNoteForm org={org} managerId={managerId} />
        {notes.length === 0 ? (
          <p className="text-sm text-muted-foreground">No notes or goals yet.</p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Notes and goals">
            {notes.map((n) => {
              const due = n.doneOn === null && n.checkInOn !== null && n.checkInOn <= today;
              const what = `${n.kind === "GOAL" ? "goal" : "note"} of ${formatDate(n.createdAt.slice(0, 10))}`;
              return (
                <li key={n.id} className="space-y-1 py-3">
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <Badge variant={n.kind === "GOAL" ? "default" : "secondary"}>{n.kind === "GOAL" ? "Goal" : "Note"}</Badge>
                    {n.doneOn ? <Badge variant="secondary">Done {formatDate(n.doneOn)}</Badge> : null}
                    {n.checkInOn && !n.doneOn ? (
                      <span className={due ? "font-medium text-health-at-risk-text" : undefined}>
                        Check in {formatDate(n.checkInOn)}
                        {due ? " (due)" : ""}
                      </span>
                    ) : null}
                    <span>
                      {n.authorName ?? "Someone"} · {formatDate(n.createdAt.slice(0, 10))}
                      {n.editedAt ? ` · edited ${formatDate(n.editedAt.slice(0, 10))}` : ""}
                    </span>
                    <span className="ml-auto flex items-center gap-1">
                      {n.kind === "GOAL" ? <GoalDoneButton org={org} noteId={n.id} done={n.doneOn !== null} /> : null}
                      <DeleteNoteButton org={org} noteId={n.id} label={`Delete ${what}`} />
                    </span>
                  </div>
                  <p
                    className={n.doneOn ? "text-sm whitespace-pre-wrap text-muted-foreground line-through" : "text-sm whitespace-pre-wrap"}
                  >
                    {n.body}
                  </p>
                  <EditNoteForm org={org} note={n} label={`Edit ${what}`} />
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
