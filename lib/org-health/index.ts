import "server-only";

import { db } from "@/lib/db";
import * as q from "@/lib/org-health/queries";

// Everything the org health page shows for one scope and day, read in parallel. Each figure is
// one SQL statement of lib/org-health/queries.ts; this adds only the org's span thresholds and
// the outlier lists, which are the same rows filtered by those thresholds (in SQL order).

export type OrgHealth = Awaited<ReturnType<typeof getOrgHealth>>;

export async function getOrgHealth(scope: q.Scope) {
  const [org, unit, spans, distribution, layers, ratio, noLead, acting, attrition, attritionUnits, fill, fillUnits, tenure, newManagers] =
    await Promise.all([
      db.organization.findUniqueOrThrow({ where: { id: scope.orgId }, select: { spanMax: true, spanMin: true } }),
      scope.unitId
        ? db.orgUnit.findFirst({ where: { id: scope.unitId, orgId: scope.orgId }, select: { id: true, name: true, code: true } })
        : null,
      q.spanOfControl(scope),
      q.spanDistribution(scope),
      q.layers(scope),
      q.managerIcRatio(scope),
      q.unitsWithoutLead(scope),
      q.actingLeads(scope),
      q.attritionTotal(scope),
      q.attritionByUnit(scope),
      q.timeToFill(scope),
      q.timeToFillByUnit(scope),
      q.tenureDistribution(scope),
      q.newManagers(scope),
    ]);
  return {
    thresholds: { spanMax: org.spanMax, spanMin: org.spanMin },
    unit,
    spans,
    overSpan: spans.filter((m) => m.span > org.spanMax),
    underSpan: spans.filter((m) => m.span < org.spanMin),
    distribution,
    layers,
    ratio,
    noLead,
    acting,
    attrition,
    attritionUnits,
    fill,
    fillUnits,
    tenure,
    newManagers,
  };
}
