import { AttritionSection } from "@/components/org-health/attrition-section";
import { FillSection } from "@/components/org-health/fill-section";
import { LayersSection } from "@/components/org-health/layers-section";
import { LeadsSection } from "@/components/org-health/leads-section";
import { NewManagersSection } from "@/components/org-health/new-managers-section";
import { OrgHealthSummary } from "@/components/org-health/org-health-summary";
import type { OrgHealthSectionProps } from "@/components/org-health/parts";
import { RatioSection } from "@/components/org-health/ratio-section";
import { SpanSection } from "@/components/org-health/span-section";
import { TenureSection } from "@/components/org-health/tenure-section";

// The org health page's body: the tiles, then one section per figure, each in its own file.
// Server-rendered tables and CSS bars: nothing here needs the browser, and every list is small
// (one row per manager or unit of the scope).

export function OrgHealthView(props: OrgHealthSectionProps) {
  return (
    <>
      <OrgHealthSummary {...props} />
      <SpanSection {...props} />
      <LayersSection {...props} />
      <RatioSection {...props} />
      <LeadsSection {...props} />
      <AttritionSection {...props} />
      <FillSection {...props} />
      <TenureSection {...props} />
      <NewManagersSection {...props} />
    </>
  );
}
