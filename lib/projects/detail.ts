import "server-only";

import { db } from "@/lib/db";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { healthCounts, healthFacts } from "@/lib/projects/health-facts";
import { suggestHealth, type ChosenHealth, type HealthReason } from "@/lib/projects/health-rules";
import { updateState, type UpdateState } from "@/lib/projects/staleness";

// One project with its history, for the project page. Tenant-scoped by (id, orgId): an id from
// another org finds nothing, and the page answers 404.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export type StatusUpdateDto = {
  id: string;
  health: Health;
  summary: string;
  body: string;
  createdAt: string;
  /** When the author last edited it (null: never). */
  editedAt: string | null;
  author: string;
  authorId: string;
  suggestedHealth: Health | null;
  overrideReason: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

export type ProjectDetailDto = {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  health: Health;
  healthChangedAt: string | null;
  lastUpdateAt: string | null;
  startDate: string | null;
  targetDate: string | null;
  completedDate: string | null;
  budgetCents: number | null;
  spentCents: number | null;
  capex: boolean;
  archivedAt: string | null;
  version: number;
  team: { id: string; name: string; code: string };
  lead: { id: string; name: string; title: string } | null;
  initiative: { id: string; name: string } | null;
  /** Who acknowledges updates: the lead's manager, else the owning unit's lead. */
  reviewer: { name: string; userId: string | null } | null;
  updates: StatusUpdateDto[];
  milestones: { id: string; name: string; dueDate: string; doneDate: string | null }[];
  blockedBy: { id: string; dependencyId: string; name: string; health: Health; note: string }[];
  blocks: { id: string; dependencyId: string; name: string; health: Health; note: string }[];
  suggestion: { health: ChosenHealth; reasons: HealthReason[] };
  updateState: UpdateState;
};

type HeaderRow = {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  health: Health;
  healthChangedAt: Date | null;
  lastUpdateAt: Date | null;
  startDate: Date | null;
  targetDate: Date | null;
  completedDate: Date | null;
  budgetCents: bigint | null;
  capex: boolean;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  unitId: string;
  unitName: string;
  unitCode: string;
  unitLeadName: string | null;
  unitLeadUserId: string | null;
  leadId: string | null;
  leadName: string | null;
  leadTitle: string | null;
  managerName: string | null;
  managerUserId: string | null;
  initiativeId: string | null;
  initiativeName: string | null;
};

type UpdateRow = Omit<StatusUpdateDto, "createdAt" | "acknowledgedAt" | "editedAt"> & {
  createdAt: Date;
  acknowledgedAt: Date | null;
  editedAt: Date | null;
};
type DependencyRow = { dependencyId: string; note: string; waitsOn: boolean; id: string; name: string; health: Health };

/**
 * The page's reads run side by side, one statement per panel (to-one relations joined, lists
 * with their names joined): Prisma's nested selects cost a query per relation, ~30 per page.
 * Every table read repeats the org, so an id from another org finds nothing and the indexes
 * that lead with orgId serve each read (without it the history scans every status update).
 */
