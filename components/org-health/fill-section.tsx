import { CountLink, Empty, num, type OrgHealthSectionProps, Section, UnitLink } from "@/components/org-health/parts";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { orgHealthDrills, positionsHref } from "@/lib/org-health/drills";

/** Time to fill per unit: positions filled in the trailing 12 months, median and p90 days. */
export function FillSection({ org, health: h, day }: OrgHealthSectionProps) {
  const drills = orgHealthDrills(day);
  return (
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
                <TableCell>
                  <UnitLink org={org} day={day} id={u.id} name={u.name} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  <CountLink href={positionsHref(org, drills.filled, u.id)} value={u.filled} label={`positions filled in ${u.name}`} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{num(u.medianDays)}</TableCell>
                <TableCell className="text-right tabular-nums">{num(u.p90Days)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
