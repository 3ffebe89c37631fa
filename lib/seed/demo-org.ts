import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import { ACME_INITIATIVES } from "@/lib/seed/acme-initiatives";
import { ACME_DEPENDENCIES, ACME_PROJECTS } from "@/lib/seed/acme-projects";
import { ACME_ROOT, MANAGER_DEPARTMENT_CODE, OVERSPEND } from "@/lib/seed/acme-structure";
import { buildStaffing } from "@/lib/seed/allocations";
import { addDays, atTime, fiscalYearOf, fiscalYearStart } from "@/lib/seed/dates";
import { buildFinance } from "@/lib/seed/finance";
import { personnelPlan } from "@/lib/seed/payroll";
import { addFormerEmployees, applyTurnover, buildPeople } from "@/lib/seed/people";
import { ACME_SLOTS, buildPositions } from "@/lib/seed/positions";
import { applyProjectHealth, buildDependencies, buildInitiatives, planProjects } from "@/lib/seed/projects";
import { createRng } from "@/lib/seed/random";
import type { OrgSeed } from "@/lib/seed/types";
import { buildStatusUpdates } from "@/lib/seed/updates";
import { type DemoUsers, leadAccounts, userOf } from "@/lib/seed/users";
import { ACME_VENDORS, buildContracts, buildVendors } from "@/lib/seed/vendors";

const FISCAL_START = 2;

