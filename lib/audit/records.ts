// The kinds of record the audit trail names (AuditEvent.entityType): their names in words, the
// page each one links to, and which events belong to a record's History (the record filter).

const RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  Project: "Project",
  StatusUpdate: "Status update",
  Milestone: "Milestone",
  ProjectDependency: "Dependency",
  Initiative: "Initiative",
  Person: "Person",
  Position: "Position",
  Allocation: "Staffing",
  OrgUnit: "Unit",
  BudgetLine: "Budget line",
  BudgetPlan: "Budget plan",
  ImportBatch: "Import",
  Vendor: "Vendor",
  Contract: "Contract",
  Organization: "Organization",
  Membership: "Member",
  Invitation: "Invitation",
  User: "Account",
  Reorg: "Reorganization",
  ManagerNote: "Development note",
  ApiToken: "API token",
  ScimUser: "SCIM user",
  ScimGroup: "SCIM group",
};

export function recordTypeLabel(type: string): string {
  return Object.hasOwn(RECORD_TYPE_LABELS, type) ? RECORD_TYPE_LABELS[type] : type;
}

/** Record types that have a page of their own, with a History section read through the record filter. */
export const HISTORY_TYPES = ["Project", "Person", "Position", "Contract", "OrgUnit"] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

export function isHistoryType(type: string): type is HistoryType {
  return (HISTORY_TYPES as readonly string[]).includes(type);
}

/**
 * Events about other records that belong to a record's history, by the …Id field that names it
 * in the event's before or after: a project's updates, milestones, dependencies and staffing; a
 * person's staffing and the positions they filled; a position's staffing.
 */
export const HISTORY_RELATED: Readonly<Record<HistoryType, readonly { type: string; field: string }[]>> = {
  Project: [
    { type: "StatusUpdate", field: "projectId" },
    { type: "Milestone", field: "projectId" },
    { type: "ProjectDependency", field: "projectId" },
    { type: "Allocation", field: "projectId" },
  ],
  Person: [
    { type: "Allocation", field: "personId" },
    { type: "Position", field: "personId" },
  ],
  Position: [{ type: "Allocation", field: "positionId" }],
  Contract: [],
  OrgUnit: [],
};

/** The page of a record type (relative to /<org>), or null when it has none. */
export function recordPath(type: string, id: string, projectId: string | null): string | null {
  const e = encodeURIComponent;
  switch (type) {
    case "Project":
      return `/projects/${e(id)}`;
    case "StatusUpdate":
    case "Milestone":
    case "ProjectDependency":
    case "Allocation":
      return projectId ? `/projects/${e(projectId)}` : null;
    case "Person":
      return `/people/${e(id)}`;
    case "Position":
      return `/positions/${e(id)}`;
    case "Contract":
      return `/contracts/${e(id)}`;
    case "OrgUnit":
      return `/teams/units/${e(id)}`;
    case "Reorg":
      return `/teams/reorgs/${e(id)}`;
    case "Vendor":
      return "/vendors";
    case "Initiative":
      return "/roadmap";
    case "BudgetLine":
    case "BudgetPlan":
      return "/budgets/plan";
    case "ImportBatch":
      return "/budgets";
    case "Organization":
    case "Membership":
    case "Invitation":
      return "/settings";
    case "ApiToken":
      return "/settings/api";
    default:
      return null;
  }
}
