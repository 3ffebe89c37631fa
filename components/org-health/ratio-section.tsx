import { CountLink, num, type OrgHealthSectionProps, Section, UnitLink } from "@/components/org-health/parts";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { orgHealthDrills, peopleHref } from "@/lib/org-health/drills";

/** Manager to IC ratio: managers and ICs per unit, each unit with everything below it. */
export function RatioSection({ org, health: h, day }: OrgHealthSectionProps) {
  const drills = orgHealthDrills(day);
  return (
    <Section id="ratio" title="Managers and ICs per unit" description="Each unit with everything below it." figures={["manager-ic-ratio"]}>
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
                  <UnitLink org={org} day={day} id={u.id} name={u.name} />
                </span>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <CountLink href={peopleHref(org, drills.managers, u.id)} value={u.managers} label={`managers in ${u.name}`} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <CountLink href={peopleHref(org, drills.ics, u.id)} value={u.ics} label={`individual contributors in ${u.name}`} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{u.managers ? num(u.ics / u.managers, 1) : "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
