import { DeliveryChart } from "@/components/charts/lazy";
import { ChartTable } from "@/components/dashboard/chart-table";
import { ConnectSourceForm, CsvUploadForm, EpicLinkForm, SourceButtons } from "@/components/delivery-signals/delivery-controls";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import type { DeliverySignals, SyncLogDto } from "@/lib/delivery-signals/queries";
import { formatDate, formatRelative } from "@/lib/format";

// The project page's delivery signals: what the connected tracker and code host say, with the
// chart's table alternative, the sync log (errors included) and, for those who may connect,
// the controls.

const KIND_LABEL = { JIRA: "Jira", LINEAR: "Linear", GITHUB: "GitHub" } as const;
const STATE: Record<SyncLogDto["state"], { label: string; variant: "success" | "danger" | "outline" }> = {
  PENDING: { label: "Waiting", variant: "outline" },
  RUNNING: { label: "Running", variant: "outline" },
  SUCCEEDED: { label: "Synced", variant: "success" },
  FAILED: { label: "Failed", variant: "danger" },
};

const weekLabel = (w: string) => formatDate(w);

export function DeliverySignalsCard({
  org,
  projectId,
  signals: s,
  milestones,
  canConnect,
  now,
}: {
  org: string;
  projectId: string;
  signals: DeliverySignals;
  milestones: { id: string; name: string }[];
  canConnect: boolean;
  now: string;
}) {
  const connected = s.sources.length > 0;
  const mergedThisWeek = s.weeks.at(-1)?.merged ?? 0;
  const hasPrs = s.weeks.some((w) => w.merged > 0) || s.sources.some((x) => x.kind === "GITHUB");
  const epicOf = new Map(s.epics.map((e) => [e.milestoneId, e.epicKey]));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Delivery signals</CardTitle>
      </CardHeader>
      <CardContent className="space-y-5 text-sm">
        {connected ? (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Figure label="Issues done" value={`${s.issuesDone} of ${s.issuesTotal}`} />
              <Figure label="Scope, 2 weeks" value={`${s.scopeChange > 0 ? "+" : ""}${s.scopeChange} issues`} />
              {hasPrs ? <Figure label="PRs merged this week" value={String(mergedThisWeek)} /> : null}
              <Figure label="Last activity" value={s.lastActivity ? formatRelative(s.lastActivity, now) : "—"} />
            </dl>
            <div>
              <DeliveryChart points={s.weeks} showMerged={hasPrs} />
              <ChartTable
                caption="Issues in scope and done at each week's end, pull requests merged in the week"
                head={["Week of", "Scope", "Done", "PRs merged"]}
                rows={s.weeks.map((w) => [weekLabel(w.week), w.total, w.done, w.merged])}
              />
            </div>
            <HowCounted
              figures={[
                "signal-issues-done",
                "signal-scope-change",
                ...(hasPrs ? (["signal-prs-merged"] as const) : []),
                "signal-last-activity",
                "signal-weeks",
                ...(s.epics.length ? (["signal-epic-progress"] as const) : []),
              ]}
            />
            {s.epics.length ? (
              <section aria-label="Milestones from epics">
                <h3 className="mb-1 text-xs font-medium text-muted-foreground uppercase">Milestones from epics</h3>
                <ul className="space-y-1.5">
                  {s.epics.map((e) => (
                    <li key={e.milestoneId} className="flex items-center gap-2">
                      <span className="min-w-0 flex-1 truncate">
                        {e.name} <span className="text-muted-foreground">({e.epicKey})</span>
                      </span>
                      <progress
                        className="h-2 w-24 accent-primary"
                        max={Math.max(e.total, 1)}
                        value={e.done}
                        aria-label={`${e.name}: ${e.done} of ${e.total} done`}
                      />
                      <span className="w-14 text-right tabular-nums">
                        {e.done}/{e.total}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        ) : (
          <p className="text-muted-foreground">
            Not connected. Connect the project&apos;s Jira project or epic, Linear project or GitHub repositories to see its issues, scope
            and merged pull requests here, and to start each weekly update from them.
          </p>
        )}
        {s.sources.length ? (
          <section aria-label="Connections">
            <h3 className="mb-1 text-xs font-medium text-muted-foreground uppercase">Connections</h3>
            <ul className="space-y-2">
              {s.sources.map((src) => (
                <li key={src.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="min-w-0">
                    <span className="font-medium">{KIND_LABEL[src.kind]}</span>{" "}
                    <span className="break-all text-muted-foreground">{src.query ? src.query.replace(/\n/g, ", ") : "CSV uploads"}</span>
                    <span className="block text-xs text-muted-foreground">
                      {src.hasToken ? "Token stored" : "No token (uploads only)"} ·{" "}
                      {src.lastSyncedAt ? `synced ${formatRelative(src.lastSyncedAt, now)}` : "not synced yet"}
                    </span>
                  </span>
                  {canConnect && src.hasToken ? <SourceButtons org={org} sourceId={src.id} label={KIND_LABEL[src.kind]} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {s.log.length ? (
          <section aria-label="Sync log">
            <h3 className="mb-1 text-xs font-medium text-muted-foreground uppercase">Sync log</h3>
            <ol className="space-y-1.5">
              {s.log.map((l) => (
                <li key={l.id} className="text-xs">
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge variant={STATE[l.state].variant}>{STATE[l.state].label}</Badge>
                    {KIND_LABEL[l.kind]} {l.via === "csv" ? "upload" : "sync"} · {formatRelative(l.createdAt, now)}
                    {l.state === "SUCCEEDED" ? ` · ${l.itemsSeen} item${l.itemsSeen === 1 ? "" : "s"}` : ""}
                  </span>
                  {l.error ? <span className="mt-0.5 block text-destructive">{l.error}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {canConnect ? (
          <>
            <details>
              <summary className="cursor-pointer text-primary hover:underline">
                {connected ? "Change or add a connection" : "Connect a tracker"}
              </summary>
              <div className="mt-3">
                <ConnectSourceForm org={org} projectId={projectId} />
              </div>
            </details>
            <details>
              <summary className="cursor-pointer text-primary hover:underline">Upload a Jira or Linear export</summary>
              <div className="mt-3">
                <CsvUploadForm org={org} projectId={projectId} />
              </div>
            </details>
            {connected && milestones.length ? (
              <details>
                <summary className="cursor-pointer text-primary hover:underline">Link a milestone to an epic</summary>
                <div className="mt-3">
                  <EpicLinkForm org={org} milestones={milestones.map((m) => ({ ...m, epicKey: epicOf.get(m.id) ?? null }))} />
                </div>
              </details>
            ) : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-base font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