export async function getProjectDetail(orgId: string, id: string, now = new Date()): Promise<ProjectDetailDto | null> {
  const today = todayString(now);
  const [[p], updates, milestones, dependencies, counts, cadence] = await Promise.all([
    db.$queryRaw<HeaderRow[]>`
      SELECT p.id, p.name, p.description, p.status::text AS status, p.health::text AS health, p."healthChangedAt", p."lastUpdateAt",
        p."startDate", p."targetDate", p."completedDate", p."budgetCents", p.capex, p."archivedAt", p.version, p."createdAt",
        u.id AS "unitId", u.name AS "unitName", u.code AS "unitCode", ul.name AS "unitLeadName", ul."userId" AS "unitLeadUserId",
        le.id AS "leadId", le.name AS "leadName", le.title AS "leadTitle", mg.name AS "managerName", mg."userId" AS "managerUserId",
        i.id AS "initiativeId", i.name AS "initiativeName"
      FROM "Project" p
      JOIN "OrgUnit" u ON u."orgId" = p."orgId" AND u.id = p."orgUnitId"
      LEFT JOIN "Person" ul ON ul."orgId" = p."orgId" AND ul.id = u."leadId"
      LEFT JOIN "Person" le ON le."orgId" = p."orgId" AND le.id = p."leadId"
      LEFT JOIN "Person" mg ON mg."orgId" = p."orgId" AND mg.id = le."managerId"
      LEFT JOIN "Initiative" i ON i."orgId" = p."orgId" AND i.id = p."initiativeId"
      WHERE p."orgId" = ${orgId} AND p.id = ${id}`,
    db.$queryRaw<UpdateRow[]>`
      SELECT s.id, s.health::text AS health, s.summary, s.body, s."createdAt", s."editedAt", s."suggestedHealth"::text AS "suggestedHealth",
        s."overrideReason", s."acknowledgedAt", au.name AS author, au.id AS "authorId", ak.name AS "acknowledgedBy"
      FROM "StatusUpdate" s
      JOIN "User" au ON au.id = s."authorId"
      LEFT JOIN "User" ak ON ak.id = s."acknowledgedById"
      WHERE s."orgId" = ${orgId} AND s."projectId" = ${id}
      ORDER BY s."createdAt" DESC, s.id DESC`,
    db.milestone.findMany({
      where: { orgId, projectId: id },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { id: true, name: true, dueDate: true, doneDate: true },
    }),
    // Both directions in one read: waitsOn = this project is the blocked one.
    db.$queryRaw<DependencyRow[]>`
      SELECT d.id AS "dependencyId", d.note, d."blockedId" = ${id} AS "waitsOn", o.id, o.name, o.health::text AS health
      FROM "ProjectDependency" d
      JOIN "Project" o ON o."orgId" = d."orgId" AND o.id = CASE WHEN d."blockedId" = ${id} THEN d."blockerId" ELSE d."blockedId" END
      WHERE d."orgId" = ${orgId} AND (d."blockedId" = ${id} OR d."blockerId" = ${id})
      ORDER BY d."createdAt", d.id`,
    healthCounts(db, orgId, id),
    getCadence(orgId),
  ]);
  if (!p) return null;
  const milestoneDtos = milestones.map((m) => ({ id: m.id, name: m.name, dueDate: day(m.dueDate)!, doneDate: day(m.doneDate) }));
  const dependency = (d: DependencyRow) => ({ id: d.id, dependencyId: d.dependencyId, name: d.name, health: d.health, note: d.note });
  const blockedBy = dependencies.filter((d) => d.waitsOn).map(dependency);
  const budgetCents = p.budgetCents === null ? null : centsToNumber(p.budgetCents);
  const facts = healthFacts(
    today,
    {
      status: p.status,
      targetDate: day(p.targetDate),
      budgetCents,
      milestones: milestoneDtos,
      blockers: blockedBy.map((b) => ({ name: b.name, health: b.health })),
    },
    counts,
  );
  // Who acknowledges: the lead's manager, else the owning unit's lead.
  const reviewer = p.managerName
    ? { name: p.managerName, userId: p.managerUserId }
    : p.unitLeadName
      ? { name: p.unitLeadName, userId: p.unitLeadUserId }
      : null;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status,
    health: p.health,
    healthChangedAt: iso(p.healthChangedAt),
    lastUpdateAt: iso(p.lastUpdateAt),
    startDate: day(p.startDate),
    targetDate: day(p.targetDate),
    completedDate: day(p.completedDate),
    budgetCents,
    spentCents: facts.spentCents,
    capex: p.capex,
    archivedAt: iso(p.archivedAt),
    version: p.version,
    team: { id: p.unitId, name: p.unitName, code: p.unitCode },
    lead: p.leadId ? { id: p.leadId, name: p.leadName!, title: p.leadTitle! } : null,
    initiative: p.initiativeId ? { id: p.initiativeId, name: p.initiativeName! } : null,
    reviewer,
    updates: updates.map((u) => ({
      ...u,
      createdAt: u.createdAt.toISOString(),
      editedAt: iso(u.editedAt),
      acknowledgedAt: iso(u.acknowledgedAt),
    })),
    milestones: milestoneDtos,
    blockedBy,
    blocks: dependencies.filter((d) => !d.waitsOn).map(dependency),
    suggestion: suggestHealth(facts),
    updateState: updateState(
      {
        today,
        active: p.status === "ACTIVE",
        lastUpdate: day(p.lastUpdateAt),
        since: day(p.startDate && p.startDate > p.createdAt ? p.startDate : p.createdAt)!,
      },
      cadence,
    ),
  };
}
