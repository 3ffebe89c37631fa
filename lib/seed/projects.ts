import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { InitiativeSpec } from "@/lib/seed/acme-initiatives";
import type { ProjectSpec } from "@/lib/seed/acme-projects";
import { elapsedDays } from "@/lib/dates";
import { addDays, addQuarters, atTime, fiscalQuarterOf, fiscalYearOf } from "@/lib/seed/dates";
import type { Rng } from "@/lib/seed/random";
import type { UnitRow } from "@/lib/seed/types";

export type PlannedProject = {
  id: string;
  spec: ProjectSpec;
  unit: UnitRow;
  leadId: string | null;
  startDate: Date;
  targetDate: Date;
  completedDate: Date | null;
  milestones: Prisma.MilestoneCreateManyInput[];
};

const MILESTONE_SETS: Record<string, string[]> = {
  "ENG-AUTO": ["Design review", "Bench validation", "Closed-course trials", "Pilot site rollout", "Fleet-wide release"],
  "ENG-PLAT": ["RFC approved", "Staging rollout", "First production service migrated", "50 % of traffic", "Legacy path retired"],
  default: ["Design sign-off", "Prototype demo", "Internal alpha", "Beta with pilot customers", "General availability"],
};

export function buildInitiatives(
  orgId: string,
  specs: InitiativeSpec[],
  units: Map<string, UnitRow>,
  today: Date,
  startMonth: number,
): Prisma.InitiativeCreateManyInput[] {
  const fy = fiscalYearOf(today, startMonth);
  const q = fiscalQuarterOf(today, startMonth);
  return specs.map((s) => {
    const unit = units.get(s.unit)!;
    const at = addQuarters(fy, q, s.offset);
    return {
      id: randomUUID(),
      orgId,
      orgUnitId: unit.id,
      name: s.name,
      objective: s.objective,
      ownerId: unit.leadId,
      status: s.status,
      fiscalYear: s.period === "year" ? fy : at.fy,
      fiscalQuarter: s.period === "quarter" ? at.q : null,
      fiscalHalf: s.period === "half" ? (at.q <= 2 ? 1 : 2) : null,
    };
  });
}

export function planProjects(
  orgId: string,
  specs: ProjectSpec[],
  initiativeIds: string[],
  units: Map<string, UnitRow>,
  rng: Rng,
  today: Date,
): { planned: PlannedProject[]; rows: Prisma.ProjectCreateManyInput[] } {
  const planned: PlannedProject[] = [];
  const rows: Prisma.ProjectCreateManyInput[] = [];
  for (const spec of specs) {
    const unit = units.get(spec.team)!;
    const startDate = addDays(today, spec.start * 7);
    const targetDate = addDays(today, spec.target * 7);
    const completedDate = spec.done !== undefined ? addDays(today, spec.done * 7) : null;
    const p: PlannedProject = {
      // The owning team's manager leads the project (and writes its weekly updates).
      id: randomUUID(),
      spec,
      unit,
      leadId: unit.leadId,
      startDate,
      targetDate,
      completedDate,
      milestones: [],
    };
    p.milestones = buildMilestones(orgId, p, rng, today);
    planned.push(p);
    rows.push({
      id: p.id,
      orgId,
      orgUnitId: unit.id,
      leadId: p.leadId,
      name: spec.name,
      description: spec.description,
      initiativeId: spec.initiative === null ? null : initiativeIds[spec.initiative],
      status: spec.status,
      startDate,
      targetDate,
      completedDate,
      capex: spec.capex ?? false,
      budgetCents: spec.budgetK ? BigInt(spec.budgetK) * 100_000n : null,
      createdAt: atTime(addDays(spec.start < 0 ? startDate : today, -rng.int(5, 20)), rng.int(9, 17), rng.int(0, 59)),
    });
  }
  return { planned, rows };
}

function buildMilestones(orgId: string, p: PlannedProject, rng: Rng, today: Date): Prisma.MilestoneCreateManyInput[] {
  const names = MILESTONE_SETS[p.unit.code.split("-").slice(0, 2).join("-")] ?? MILESTONE_SETS.default;
  const k = rng.int(3, 4);
  const picked = [...names.slice(0, k - 1), names[names.length - 1]];
  // A finished project's milestones all fall before the day it shipped.
  const end = p.completedDate ?? p.targetDate;
  const span = elapsedDays(p.startDate, end);
  const dues = picked.map((_, i) => addDays(p.startDate, Math.round((span * (i + 1)) / k)));
  // The latest past-due milestone of a slipping project stays open: that is what "overdue" looks like.
  const lastPast = dues.map((d) => d < today).lastIndexOf(true);
  const slipping = p.spec.profile === "risk" || p.spec.profile === "off";
  return picked.map((name, i) => {
    const due = dues[i];
    let doneDate: Date | null = null;
    if (p.spec.status === "DONE") {
      doneDate = addDays(due, -rng.int(0, 4));
    } else if (due < today && !(slipping && i === lastPast)) {
      doneDate = addDays(due, rng.int(-4, 5));
      if (doneDate >= today) doneDate = addDays(today, -1);
    }
    return { id: randomUUID(), orgId, projectId: p.id, name, dueDate: due, doneDate };
  });
}

export function buildDependencies(
  orgId: string,
  deps: [string, string, string][],
  planned: PlannedProject[],
): Prisma.ProjectDependencyCreateManyInput[] {
  const byName = new Map(planned.map((p) => [p.spec.name, p.id]));
  return deps.map(([blocker, blocked, note]) => ({ orgId, blockerId: byName.get(blocker)!, blockedId: byName.get(blocked)!, note }));
}

/** Project health mirrors its latest update; projects without updates stay UNKNOWN. */
export function applyProjectHealth(
  rows: Prisma.ProjectCreateManyInput[],
  state: Map<string, { health: Prisma.ProjectCreateManyInput["health"]; healthChangedAt: Date; lastUpdateAt: Date }>,
): void {
  for (const row of rows) {
    const s = state.get(row.id!);
    if (s) Object.assign(row, s);
  }
}
