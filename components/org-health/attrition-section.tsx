import Link from "next/link";

import { type OrgHealthSectionProps, pct, Section, UnitLink } from "@/components/org-health/parts";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";

/** Attrition over the trailing 12 months per unit; departures open the people who left. */
export function AttritionSection({ org, health: h, day }: OrgHealthSectionProps) {
  return (
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
              <TableCell>
                <UnitLink org={org} day={day} id={u.id} name={u.name} />
              </TableCell>
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
  );
}
