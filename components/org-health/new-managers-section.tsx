import { Empty, ManagerLink, type OrgHealthSectionProps, Section } from "@/components/org-health/parts";
import { formatDate } from "@/lib/format";

/** New managers: managing anyone for under 6 months, each opening their manager page. */
export function NewManagersSection({ org, health: h }: OrgHealthSectionProps) {
  return (
    <Section id="new-managers" title="New managers" description="Managing anyone for less than 6 months." figures={["new-managers"]}>
      {h.newManagers.length === 0 ? (
        <Empty>No new managers here.</Empty>
      ) : (
        <ul className="space-y-1 text-sm">
          {h.newManagers.map((m) => (
            <li key={m.id}>
              <ManagerLink org={org} id={m.id} name={m.name} />{" "}
              <span className="text-muted-foreground">
                {m.title}, {m.unitName} — managing since {formatDate(m.managingSince)}, {m.span} {m.span === 1 ? "report" : "reports"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
