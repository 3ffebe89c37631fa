import Link from "next/link";

import { Bars, type OrgHealthSectionProps, Section } from "@/components/org-health/parts";
import { orgHealthDrills, peopleHref } from "@/lib/org-health/drills";
import { TENURE_BANDS } from "@/lib/org-health/tenure-bands";

/** Tenure: people in post by time since they started. */
export function TenureSection({ org, health: h, day, unitId }: OrgHealthSectionProps) {
  const unitQ = unitId ? `unit=${unitId}&` : "";
  const drills = orgHealthDrills(day);
  return (
    <Section id="tenure" title="Tenure" description="People in post by time since they started." figures={["tenure"]}>
      <Bars
        label="People by tenure"
        rows={TENURE_BANDS.map((label, band) => ({
          key: label,
          label,
          value: h.tenure.find((t) => t.band === band)?.people ?? 0,
          href: peopleHref(org, drills.tenure(band), unitId),
        }))}
      />
      <p className="mt-2 text-sm">
        <Link className="underline" href={`/${org}/teams?${unitQ}status=in-post&on=${day}#people`}>
          The people in post
        </Link>
      </p>
    </Section>
  );
}
