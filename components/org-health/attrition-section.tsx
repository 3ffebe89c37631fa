import { CountLink, type OrgHealthSectionProps, pct, Section, UnitLink } from "@/components/org-health/parts";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { orgHealthDrills, peopleHref } from "@/lib/org-health/drills";

/** Attrition over the trailing 12 months per unit; departures open the people who left. */
export function AttritionSection({ org, health: h, day }: OrgHealthSectionProps) {
  const drills = orgHealthDrills(day);
  return (
    <Section
      id="attrition"
      title="Attrition, trailing 12 months"
      description={`${formatDate(h.attrition.from)} – ${formatDate(h.attrition.to)}. Regretted: departures recorded as regretted on the person's page; the rest were recorded as not regretted or not at all.`}
      figures={["attrition"]}
    >
      <Table containerClassName="rounded-lg border border-border">
        <TableHeader>
          <TableRow>
            <TableHead>Unit</TableHead>
            <TableHead className="text-right">Departures</TableHead>
            <TableHead className="text-right">Regretted</TableHead>
            <TableHead className="text-right">Not regretted</TableHead>
            <TableHead className="text-right">Heads at start</TableHead>
            <TableHead className="text-right">Heads now</TableHead>
            <TableHead className="text-right">Attrition</TableHead>
            <TableHead className="text-right">Regretted attrition</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {h.attritionUnits.map((u) => (
            <TableRow key={u.id}>
              <TableCell>
                <UnitLink org={org} day={day} id={u.id} name={u.name} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <CountLink href={peopleHref(org, drills.departures, u.id)} value={u.departures} label={`departures from ${u.name}`} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <CountLink
                  href={peopleHref(org, drills.regretted(true), u.id)}
                  value={u.regretted}
                  label={`regretted departures from ${u.name}`}
                />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <CountLink
                  href={peopleHref(org, drills.regretted(false), u.id)}
                  value={u.nonRegretted}
                  label={`departures from ${u.name} not regretted`}
                />
              </TableCell>
              <TableCell className="text-right tabular-nums">{u.headsStart}</TableCell>
              <TableCell className="text-right tabular-nums">{u.headsEnd}</TableCell>
              <TableCell className="text-right tabular-nums">{pct(u.ratePct)}</TableCell>
              <TableCell className="text-right tabular-nums">{pct(u.regrettedPct)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
