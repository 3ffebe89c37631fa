import { Bars, Empty, type OrgHealthSectionProps, Section } from "@/components/org-health/parts";
import { orgHealthDrills, peopleHref } from "@/lib/org-health/drills";

/** Layers: individual contributors by the number of managers above them. */
export function LayersSection({ org, health: h, day, unitId }: OrgHealthSectionProps) {
  const drills = orgHealthDrills(day);
  return (
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
            href: peopleHref(org, drills.layer(l.layers), unitId),
          }))}
        />
      )}
    </Section>
  );
}
