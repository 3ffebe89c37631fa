import { AlertTriangle, Clock, GitFork, Layers, UserMinus, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import type * as React from "react";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { Badge } from "@/components/ui/badge";
import { HowCounted } from "@/components/ui/how-counted";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { OrgHealth } from "@/lib/org-health";
import { TENURE_BANDS } from "@/lib/org-health/queries";

// The org health page's sections. Server-rendered tables and CSS bars: nothing here needs the
// browser, and every list is small (one row per manager or unit of the scope).

const num = (n: number | null, digits = 0) =>
  n === null ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (n: number | null) => (n === null ? "—" : `${num(n, 1)}%`);

function Section({
  id,
  title,
  description,
  figures,
  children,
}: {
  id: string;
  title: string;
  description: string;
  figures: Parameters<typeof HowCounted>[0]["figures"];
  children: React.ReactNode;
}) {
  return (
    <section id={id} className="mb-8 scroll-mt-4">
      <SectionHeading title={title} description={description} />
      <div className="mb-3">
        <HowCounted figures={figures} />
      </div>
      {children}
    </section>
  );
}

function Bars({ rows, label }: { rows: { key: string; label: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul aria-label={label} className="max-w-xl space-y-1.5 text-sm">
      {rows.map((r) => (
        <li key={r.key} className="grid grid-cols-[7rem_1fr_2.5rem] items-center gap-2">
          <span className="text-muted-foreground">{r.label}</span>
          <span className="h-3 rounded-sm bg-primary/70" style={{ width: `${(r.value / max) * 100}%` }} aria-hidden />
          <span className="text-right tabular-nums">{r.value}</span>
        </li>
      ))}
    </ul>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}

export function OrgHealthView({ org, health: h, day, unitId }: { org: string; health: OrgHealth; day: string; unitId: string | null }) {
  const unitQ = unitId ? `unit=${unitId}&` : "";
  const healthHref = (id: string) => `/${org}/org-health?unit=${id}&on=${day}`;
  // A manager the figures count opens their manager page (span, team, attrition, notes for the chain).
  const manager = (id: string, name: string) => (
    <Link className="font-medium hover:underline" href={`/${org}/managers/${id}`}>
      {name}
    </Link>
  );
  const unit = (id: string, name: string) => (
    <Link className="hover:underline" href={healthHref(id)}>
      {name}
    </Link>
  );
  const maxLayers = h.layers.reduce((m, l) => Math.max(m, l.layers), 0);
  const ics = h.layers.reduce((n, l) => n + l.ics, 0);
  return (
    <>
      <StatGrid>
        <StatCard label="Managers" value={h.spans.length} icon={Users} hint={`${ics} individual contributors`} href="#span" />
        <StatCard
          label="Span outliers"
          value={h.overSpan.length + h.underSpan.length}
          icon={AlertTriangle}
          tone={h.overSpan.length + h.underSpan.length ? "warning" : "default"}
          hint={`${h.overSpan.length} over ${h.thresholds.spanMax}, ${h.underSpan.length} under ${h.thresholds.spanMin}`}
          href="#outliers"
        />
        <StatCard label="Layers" value={maxLayers} icon={Layers} hint="Most managers above an IC" href="#layers" />
        <StatCard
          label="Units without a lead"
          value={h.noLead.length}
          icon={GitFork}
          tone={h.noLead.length ? "warning" : "default"}
          href="#leads"
        />
        <StatCard
          label="Attrition, 12 months"
          value={pct(h.attrition.ratePct)}
          icon={UserMinus}
          hint={`${h.attrition.departures} departures`}
          href={`/${org}/teams?${unitQ}status=leaving&from=${h.attrition.from}&to=${h.attrition.to}`}
        />
        <StatCard
          label="Time to fill"
          value={h.fill.medianDays === null ? "—" : `${num(h.fill.medianDays)} days`}
          icon={Clock}
          hint={`median; p90 ${h.fill.p90Days === null ? "—" : `${num(h.fill.p90Days)} days`}; ${h.fill.filled} filled`}
          href="#fill"
        />
        <StatCard
          label="New managers"
          value={h.newManagers.length}
          icon={UserPlus}
          hint="Managing for under 6 months"
          href="#new-managers"
        />
        <StatCard
          label="People in post"
          value={h.tenure.reduce((n, t) => n + t.people, 0)}
          icon={Users}
          hint="By tenure below"
          href="#tenure"
        />
      </StatGrid>

      <Section
        id="span"
        title="Span of control"
        description={`Direct reports in post per manager. Outliers: over ${h.thresholds.spanMax} or under ${h.thresholds.spanMin} (organization settings).`}
        figures={["span-of-control"]}
      >
        {h.spans.length === 0 ? (
          <Empty>No managers here on this day.</Empty>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
            <Bars
              label="Managers by span"
              rows={h.distribution.map((d) => ({
                key: String(d.span),
                label: `${d.span} ${d.span === 1 ? "report" : "reports"}`,
                value: d.managers,
              }))}
            />
            <Table containerClassName="max-h-96 rounded-lg border border-border">
              <TableHeader>
                <TableRow>
                  <TableHead>Manager</TableHead>
                  <TableHead>Unit</TableHead>
                  <TableHead className="text-right">Span</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {h.spans.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>
                      {manager(m.id, m.name)} <span className="text-muted-foreground">{m.title}</span>
                    </TableCell>
                    <TableCell>{unit(m.unitId, m.unitName)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {m.span > h.thresholds.spanMax ? (
                        <Badge variant="warning" className="mr-2">
                          Over
                        </Badge>
                      ) : m.span < h.thresholds.spanMin ? (
                        <Badge variant="secondary" className="mr-2">
                          Under
                        </Badge>
                      ) : null}
                      {m.span}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>

      <Section
        id="outliers"
        title="Span outliers"
        description={`The managers the outlier count counts: over ${h.thresholds.spanMax} or under ${h.thresholds.spanMin} direct reports in post.`}
        figures={["span-of-control"]}
      >
        {h.overSpan.length + h.underSpan.length === 0 ? (
          <Empty>No manager here is over or under the span thresholds.</Empty>
        ) : (
          <ul className="space-y-1 text-sm" aria-label="Span outliers">
            {[...h.overSpan.map((m) => ({ m, side: "over" })), ...h.underSpan.map((m) => ({ m, side: "under" }))].map(({ m, side }) => (
              <li key={m.id}>
                {manager(m.id, m.name)}{" "}
                <span className="text-muted-foreground">
                  {m.unitName}: {m.span} {m.span === 1 ? "report" : "reports"} ({side}{" "}
                  {side === "over" ? h.thresholds.spanMax : h.thresholds.spanMin})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="layers" title="Layers" description="Individual contributors by the number of managers above them." figures={["layers"]}>
        {h.layers.length === 0 ? (
          <Empty>No individual contributors here on this day.</Empty>
        ) : (
          <Bars
            label="ICs by layers above them"
            rows={h.layers.map((l) => ({
              key: String(l.layers),
              label: `${l.layers} ${l.layers === 1 ? "layer" : "layers"}`,
              value: l.ics,
            }))}
          />
        )}
      </Section>

      <Section
        id="ratio"
        title="Managers and ICs per unit"
        description="Each unit with everything below it."
        figures={["manager-ic-ratio"]}
      >
        <Table containerClassName="rounded-lg border border-border">
          <TableHeader>
            <TableRow>
              <TableHead>Unit</TableHead>
              <TableHead className="text-right">Managers</TableHead>
              <TableHead className="text-right">ICs</TableHead>
              <TableHead className="text-right">ICs per manager</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {h.ratio.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  <span className="block" style={{ paddingLeft: `${Math.max(0, u.depth - (h.ratio[0]?.depth ?? 0))}rem` }}>
                    {unit(u.id, u.name)}
                  </span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{u.managers}</TableCell>
                <TableCell className="text-right tabular-nums">{u.ics}</TableCell>
                <TableCell className="text-right tabular-nums">{u.managers ? num(u.ics / u.managers, 1) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section
        id="leads"
        title="Units without a lead"
        description="No lead, or a lead who is not in post on this day."
        figures={["units-without-lead"]}
      >
        {h.noLead.length === 0 ? (
          <Empty>Every unit here has a lead in post.</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {h.noLead.map((u) => (
              <li key={u.id}>
                <Link className="font-medium hover:underline" href={`/${org}/teams/units/${u.id}`}>
                  {u.name}
                </Link>{" "}
                <span className="font-mono text-xs text-muted-foreground">{u.code}</span>
                {" — "}
                {u.reason === "none" ? "no lead" : u.reason === "left" ? `${u.leadName} has left` : `${u.leadName} has not started yet`}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="attrition"
        title="Attrition, trailing 12 months"
        description={`${formatDate(h.attrition.from)} – ${formatDate(h.attrition.to)}. Whether a departure was regretted is not recorded in Keel.`}
        figures={["attrition"]}
      >
        <Table containerClassName="rounded-lg border border-border">
          <TableHeader>
            <TableRow>
              <TableHead>Unit</TableHead>
              <TableHead className="text-right">Departures</TableHead>
              <TableHead className="text-right">Heads at start</TableHead>
              <TableHead className="text-right">Heads now</TableHead>
              <TableHead className="text-right">Attrition</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {h.attritionUnits.map((u) => (
              <TableRow key={u.id}>
                <TableCell>{unit(u.id, u.name)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {u.departures ? (
                    <Link
                      className="hover:underline"
                      href={`/${org}/teams?unit=${u.id}&status=leaving&from=${h.attrition.from}&to=${h.attrition.to}`}
                    >
                      {u.departures}
                    </Link>
                  ) : (
                    0
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">{u.headsStart}</TableCell>
                <TableCell className="text-right tabular-nums">{u.headsEnd}</TableCell>
                <TableCell className="text-right tabular-nums">{pct(u.ratePct)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section
        id="fill"
        title="Time to fill"
        description="Positions filled in the trailing 12 months: days from opened to filled."
        figures={["time-to-fill"]}
      >
        {h.fillUnits.length === 0 ? (
          <Empty>No position was filled here in the last 12 months.</Empty>
        ) : (
          <Table containerClassName="rounded-lg border border-border">
            <TableHeader>
              <TableRow>
                <TableHead>Unit</TableHead>
                <TableHead className="text-right">Filled</TableHead>
                <TableHead className="text-right">Median days</TableHead>
                <TableHead className="text-right">p90 days</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {h.fillUnits.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>{unit(u.id, u.name)}</TableCell>
                  <TableCell className="text-right tabular-nums">{u.filled}</TableCell>
                  <TableCell className="text-right tabular-nums">{num(u.medianDays)}</TableCell>
                  <TableCell className="text-right tabular-nums">{num(u.p90Days)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section id="tenure" title="Tenure" description="People in post by time since they started." figures={["tenure"]}>
        <Bars
          label="People by tenure"
          rows={TENURE_BANDS.map((label, band) => ({ key: label, label, value: h.tenure.find((t) => t.band === band)?.people ?? 0 }))}
        />
        <p className="mt-2 text-sm">
          <Link className="underline" href={`/${org}/teams?${unitQ}status=in-post&on=${day}#people`}>
            The people in post
          </Link>
        </p>
      </Section>

      <Section id="new-managers" title="New managers" description="Managing anyone for less than 6 months." figures={["new-managers"]}>
        {h.newManagers.length === 0 ? (
          <Empty>No new managers here.</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {h.newManagers.map((m) => (
              <li key={m.id}>
                {manager(m.id, m.name)}{" "}
                <span className="text-muted-foreground">
                  {m.title}, {m.unitName} — managing since {formatDate(m.managingSince)}, {m.span} {m.span === 1 ? "report" : "reports"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
