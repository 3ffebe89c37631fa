import Link from "next/link";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, humanize } from "@/lib/format";
import type { UnitHistoryRow, UnitMoveRow } from "@/lib/org/unit-detail";

const CHANGE_LABELS: Record<string, string> = {
  created: "Created",
  renamed: "Renamed",
  recoded: "Code changed",
  lead: "Lead changed",
  "acting-lead": "Acting lead changed",
  moved: "Moved",
  merged: "Merged",
  closed: "Closed",
  absorbed: "Took in a unit",
};

const period = (from: string, to: string | null) => (to ? `${formatDate(from)} – ${formatDate(to)}` : `Since ${formatDate(from)}`);

/** A unit's history: its own periods (where it sat, its name, lead) and who was in it when. */
export function UnitHistory({ org, history, people }: { org: string; history: UnitHistoryRow[]; people: UnitMoveRow[] }) {
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Periods</CardTitle>
          <CardDescription>Each period of the unit as it was: where it sat, its name, code and lead. Newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          {history.length === 0 ? (
            <p className="text-sm text-muted-foreground">No history recorded yet.</p>
          ) : (
            <ol className="space-y-3 text-sm">
              {history.map((h, i) => (
                <li key={`${h.effectiveFrom}-${i}`} className="border-l-2 border-border pl-3">
                  <p className="font-medium">
                    {CHANGE_LABELS[h.change] ?? humanize(h.change)}
                    <span className="ml-2 font-normal text-muted-foreground">{period(h.effectiveFrom, h.effectiveTo)}</span>
                  </p>
                  <p className="text-muted-foreground">
                    {h.name} <span className="font-mono text-xs">{h.code}</span> · {humanize(h.kind)}
                    {h.parent ? (
                      <>
                        {" "}
                        · under{" "}
                        <Link className="hover:underline" href={`/${org}/teams/units/${h.parent.id}`}>
                          {h.parent.name}
                        </Link>
                      </>
                    ) : (
                      " · top of the tree"
                    )}
                    {` · ${h.leadName ? `led by ${h.leadName}` : "no lead"}${h.actingLeadName ? `, ${h.actingLeadName} acting` : ""}`}
                    {h.closed ? " · closed" : ""}
                  </p>
                  {h.successor ? (
                    <p className="text-muted-foreground">
                      {h.change === "absorbed" ? "Took in " : "Contents moved to "}
                      <Link className="hover:underline" href={`/${org}/teams/units/${h.successor.id}`}>
                        {h.successor.name} ({h.successor.code})
                      </Link>
                    </p>
                  ) : null}
                  {h.actorName ? <p className="text-xs text-muted-foreground">by {h.actorName}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>People in this unit over time</CardTitle>
          <CardDescription>Periods people were assigned here, from their assignment history. Newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          {people.length === 0 ? (
            <p className="text-sm text-muted-foreground">No assignment history for this unit yet.</p>
          ) : (
            <ul className="divide-y divide-border text-sm">
              {people.map((p, i) => (
                <li key={`${p.personId}-${i}`} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                  <Link className="hover:underline" href={`/${org}/people/${p.personId}`}>
                    {p.personName}
                  </Link>
                  <span className="text-muted-foreground tabular-nums">{period(p.effectiveFrom, p.effectiveTo)}</span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
