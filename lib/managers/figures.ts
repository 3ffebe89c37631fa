import "server-only";

import { db } from "@/lib/db";
import { getDeliveryFigures } from "@/lib/dashboard/delivery-figures";
import { getPeopleFigures } from "@/lib/dashboard/people-figures";
import { fiscalPeriod, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { teamUnitSql } from "@/lib/managers/team";
import * as oh from "@/lib/org-health/queries";
import { inChainSql } from "@/lib/managers/chain";
import { getCadence } from "@/lib/projects/cadence";
import { updatePunctuality } from "@/lib/projects/punctuality";
import { getDeliveryReview } from "@/lib/projects/review";
import { COUNTS_ONLY } from "@/lib/projects/review-lists";
import { projectUpdateStateSql } from "@/lib/projects/staleness-sql";

// The figures of a manager's page and the dashboard's "managers needing support". Nothing here
// defines a figure anew: each comes from the function that defines it (docs/figures.md) — org
// health for span, new managers and attrition, the people panel for heads vs plan and open
// positions, the delivery review for at-risk, stale and due projects, update punctuality — applied to the manager
// (span, new) or to their team (docs/figures.md, "Managers": the unit they lead and below).

/** Team attrition over the trailing 12 months at or above this is "high" (`managers-needing-support`). */
const HIGH_ATTRITION_PCT = 20;

export type ManagerFigures = Awaited<ReturnType<typeof getManagerFigures>>;

/**
 * The figures of one manager's page, today. `unitId` is the unit the manager is in (their span
 * and tenure as a manager are counted there), `teamUnitId` their team's unit.
 */
export async function getManagerFigures(
  orgId: string,
  startMonth: number,
  m: { id: string; unitId: string; teamUnitId: string; viewerUserId: string },
  now = new Date(),
) {
  const day = toDateString(now);
  const own = { orgId, unitId: m.unitId, day };
  const team = { orgId, unitId: m.teamUnitId, day };
  const fp = fiscalPeriod(now, startMonth);
  const [org, spans, newManagers, people, delivery, review, attrition, punctuality] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { spanMax: true, spanMin: true } }),
    oh.spanOfControl(own),
    oh.newManagers(own),
    getPeopleFigures(
      orgId,
      startMonth,
      { unitId: m.teamUnitId, fiscalYear: fp.fiscalYear, period: `q${fp.quarter}` as `q${1 | 2 | 3 | 4}` },
      now,
    ),
    getDeliveryFigures(orgId, m.teamUnitId, now),
    getDeliveryReview({ orgId, unitId: m.teamUnitId, viewerUserId: m.viewerUserId }, COUNTS_ONLY, now),
    oh.attritionTotal(team),
    updatePunctuality(orgId, m.teamUnitId, now),
  ]);
  const span = spans.find((s) => s.id === m.id)?.span ?? 0;
  return {
    day,
    fiscalYear: fp.fiscalYear,
    thresholds: { spanMax: org.spanMax, spanMin: org.spanMin },
    /** `span-of-control` of this manager. */
    span,
    spanOutlier: span > org.spanMax ? ("over" as const) : span > 0 && span < org.spanMin ? ("under" as const) : null,
    /** `new-managers`: the day they started managing when that is under 6 months ago. */
    managingSince: newManagers.find((n) => n.id === m.id)?.managingSince ?? null,
    /** `heads-in-post` vs `planned-heads` of the team for the current quarter. */
    quarter: people.quarter,
    /** `open-positions` and `days-open` of the team. */
    openPositions: people.openPositions,
    avgDaysOpen: people.avgDaysOpen,
    oldestOpen: people.oldest,
    positionFilters: people.positionFilters,
    /** `active-projects`, `at-risk-and-off-track`, `stale`, `updates-due` of the team. */
    delivery: { active: delivery.active, atRisk: review.counts.atRisk, stale: review.counts.stale, due: review.counts.due },
    /** `attrition` of the team. */
    attrition,
    /** `update-punctuality` of the team. */
    punctuality,
  };
}

