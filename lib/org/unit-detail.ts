import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { type UnitContents, unitContents } from "@/lib/org/unit-contents";

// The unit page (app/(app)/[org]/teams/units/[id]): the unit, where it sits, what is inside,
// and its history — its own periods (OrgUnitHistory) and who joined or left it (PersonAssignment).
// Plain DTOs: dates as YYYY-MM-DD strings.

type UnitRef = { id: string; name: string; code: string };

export type UnitHistoryRow = {
  effectiveFrom: string;
  effectiveTo: string | null;
  change: string;
  name: string;
  code: string;
  kind: string;
  parent: UnitRef | null;
  leadName: string | null;
  actingLeadName: string | null;
  successor: UnitRef | null;
  closed: boolean;
  actorName: string | null;
};

export type UnitMoveRow = { personId: string; personName: string; effectiveFrom: string; effectiveTo: string | null };

export type UnitDetail = {
  id: string;
  name: string;
  code: string;
  kind: string;
  version: number;
  closedOn: string | null;
  lead: { id: string; name: string } | null;
  actingLead: { id: string; name: string } | null;
  /** Root first, the unit's parent last. */
  path: UnitRef[];
  children: UnitRef[];
  /** Open units with the same parent: merge targets. */
  siblings: UnitRef[];
  contents: UnitContents;
  history: UnitHistoryRow[];
  /** Periods people spent in the unit (newest first, at most HISTORY_LIMIT). */
  people: UnitMoveRow[];
};

const HISTORY_LIMIT = 100;

export async function getUnitDetail(orgId: string, unitId: string, today = toDateString(new Date())): Promise<UnitDetail | null> {
  const unit = await db.orgUnit.findFirst({
    where: { id: unitId, orgId },
    select: {
      id: true,
      name: true,
      code: true,
      kind: true,
      version: true,
      closedOn: true,
      parentId: true,
      lead: { select: { id: true, name: true } },
      actingLead: { select: { id: true, name: true } },
    },
  });
  if (!unit) return null;
  const ref = { id: true, name: true, code: true } as const;
  const [path, children, siblings, contents, history, people] = await Promise.all([
    db.$queryRaw<UnitRef[]>`
      SELECT a."id", a."name", a."code" FROM "OrgUnitClosure" c JOIN "OrgUnit" a ON a."id" = c."ancestorId" AND a."orgId" = c."orgId"
      WHERE c."orgId" = ${orgId} AND c."descendantId" = ${unitId} AND c."depth" > 0 ORDER BY c."depth" DESC`,
    db.orgUnit.findMany({ where: { orgId, parentId: unitId, closedOn: null }, select: ref, orderBy: [{ name: "asc" }, { code: "asc" }] }),
    db.orgUnit.findMany({
      where: { orgId, parentId: unit.parentId, closedOn: null, id: { not: unitId } },
      select: ref,
      orderBy: [{ name: "asc" }, { code: "asc" }],
    }),
    unitContents(db, orgId, unitId, today),
    db.$queryRaw<UnitHistoryRow[]>`
      SELECT to_char(h."effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom", to_char(h."effectiveTo", 'YYYY-MM-DD') AS "effectiveTo",
             h."change", h."name", h."code", h."kind"::text AS "kind", h."closed",
             CASE WHEN p."id" IS NULL THEN NULL ELSE json_build_object('id', p."id", 'name', p."name", 'code', p."code") END AS "parent",
             l."name" AS "leadName", al."name" AS "actingLeadName",
             CASE WHEN s."id" IS NULL THEN NULL ELSE json_build_object('id', s."id", 'name', s."name", 'code', s."code") END AS "successor",
             usr."name" AS "actorName"
      FROM "OrgUnitHistory" h
      LEFT JOIN "OrgUnit" p ON p."id" = h."parentId" AND p."orgId" = h."orgId"
      LEFT JOIN "Person" l ON l."id" = h."leadId" AND l."orgId" = h."orgId"
      LEFT JOIN "Person" al ON al."id" = h."actingLeadId" AND al."orgId" = h."orgId"
      LEFT JOIN "OrgUnit" s ON s."id" = h."successorId" AND s."orgId" = h."orgId"
      LEFT JOIN "User" usr ON usr."id" = h."actorId"
      WHERE h."orgId" = ${orgId} AND h."unitId" = ${unitId}
      ORDER BY h."effectiveFrom" DESC, h."createdAt" DESC
      LIMIT ${HISTORY_LIMIT}`,
    db.$queryRaw<UnitMoveRow[]>`
      SELECT a."personId", p."name" AS "personName", to_char(a."effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom", to_char(a."effectiveTo", 'YYYY-MM-DD') AS "effectiveTo"
      FROM "PersonAssignment" a JOIN "Person" p ON p."id" = a."personId" AND p."orgId" = a."orgId"
      WHERE a."orgId" = ${orgId} AND a."orgUnitId" = ${unitId}
      ORDER BY a."effectiveFrom" DESC, p."name"
      LIMIT ${HISTORY_LIMIT}`,
  ]);
  return {
    id: unit.id,
    name: unit.name,
    code: unit.code,
    kind: unit.kind,
    version: unit.version,
    closedOn: unit.closedOn ? toDateString(unit.closedOn) : null,
    lead: unit.lead,
    actingLead: unit.actingLead,
    path,
    children,
    siblings,
    contents,
    history,
    people,
  };
}

export type UnitAsOf = {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  kind: string;
  leadId: string | null;
  closed: boolean;
};

/**
 * The org tree as it was on a day, from the unit history: each unit's period covering that day
 * (units created later are absent). The base of "as it was" views of a past period.
 */
export async function unitTreeAsOf(orgId: string, day: string): Promise<UnitAsOf[]> {
  return db.$queryRaw<UnitAsOf[]>`
    SELECT h."unitId" AS "id", h."parentId", h."name", h."code", h."kind"::text AS "kind", h."leadId", h."closed"
    FROM "OrgUnitHistory" h
    WHERE h."orgId" = ${orgId} AND h."effectiveFrom" <= ${day}::date AND (h."effectiveTo" IS NULL OR h."effectiveTo" >= ${day}::date)
    ORDER BY h."name", h."code"`;
}