/** Acme Robotics: the main demo org, built entirely in memory from `today`. */
export function buildAcme(today: Date, users: DemoUsers): OrgSeed {
  const orgId = randomUUID();
  const { units, people, byCode } = buildPeople(ACME_ROOT, createRng("acme:people"), today, "acme.example");
  const leadIds = new Set(units.map((u) => u.leadId!));
  const turnover = applyTurnover(people, leadIds, createRng("acme:turnover"), today, { departed: 3, leaving: 2, starting: 2 });
  const fy = fiscalYearOf(today, FISCAL_START);
  const replaced = addFormerEmployees(
    people,
    turnover,
    leadIds,
    createRng("acme:former"),
    today,
    { lastStart: fiscalYearStart(fy - 1, FISCAL_START), thisStart: fiscalYearStart(fy, FISCAL_START) },
    "acme.example",
    { lastYear: 6, thisYear: 2 },
  );
  const logins = leadAccounts(units, people, users);

  const initiatives = buildInitiatives(orgId, ACME_INITIATIVES, byCode, today, FISCAL_START);
  const { planned, rows: projects } = planProjects(
    orgId,
    ACME_PROJECTS,
    initiatives.map((i) => i.id!),
    byCode,
    createRng("acme:projects"),
    today,
  );

  // Each project's lead (its team's manager) writes its updates and their manager acknowledges
  // them; the director stands in now and then.
  const personById = new Map(people.map((p) => [p.id, p]));
  const blockers = new Map(ACME_DEPENDENCIES.map(([blocker, blocked]) => [blocked, blocker]));
  const updates = buildStatusUpdates(orgId, planned, createRng("acme:updates"), today, {
    weeksBack: 26,
    authorFor: (p) => userOf(personById.get(p.leadId!), users)!,
    ackerFor: (p) => userOf(personById.get(personById.get(p.leadId!)?.managerId ?? ""), users),
    standIn: users.director,
    blockerName: (p) => blockers.get(p.spec.name) ?? null,
  });
  applyProjectHealth(projects, updates.state);

  const positions = buildPositions(
    {
      orgId,
      units: byCode,
      people,
      turnover,
      replaced,
      backfills: { departed: 2, leaving: 1 },
      slots: ACME_SLOTS,
      fiscalStartMonth: FISCAL_START,
    },
    createRng("acme:positions"),
    today,
  );
  const vendors = buildVendors(orgId, ACME_VENDORS);
  // Payroll (and its plan) for every unit with employees: the teams, then the leads who sit on
  // division and department units (appended, so the teams' generated figures stay the same).
  const payrollUnits = [
    ...units.filter((u) => u.kind === "TEAM"),
    ...units.filter((u) => u.kind !== "TEAM" && people.some((p) => p.orgUnitId === u.id && p.employmentType === "EMPLOYEE")),
  ];
  const finance = buildFinance(
    {
      orgId,
      fiscalStartMonth: FISCAL_START,
      teams: payrollUnits,
      people,
      projects: planned,
      personnelPlan: personnelPlan(FISCAL_START, people, positions),
      vendorsFor: vendors.vendorsFor,
      overspend: OVERSPEND,
      refPrefix: "ACME-GL",
    },
    createRng("acme:finance"),
    today,
  );
  const contracts = buildContracts(orgId, vendors.rows, byCode, finance.actuals, today);

  const project = (name: string) => planned.find((p) => p.spec.name === name)!;
  const perception = project("Perception Model v3");
  const simRunner = project("Distributed Sim Runner");
  const planner = project("Path Planner Rewrite");
  const simEngineer = people.find((p) => p.orgUnitId === byCode.get("ENG-AUTO-SIM")!.id && p.level === "IC3" && !p.endDate)!;
  const navOpening = positions.rows.find((p) => p.orgUnitId === byCode.get("ENG-AUTO-NAV")!.id && p.status === "OPEN")!;
  const allocations: Prisma.AllocationCreateManyInput[] = [
    { orgId, projectId: perception.id, personId: perception.leadId, percent: 50, startDate: perception.startDate },
    {
      orgId,
      projectId: simRunner.id,
      personId: simEngineer.id,
      percent: 40,
      startDate: simRunner.startDate,
      endDate: simRunner.targetDate,
    },
    { orgId, projectId: planner.id, positionId: navOpening.id, percent: 100, startDate: navOpening.targetStartDate as Date },
  ];
  allocations.push(
    ...buildStaffing(orgId, planned, people, today, new Set([perception.leadId, simEngineer.id].filter((id): id is string => !!id))),
  );

  const datadog = contracts.find((c) => c.name === "Datadog Pro annual")!;
  const consoleDs = project("Console Design System");
  const auditEvents: Prisma.AuditEventCreateManyInput[] = [
    {
      orgId,
      actorId: users.manager,
      action: "project.create",
      entityType: "Project",
      entityId: consoleDs.id,
      after: { name: consoleDs.spec.name, status: "PLANNED" },
      at: atTime(addDays(today, -9), 16, 12),
    },
    {
      orgId,
      actorId: users.finance,
      action: "contracts.update",
      entityType: "Contract",
      entityId: datadog.id!,
      before: { autoRenew: false },
      after: { autoRenew: true },
      at: atTime(addDays(today, -6), 10, 41),
    },
    {
      orgId,
      actorId: users.director,
      action: "position.create",
      entityType: "Position",
      entityId: navOpening.id!,
      after: { title: navOpening.title, status: "OPEN" },
      at: (navOpening.openedAt as Date) ?? atTime(addDays(today, -30), 15),
    },
  ];

  return {
    org: { id: orgId, name: "Acme Robotics", slug: "acme", currency: "USD", fiscalYearStartMonth: FISCAL_START },
    units,
    people,
    accounts: logins.accounts,
    memberships: [
      { userId: users.director, role: "DIRECTOR" },
      { userId: users.manager, role: "MANAGER", scopeUnitCode: MANAGER_DEPARTMENT_CODE },
      { userId: users.finance, role: "FINANCE" },
      { userId: users.viewer, role: "VIEWER" },
      { userId: users.admin, role: "ADMIN" },
      ...logins.memberships,
    ],
    initiatives,
    projects,
    milestones: planned.flatMap((p) => p.milestones),
    dependencies: buildDependencies(orgId, ACME_DEPENDENCIES, planned),
    statusUpdates: updates.rows,
    vendors: vendors.rows.map(({ spec: _spec, ...v }) => v),
    contracts,
    budgetLines: finance.budgetLines,
    actuals: finance.actuals,
    positions: positions.rows,
    allocations,
    auditEvents,
  };
}
