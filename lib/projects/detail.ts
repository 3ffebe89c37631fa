import "server-only";

import { db } from "@/lib/db";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";

// One project with its recent history, for the project page. Tenant-scoped by (id, orgId): an
// id from another org finds nothing, and the page answers 404.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

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
  capex: boolean;
  team: { id: string; name: string; code: string };
  lead: { id: string; name: string; title: string } | null;
  initiative: { id: string; name: string } | null;
  updates: { id: string; health: Health; summary: string; body: string; createdAt: string; author: string; acknowledgedAt: string | null; acknowledgedBy: string | null }[];
  milestones: { id: string; name: string; dueDate: string; doneDate: string | null }[];
  blockedBy: { id: string; name: string; health: Health }[];
  blocks: { id: string; name: string; health: Health }[];
};

export async function getProjectDetail(orgId: string, id: string, updatesLimit = 12): Promise<ProjectDetailDto | null> {
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
      orgUnit: { select: { id: true, name: true, code: true } },
      lead: { select: { id: true, name: true, title: true } },
      initiative: { select: { id: true, name: true } },
      updates: {
        orderBy: { createdAt: "desc" },
        take: updatesLimit,
        select: {
          id: true,
          health: true,
          summary: true,
          body: true,
          createdAt: true,
          acknowledgedAt: true,
          author: { select: { name: true } },
          acknowledgedBy: { select: { name: true } },
        },
      },
      milestones: { orderBy: { dueDate: "asc" }, select: { id: true, name: true, dueDate: true, doneDate: true } },
      blockedBy: { select: { blocker: { select: { id: true, name: true, health: true } } } },
      blocks: { select: { blocked: { select: { id: true, name: true, health: true } } } },
    },
  });
  if (!p) return null;
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
    capex: p.capex,
    team: p.orgUnit,
    lead: p.lead,
    initiative: p.initiative,
    updates: p.updates.map((u) => ({
      id: u.id,
      health: u.health,
      summary: u.summary,
      body: u.body,
      createdAt: u.createdAt.toISOString(),
      author: u.author.name,
      acknowledgedAt: iso(u.acknowledgedAt),
      acknowledgedBy: u.acknowledgedBy?.name ?? null,
    })),
    milestones: p.milestones.map((m) => ({ id: m.id, name: m.name, dueDate: day(m.dueDate)!, doneDate: day(m.doneDate) })),
    blockedBy: p.blockedBy.map((d) => d.blocker),
    blocks: p.blocks.map((d) => d.blocked),
  };
}
