import { Bars, Empty, ManagerLink, type OrgHealthSectionProps, Section, UnitLink } from "@/components/org-health/parts";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Span of control: the distribution and every manager, then the outliers alone. */
export function SpanSection({ org, health: h, day }: OrgHealthSectionProps) {
  const { spanMax, spanMin } = h.thresholds;
  return (
    <>
      <Section
        id="span"
        title="Span of control"
        description={`Direct reports in post per manager. Outliers: over ${spanMax} or under ${spanMin} (organization settings).`}
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
                      <ManagerLink org={org} id={m.id} name={m.name} /> <span className="text-muted-foreground">{m.title}</span>
                    </TableCell>
                    <TableCell>
                      <UnitLink org={org} day={day} id={m.unitId} name={m.unitName} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {m.span > spanMax ? (
                        <Badge variant="warning" className="mr-2">
                          Over
                        </Badge>
                      ) : m.span < spanMin ? (
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
        description={`The managers the outlier count counts: over ${spanMax} or under ${spanMin} direct reports in post.`}
        figures={["span-of-control"]}
      >
        {h.overSpan.length + h.underSpan.length === 0 ? (
          <Empty>No manager here is over or under the span thresholds.</Empty>
        ) : (
          <ul className="space-y-1 text-sm" aria-label="Span outliers">
            {[...h.overSpan.map((m) => ({ m, side: "over" })), ...h.underSpan.map((m) => ({ m, side: "under" }))].map(({ m, side }) => (
              <li key={m.id}>
                <ManagerLink org={org} id={m.id} name={m.name} />{" "}
                <span className="text-muted-foreground">
                  {m.unitName}: {m.span} {m.span === 1 ? "report" : "reports"} ({side} {side === "over" ? spanMax : spanMin})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
