import Link from "next/link";

import { Empty, type OrgHealthSectionProps, Section } from "@/components/org-health/parts";

/** Units without a lead: no lead, or a lead not in post on the day; each opens its unit page. */
export function LeadsSection({ org, health: h }: OrgHealthSectionProps) {
  return (
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
  );
}
