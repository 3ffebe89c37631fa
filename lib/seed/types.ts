import type { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetCategory, EmploymentType, OrgUnitKind, Role } from "@/lib/generated/prisma/enums";

// In-memory rows the generators produce before anything is written. Ids are generated client-side
// (crypto.randomUUID) so related rows can be bulk-inserted with createMany in a few round trips.

export type UnitSpec = {
  code: string;
  name: string;
  kind: OrgUnitKind;
  lead: { title: string; level: string; name?: string; userKey?: DemoUserKey };
  /** Job family of the unit's individual contributors, e.g. "Site Reliability Engineer". */
  role?: string;
  ics?: number;
  contractors?: number;
  /** Non-lead members of the unit who report to its lead (principals, TPMs). */
  extras?: { title: string; level: string }[];
  /** Spend categories planned for the unit beyond PERSONNEL, with a monthly base in dollars. */
  spend?: Partial<Record<BudgetCategory, number>>;
  children?: UnitSpec[];
};

export type DemoUserKey = "director" | "manager" | "finance" | "viewer" | "admin" | "globexDirector";

export type UnitRow = {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
  depth: number;
  leadId: string | null;
  spec: UnitSpec;
};

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  title: string;
  level: string;
  orgUnitId: string;
  managerId: string | null;
  startDate: Date;
  endDate: Date | null;
  employmentType: EmploymentType;
  annualCompCents: bigint;
  location: string;
  /** One of the documented demo logins (set by the unit spec). */
  userKey?: DemoUserKey;
  /** Any other login of this person (team leads and department heads get one). */
  userId?: string;
};

/** Everything one org's seed writes, in insertion order. Rows carry client-generated ids. */
export type OrgSeed = {
  org: { id: string; name: string; slug: string; currency: string; fiscalYearStartMonth: number };
  units: UnitRow[];
  people: PersonRow[];
  /** Logins created for this org's people (beyond the demo logins), with their person's email. */
  accounts: { id: string; email: string; name: string }[];
  memberships: { userId: string; role: Role; scopeUnitCode?: string }[];
  initiatives: Prisma.InitiativeCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  milestones: Prisma.MilestoneCreateManyInput[];
  dependencies: Prisma.ProjectDependencyCreateManyInput[];
  statusUpdates: Prisma.StatusUpdateCreateManyInput[];
  vendors: Prisma.VendorCreateManyInput[];
  contracts: Prisma.ContractCreateManyInput[];
  budgetLines: Prisma.BudgetLineCreateManyInput[];
  actuals: Prisma.ActualEntryCreateManyInput[];
  positions: Prisma.PositionCreateManyInput[];
  allocations: Prisma.AllocationCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
};
