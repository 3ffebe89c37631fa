import { randomUUID } from "node:crypto";

import type { ProjectSpec } from "@/lib/seed/acme-projects";
import { buildFinance } from "@/lib/seed/finance";
import { personnelPlan } from "@/lib/seed/payroll";
import { buildPeople } from "@/lib/seed/people";
import { buildPositions } from "@/lib/seed/positions";
import { applyProjectHealth, planProjects } from "@/lib/seed/projects";
import { createRng } from "@/lib/seed/random";
import type { OrgSeed, UnitSpec } from "@/lib/seed/types";
import { buildStatusUpdates } from "@/lib/seed/updates";
import { type DemoUsers, leadAccounts, userOf } from "@/lib/seed/users";
import { buildContracts, buildVendors } from "@/lib/seed/vendors";

// Globex: a small second tenant, there so cross-tenant isolation can be seen and tested.
// Its director has no membership in Acme, and no Acme login is a member here.

const ROOT: UnitSpec = {
  code: "ENG",
  name: "Engineering",
  kind: "DEPARTMENT",
  lead: { title: "Head of Engineering", level: "M3", name: "Gloria Grant", userKey: "globexDirector" },
  children: [
    {
      code: "ENG-CORE",
      name: "Core Services",
      kind: "TEAM",
      role: "Backend Engineer",
      ics: 3,
      lead: { title: "Engineering Manager", level: "M1" },
      spend: { CLOUD: 12_000, SOFTWARE: 3_000 },
    },
    {
      code: "ENG-WEB",
      name: "Web",
      kind: "TEAM",
      role: "Frontend Engineer",
      ics: 2,
      lead: { title: "Engineering Manager", level: "M1" },
      spend: { SOFTWARE: 2_500, TRAVEL: 800 },
    },
  ],
};

const PROJECTS: ProjectSpec[] = [
  {
    name: "Checkout Revamp",
    team: "ENG-WEB",
    initiative: null,
    status: "ACTIVE",
    profile: "on",
    start: -6,
    target: 6,
    description: "New one-page checkout for the Globex storefront.",
  },
  {
    name: "Service Mesh Rollout",
    team: "ENG-CORE",
    initiative: null,
    status: "ACTIVE",
    profile: "risk",
    start: -5,
    target: 8,
    description: "mTLS and traffic policies for every internal service.",
  },
  {
    name: "Billing API v2",
    team: "ENG-CORE",
    initiative: null,
    status: "ACTIVE",
    profile: "on",
    start: -7,
    target: 3,
    stale: 2,
    description: "Versioned billing API with idempotency keys.",
  },
];

export function buildGlobex(today: Date, users: DemoUsers): OrgSeed {
  const orgId = randomUUID();
  const fiscalStartMonth = 1;
  const { units, people, byCode } = buildPeople(ROOT, createRng("globex:people"), today, "globex.example");
  const logins = leadAccounts(units, people, users);
  const { planned, rows: projects } = planProjects(orgId, PROJECTS, [], byCode, createRng("globex:projects"), today);
  const personById = new Map(people.map((p) => [p.id, p]));
  const updates = buildStatusUpdates(orgId, planned, createRng("globex:updates"), today, {
    weeksBack: 8,
    authorFor: (p) => userOf(personById.get(p.leadId!), users)!,
    ackerFor: (p) => userOf(personById.get(personById.get(p.leadId!)?.managerId ?? ""), users),
    standIn: users.globexDirector,
    blockerName: () => null,
  });
  applyProjectHealth(projects, updates.state);

  const positions = buildPositions(
    {
      orgId,
      units: byCode,
      people,
      turnover: { departed: [], leaving: [], starting: [] },
      replaced: new Map(),
      backfills: { departed: 0, leaving: 0 },
      slots: [],
      fiscalStartMonth,
    },
    createRng("globex:positions"),
    today,
  );
  const vendors = buildVendors(orgId, [
    {
      name: "Amazon Web Services",
      website: "https://aws.amazon.com",
      category: "CLOUD",
      teams: ["ENG-CORE"],
      owner: "ENG",
      contracts: [{ name: "AWS Business Support + savings plan", share: 1, endInDays: 160, termMonths: 12, noticeDays: 60 }],
    },
  ]);
  const finance = buildFinance(
    {
      orgId,
      fiscalStartMonth,
      teams: units.filter((u) => u.kind === "TEAM"),
      people,
      projects: planned,
      personnelPlan: personnelPlan(fiscalStartMonth, people, positions),
      vendorsFor: vendors.vendorsFor,
      overspend: { "ENG-CORE": { CLOUD: 1.1 } },
      refPrefix: "GLX-GL",
    },
    createRng("globex:finance"),
    today,
  );

  return {
    org: { id: orgId, name: "Globex", slug: "globex", currency: "USD", fiscalYearStartMonth: fiscalStartMonth },
    units,
    people,
    accounts: logins.accounts,
    memberships: [{ userId: users.globexDirector, role: "DIRECTOR" }, ...logins.memberships],
    initiatives: [],
    projects,
    milestones: planned.flatMap((p) => p.milestones),
    dependencies: [],
    statusUpdates: updates.rows,
    vendors: vendors.rows.map(({ spec: _spec, ...v }) => v),
    contracts: buildContracts(orgId, vendors.rows, byCode, finance.actuals, today),
    budgetLines: finance.budgetLines,
    actuals: finance.actuals,
    positions: positions.rows,
    allocations: [],
    auditEvents: [],
  };
}
