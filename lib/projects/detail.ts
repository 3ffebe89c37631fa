import "server-only";

import { db } from "@/lib/db";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { loadHealthFacts } from "@/lib/projects/health-facts";
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
  author: string;
  authorId: string;
  suggestedHealth: Health | null;
  overrideReason: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

export type AuditEntryDto = { id: string; at: string; actor: string | null; action: string; before: unknown; after: unknown };

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
  audit: AuditEntryDto[];
};

export async function getProjectDetail(orgId: string, id: string, now = new Date()): Promise<ProjectDetailDto | null> {
  const p = await db.project.findFirst({
    where: { id, orgId },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      health: true,
      healthChangedAt: true,
      lastUpdateAt: true,
      startDate: true,
      targetDate: true,
      completedDate: true,
      budgetCents: true,
      capex: true,
      archivedAt: true,
      version: true,
      createdAt: true,
      orgUnit: { select: { id: true, name: true, code: true, lead: { select: { name: true, userId: true } } } },
      lead: { select: { id: true, name: true, title: true, manager: { select: { name: true, userId: true } } } },
      initiative: { select: { id: true, name: true } },
      // Every relation read repeats the org: the indexes lead with orgId (without it the history
      // is a sequential scan of every status update — 120 ms at 250,000 updates).
      updates: {
        where: { orgId },
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          health: true,
          summary: true,
          body: true,
          createdAt: true,
          suggestedHealth: true,
          overrideReason: true,
          acknowledgedAt: true,
          author: { select: { id: true, name: true } },
          acknowledgedBy: { select: { name: true } },
        },
      },
      milestones: { where: { orgId }, orderBy: { dueDate: "asc" }, select: { id: true, name: true, dueDate: true, doneDate: true } },
      blockedBy: { where: { orgId }, select: { id: true, note: true, blocker: { select: { id: true, name: true, health: true } } } },
      blocks: { where: { orgId }, select: { id: true, note: true, blocked: { select: { id: true, name: true, health: true } } } },
    },
  });
  if (!p) return null;
  const today = todayString(now);
  const [facts, cadence, audit] = await Promise.all([
    loadHealthFacts(db, orgId, id, today),
    getCadence(orgId),
    db.auditEvent.findMany({
      where: {
        orgId,
        OR: [
          { entityType: "Project", entityId: id },
          { entityType: { in: ["Milestone", "ProjectDependency"] }, after: { path: ["projectId"], equals: id } },
          { entityType: { in: ["Milestone", "ProjectDependency"] }, before: { path: ["projectId"], equals: id } },
        ],
      },
      orderBy: { at: "desc" },
      take: 50,
      select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true } } },
    }),
  ]);
  const reviewer = p.lead?.manager ?? p.orgUnit.lead ?? null;
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
    budgetCents: p.budgetCents === null ? null : centsToNumber(p.budgetCents),
    spentCents: facts?.spentCents ?? null,
    capex: p.capex,
    archivedAt: iso(p.archivedAt),
    version: p.version,
    team: { id: p.orgUnit.id, name: p.orgUnit.name, code: p.orgUnit.code },
    lead: p.lead ? { id: p.lead.id, name: p.lead.name, title: p.lead.title } : null,
    initiative: p.initiative,
    reviewer: reviewer ? { name: reviewer.name, userId: reviewer.userId } : null,
    updates: p.updates.map((u) => ({
      id: u.id,
      health: u.health,
      summary: u.summary,
      body: u.body,
      createdAt: u.createdAt.toISOString(),
      author: u.author.name,
      authorId: u.author.id,
      suggestedHealth: u.suggestedHealth,
      overrideReason: u.overrideReason,
      acknowledgedAt: iso(u.acknowledgedAt),
      acknowledgedBy: u.acknowledgedBy?.name ?? null,
    })),
    milestones: p.milestones.map((m) => ({ id: m.id, name: m.name, dueDate: day(m.dueDate)!, doneDate: day(m.doneDate) })),
    blockedBy: p.blockedBy.map((d) => ({ ...d.blocker, dependencyId: d.id, note: d.note })),
    blocks: p.blocks.map((d) => ({ ...d.blocked, dependencyId: d.id, note: d.note })),
    suggestion: suggestHealth(facts!),
    updateState: updateState(
      {
        today,
        active: p.status === "ACTIVE",
        lastUpdate: day(p.lastUpdateAt),
        since: day(p.startDate && p.startDate > p.createdAt ? p.startDate : p.createdAt)!,
      },
      cadence,
    ),
    audit: audit.map((a) => ({ id: a.id, at: a.at.toISOString(), actor: a.actor?.name ?? null, action: a.action, before: a.before, after: a.after })),
  };
}

