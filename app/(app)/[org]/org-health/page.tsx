import { notFound } from "next/navigation";
import { z } from "zod";

import { OrgHealthView } from "@/components/org-health/org-health-view";
import { PageHeader } from "@/components/shell/page-header";
import { FilterField, FilterForm } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { requireMember } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { toDateString } from "@/lib/fiscal";
import { getOrgHealth } from "@/lib/org-health";
import { orgHealthScope } from "@/lib/org-health/scope";
import { grantFor } from "@/lib/permissions";
import { parseSearch, type SearchParams, zDayParam, zParam } from "@/lib/search-params";

export const metadata = { title: "Org health" };

const ZSearch = z.object({ unit: zParam(), on: zDayParam() });

/**
 * Org health: spans, layers, ratios, leads, attrition, time to fill, tenure and new managers of
 * a unit's subtree (?unit=, default the whole org; a manager's own subtree) on a day (?on=).
 * Directors and admins; managers for their subtree; 404 for anyone else and for a unit outside
 * the reader's reach. Salary-safe: nothing here reads pay.
 */
export default async function OrgHealthPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const member = await requireMember((await params).org);
  const sp = parseSearch(ZSearch, await searchParams);
  const scope = await orgHealthScope(member, sp.unit);
  if (!scope) notFound();
  const day = sp.on ?? toDateString(new Date());
  const health = await getOrgHealth({ orgId: member.org.id, unitId: scope.unitId, day });
  const slug = member.org.slug;
  const where = health.unit ? `${health.unit.name} and every unit below it` : "the whole organization";
  return (
    <>
      <PageHeader
        title="Org health"
        description={`The shape of ${where} on ${formatDate(day)}: spans, layers, leads, attrition and hiring. No figure here uses pay.`}
      />
      <FilterForm action={`/${slug}/org-health`} label="Org health filters">
        <FilterField id="oh-unit" label="Org unit">
          <SearchCombobox
            id="oh-unit"
            name="unit"
            source={`/${slug}/teams/search`}
            initial={health.unit ? { id: health.unit.id, name: health.unit.name, title: health.unit.code } : null}
            emptyLabel={grantFor(member.role, "orghealth:read") === "scope" ? "My part of the organization" : "Whole organization"}
            className="w-64"
          />
        </FilterField>
        <FilterField id="oh-on" label="On">
          <Input id="oh-on" name="on" type="date" defaultValue={day} className="w-40" />
        </FilterField>
      </FilterForm>
      <OrgHealthView org={slug} health={health} day={day} unitId={scope.unitId} />
    </>
  );
}
