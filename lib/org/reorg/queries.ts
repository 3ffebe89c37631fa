import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import { toDateString } from "@/lib/fiscal";
import type { ReorgStatus } from "@/lib/generated/prisma/enums";
import type { ReorgImpact } from "@/lib/org/reorg/impact";
import { type ReorgStep, ZReorgSteps } from "@/lib/org/reorg/schemas";
import { STEP_VERBS } from "@/lib/org/reorg/steps";

// The reorgs pages' reads: plain DTOs, dates as YYYY-MM-DD.

export type ReorgListRow = {
  id: string;
  name: string;
  status: ReorgStatus;
  steps: number;
  effectiveOn: string | null;
  appliedOn: string | null;
  createdOn: string;
  createdBy: string | null;
  /** Drafted by a member who may not apply reorgs: a proposal for a director or admin to apply. */
  proposal: boolean;
};

/** `draftedBy`: only the reorgs that user drafted (a proposer's own), else all of the org's. */
export async function listReorgs(orgId: string, draftedBy: string | null = null): Promise<ReorgListRow[]> {
  const rows = await db.$queryRaw<
    (Omit<ReorgListRow, "effectiveOn" | "appliedOn" | "createdOn" | "proposal"> & {
      effectiveOn: Date | null;
      appliedAt: Date | null;
      createdAt: Date;
      creatorRole: string | null;
    })[]
  >`
    SELECT r."id", r."name", r."status"::text AS "status", jsonb_array_length(r."steps")::int AS "steps",
           r."effectiveOn", r."appliedAt", r."createdAt", u."name" AS "createdBy", m."role"::text AS "creatorRole"
    FROM "Reorg" r
    LEFT JOIN "User" u ON u."id" = r."createdById"
    LEFT JOIN "Membership" m ON m."orgId" = r."orgId" AND m."userId" = r."createdById"
    WHERE r."orgId" = ${orgId} ${draftedBy ? Prisma.sql`AND r."createdById" = ${draftedBy}` : Prisma.empty}
    ORDER BY CASE r."status" WHEN 'DRAFT' THEN 0 WHEN 'SCHEDULED' THEN 1 WHEN 'FAILED' THEN 2 ELSE 3 END,
             r."effectiveOn" NULLS LAST, r."createdAt" DESC
    LIMIT 200`;
  return rows.map(({ appliedAt, createdAt, effectiveOn, creatorRole, ...r }) => ({
    ...r,
    proposal: !can(creatorRole, "orgtree:write"),
    effectiveOn: effectiveOn ? toDateString(effectiveOn) : null,
    appliedOn: appliedAt ? toDateString(appliedAt) : null,
    createdOn: toDateString(createdAt),
  }));
}

/** A step as the page shows it: a verb and its units and people by name. */
type ReorgStepView = { index: number; kind: ReorgStep["kind"]; verb: string; text: string };

export type ReorgDetail = {
  id: string;
  name: string;
  status: ReorgStatus;
  version: number;
  effectiveOn: string | null;
  appliedOn: string | null;
  failure: string | null;
  steps: ReorgStepView[];
  /** Units the draft's steps create, to be named by later steps ("new:<code>"). */
  newUnits: { ref: string; name: string; code: string }[];
  /** What applying changed (applied reorgs only). */
  impact: ReorgImpact | null;
};

/** `draftedBy`: found only when that user drafted it (a proposer opens only their own). */
export async function getReorg(orgId: string, reorgId: string, draftedBy: string | null = null): Promise<ReorgDetail | null> {
  const row = await db.reorg.findFirst({
    where: { id: reorgId, orgId, ...(draftedBy ? { createdById: draftedBy } : {}) },
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      effectiveOn: true,
      appliedAt: true,
      failure: true,
      steps: true,
      impact: true,
    },
  });
  if (!row) return null;
  const steps = ZReorgSteps.parse(row.steps);
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  for (const s of steps) {
    for (const ref of [s.kind === "create" ? s.parent : s.unit, s.kind === "move" ? s.parent : s.kind === "merge" ? s.target : null]) {
      if (ref && !ref.startsWith("new:")) unitIds.add(ref);
    }
    for (const p of [
      s.kind === "person" ? s.personId : null,
      s.kind === "person" ? s.managerId : null,
      s.kind === "create" || s.kind === "lead" ? s.leadId : null,
    ]) {
      if (p) personIds.add(p);
    }
  }
  const [units, people] = await Promise.all([
    db.orgUnit.findMany({ where: { orgId, id: { in: [...unitIds] } }, select: { id: true, name: true, code: true } }),
    db.person.findMany({ where: { orgId, id: { in: [...personIds] } }, select: { id: true, name: true } }),
  ]);
  const newUnits = steps.flatMap((s) => (s.kind === "create" ? [{ ref: `new:${s.code.toLowerCase()}`, name: s.name, code: s.code }] : []));
  const unitName = (ref: string) => {
    const u = ref.startsWith("new:") ? newUnits.find((n) => n.ref === ref.toLowerCase()) : units.find((x) => x.id === ref);
    return u ? `${u.name} (${u.code})${ref.startsWith("new:") ? " (new)" : ""}` : "a unit that no longer exists";
  };
  const personName = (id: string | null | undefined, none: string) =>
    id ? (people.find((p) => p.id === id)?.name ?? "someone no longer in the org") : none;
  const text = (s: ReorgStep): string => {
    switch (s.kind) {
      case "move":
        return `${unitName(s.unit)} under ${unitName(s.parent)}`;
      case "merge":
        return `${unitName(s.unit)} into ${unitName(s.target)}`;
      case "create":
        return `${s.name} (${s.code}), ${s.unitKind.toLowerCase()} under ${unitName(s.parent)}, lead: ${personName(s.leadId, "none")}`;
      case "person":
        return `${personName(s.personId, "")} to ${unitName(s.unit)}${s.managerId === undefined ? "" : `, manager: ${personName(s.managerId, "none")}`}`;
      case "lead":
        return `${unitName(s.unit)}: ${personName(s.leadId, "no lead")}`;
    }
  };
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    effectiveOn: row.effectiveOn ? toDateString(row.effectiveOn) : null,
    appliedOn: row.appliedAt ? toDateString(row.appliedAt) : null,
    failure: row.failure,
    steps: steps.map((s, index) => ({ index, kind: s.kind, verb: STEP_VERBS[s.kind], text: text(s) })),
    newUnits,
    impact: (row.impact as ReorgImpact | null) ?? null,
  };
}
