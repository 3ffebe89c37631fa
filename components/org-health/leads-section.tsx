import Link from "next/link";

import { Empty, type OrgHealthSectionProps, Section } from "@/components/org-health/parts";

/** A unit's name, opening its unit page, and its code, before what is said of it. */
function UnitName({ org, unit }: { org: string; unit: { id: string; name: string; code: string } }) {
  return (
    <>
      <Link className="font-medium hover:underline" href={`/${org}/teams/units/${unit.id}`}>
        {unit.name}
      </Link>{" "}
      <span className="font-mono text-xs text-muted-foreground">{unit.code}</span>
      {" — "}
    </>
  );
}

/** Units without a lead (no lead, or a lead not in post on the day), then those with an acting lead; each opens its unit page. */
export function LeadsSection({ org, health: h }: OrgHealthSectionProps) {
  const acting = new Map(h.acting.map((u) => [u.id, u.actingLeadName]));
  return (
    <>
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
                <UnitName org={org} unit={u} />
                {u.reason === "none" ? "no lead" : u.reason === "left" ? `${u.leadName} has left` : `${u.leadName} has not started yet`}
                {acting.has(u.id) ? `; ${acting.get(u.id)} is acting lead` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section
        id="acting"
        title="Acting leads"
        description="Units where someone in post stands in for the lead."
        figures={["acting-leads"]}
      >
        {h.acting.length === 0 ? (
          <Empty>No unit here has an acting lead.</Empty>
        ) : (
          <ul className="space-y-1 text-sm" aria-label="Acting leads">
            {h.acting.map((u) => (
              <li key={u.id}>
                <UnitName org={org} unit={u} />
                <Link className="hover:underline" href={`/${org}/people/${u.actingLeadId}`}>
                  {u.actingLeadName}
                </Link>{" "}
                acting{u.leadName ? ` for ${u.leadName}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