export type SupportReason = "new" | "over-span" | "high-attrition" | "stale-updates";
export type ManagerNeedingSupport = {
  id: string;
  name: string;
  title: string;
  teamName: string;
  span: number;
  reasons: SupportReason[];
  attritionPct: number | null;
  stale: number;
};

/**
 * `managers-needing-support`: the managers in post in the unit and below (the whole org when
 * null) who are new, over the span maximum, whose team's attrition is HIGH_ATTRITION_PCT or more,
 * or whose team has stale projects. With `belowUserId`, only the managers that user is above in
 * the reporting line (the pages they may open). Most reasons first, then by name.
 */
export async function managersNeedingSupport(
  orgId: string,
  unitId: string | null,
  now = new Date(),
  belowUserId: string | null = null,
): Promise<ManagerNeedingSupport[]> {
  const day = toDateString(now);
  const scope = { orgId, unitId, day };
  const [org, spans, newManagers, attrition, cadence] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { spanMax: true } }),
    oh.spanOfControl(scope),
    oh.newManagers(scope),
    // Every unit's: a manager's team can lie outside the unit they are in.
    oh.attritionByUnit({ orgId, unitId: null, day }),
    getCadence(orgId),
  ]);
  if (spans.length === 0) return [];
  // Each manager's team once (MATERIALIZED: inlined, its lookup ran once per use, four times a manager).
  const teams = await db.$queryRaw<{ id: string; teamId: string; teamName: string; stale: number; visible: boolean }[]>`
    WITH team AS MATERIALIZED (
      SELECT m."id", ${teamUnitSql(orgId)} AS "teamId", ${belowUserId ? inChainSql(orgId, Prisma.sql`m."id"`, belowUserId) : Prisma.sql`true`} AS "visible"
      FROM "Person" m WHERE m."orgId" = ${orgId} AND m."id" = ANY(${spans.map((s) => s.id)}::text[])
    ),
    st AS (
      SELECT p."orgUnitId", ${projectUpdateStateSql(cadence, day)}
      FROM "Project" p WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status = 'ACTIVE'
    ),
    -- Stale projects per unit subtree, counted in one pass (per team, it was a scan per manager).
    stale AS (
      SELECT c."ancestorId", COUNT(*)::int AS "n"
      FROM st JOIN "OrgUnitClosure" c ON c."orgId" = ${orgId} AND c."descendantId" = st."orgUnitId"
      WHERE st."updState" = 'stale' GROUP BY c."ancestorId"
    )
    SELECT t."id", t."teamId", u."name" AS "teamName", t."visible", COALESCE(s."n", 0)::int AS "stale"
    FROM team t JOIN "OrgUnit" u ON u."orgId" = ${orgId} AND u."id" = t."teamId"
    LEFT JOIN stale s ON s."ancestorId" = t."teamId"`;
  const teamOf = new Map(teams.map((t) => [t.id, t]));
  const isNew = new Set(newManagers.map((n) => n.id));
  const rateOf = new Map(attrition.map((a) => [a.id, a.ratePct]));
  const out: ManagerNeedingSupport[] = [];
  for (const s of spans) {
    const t = teamOf.get(s.id);
    if (!t?.visible) continue;
    const attritionPct = rateOf.get(t.teamId) ?? null;
    const reasons: SupportReason[] = [];
    if (isNew.has(s.id)) reasons.push("new");
    if (s.span > org.spanMax) reasons.push("over-span");
    if (attritionPct !== null && attritionPct >= HIGH_ATTRITION_PCT) reasons.push("high-attrition");
    if (t.stale > 0) reasons.push("stale-updates");
    if (reasons.length)
      out.push({ id: s.id, name: s.name, title: s.title, teamName: t.teamName, span: s.span, reasons, attritionPct, stale: t.stale });
  }
  const byName = new Intl.Collator("und-u-kn-true").compare;
  return out.sort((a, b) => b.reasons.length - a.reasons.length || byName(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
