import { row } from "@/tests/support/authz/matrix";

// Projects, status updates, milestones, dependencies, staffing and the roadmap.
// Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN (see matrix.ts).
export const DELIVERY_ROWS = [
  row("project.create", "F ok ok F F F N U V", async (fx) => ({
    name: `New ${fx.uid()}`,
    orgUnitId: fx.unit.id,
    status: "PLANNED",
    description: "Why",
    leadId: (await fx.make.person()).id,
    startDate: "2026-01-05",
    targetDate: "2026-06-30",
    budget: "250,000.00",
    capex: "on",
  })),
  row("project.update", "F ok ok F F F N U N", async (fx) => ({
    id: (await fx.make.project()).id,
    version: 1,
    name: `Renamed ${fx.uid()}`,
    orgUnitId: fx.unit.id,
  })),
  row("project.status.change", "F ok ok F F F N U N", async (fx) => ({ id: (await fx.make.project()).id, version: 1, status: "PAUSED" })),
  row("project.archive", "F ok ok F F F N U N", async (fx) => ({ id: (await fx.make.project()).id, version: 1, archived: true })),
  row("status-update.post", "F ok ok F F F N U N", async (fx) => ({
    projectId: (await fx.make.project()).id,
    health: "OFF_TRACK",
    summary: "Blocked on hardware",
    body: "**Details**",
    overrideReason: "",
  })),
  row("status-update.acknowledge", "F ok ok F F F N U N", async (fx) => ({ updateId: (await fx.make.statusUpdate()).id })),
  // The caller's own update, just posted (only its author may change it: tests/integration/status-update-edit.test.ts).
  row("status-update.edit", "F ok ok F F F N U N", async (fx, caller) => ({
    updateId: (await fx.make.statusUpdate(caller ?? undefined)).id,
    health: "AT_RISK",
    summary: "Corrected summary",
    body: "",
  })),
  row("status-update.delete", "F ok ok F F F N U N", async (fx, caller) => ({
    updateId: (await fx.make.statusUpdate(caller ?? undefined)).id,
  })),
  row("milestone.create", "F ok ok F F F N U N", async (fx) => ({
    projectId: (await fx.make.project()).id,
    name: "Beta",
    dueDate: "2026-09-01",
  })),
  row("milestone.update", "F ok ok F F F N U N", async (fx) => ({
    id: (await fx.make.milestone()).id,
    name: "Beta 2",
    dueDate: "2026-10-01",
  })),
  row("milestone.complete", "F ok ok F F F N U N", async (fx) => ({ id: (await fx.make.milestone()).id, done: true })),
  row("dependency.add", "F ok ok F F F N U N", async (fx) => ({
    blockerId: (await fx.make.project()).id,
    blockedId: (await fx.make.project()).id,
    note: "API first",
  })),
  row("dependency.remove", "F ok ok F F F N U N", async (fx) => ({ id: (await fx.make.dependency()).id })),
  row("allocation.create", "F ok ok F F F N U N", async (fx) => ({
    projectId: (await fx.make.project()).id,
    personId: (await fx.make.person()).id,
    percent: 40,
    startDate: "2026-02-02",
    endDate: "2026-12-31",
  })),
  row("allocation.remove", "F ok ok F F F N U N", async (fx) => ({ allocationId: (await fx.make.allocation()).id })),
  row("initiative.create", "F ok ok F F F N U V", async (fx) => ({
    name: `Initiative ${fx.uid()}`,
    objective: "Grow",
    orgUnitId: fx.unit.id,
    ownerId: (await fx.make.person()).id,
    fiscalYear: 2027,
    period: "Q2",
    status: "ACTIVE",
  })),
  row("initiative.update", "F ok ok F F F N U N", async (fx) => {
    const i = await fx.make.initiative();
    return {
      id: i.id,
      expectedUpdatedAt: i.updatedAt.toISOString(),
      name: `Renamed ${fx.uid()}`,
      orgUnitId: fx.unit.id,
      fiscalYear: 2027,
      period: "H1",
    };
  }),
];
