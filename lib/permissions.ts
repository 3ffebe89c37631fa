import type { Role } from "@/lib/generated/prisma/enums";

// The one role → permission table. Fail closed: a role or permission not listed here is
// denied. A grant is either "org" (anywhere in the org) or "scope" (only inside the org unit
// subtree of the membership's scopeUnitId; the action pipeline enforces it).

export const PERMISSIONS = [
  "org:read",
  "org:settings",
  "members:manage",
  "audit:read",
  "compensation:read",
  /** compensation:read when the org allows it (Organization.financeReadsPay); see readsPay. */
  "compensation:read-if-allowed",
  "people:write",
  "positions:write",
  "projects:write",
  "updates:write",
  "updates:acknowledge",
  "initiatives:write",
  "budgets:write",
  "actuals:write",
  "vendors:write",
  /** Create, rename, move, merge and close org units and name their leads (lib/org/). */
  "orgtree:write",
  /**
   * Draft reorganizations (lib/org/reorg/edit-reorg.ts). Scoped: a proposal of one's own, inside
   * one's subtree, that a member with orgtree:write previews and applies.
   */
  "reorg:propose",
  /** The org health page: spans, layers, attrition, time to fill (never pay). */
  "orghealth:read",
  /** Every manager's page (/[org]/managers/[id]); anyone above a manager in the reporting line opens theirs too. */
  "managers:read",
  /**
   * Read and write a manager's private development notes — only for a manager the member is
   * above in the reporting line (lib/managers/chain.ts); the permission alone opens none.
   */
  "managers:notes",
  /** Webhook endpoints, their deliveries and the org's outbound-target setting (lib/webhooks/). */
  "webhooks:manage",
  /**
   * Connect a project to its issue tracker or code host and sync it (lib/delivery-signals/): the
   * token given is the org's, so admins and directors anywhere, managers in their subtree.
   */
  "delivery:connect",
  /** Create and revoke the org's API tokens (lib/api/); anyone may hold personal tokens. */
  "apitokens:manage",
  /**
   * Create, change and deactivate members over SCIM (docs/scim.md). Only the org token
   * principal holds it, and only a token with the scim scope uses it; no person's role has it.
   */
  "scim:provision",
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Grant = "org" | "scope";

const READ_ALL = { "org:read": "org" } as const;

const TABLE: Record<Role, Partial<Record<Permission, Grant>>> = {
  ADMIN: {
    ...READ_ALL,
    "org:settings": "org",
    "members:manage": "org",
    "audit:read": "org",
    "compensation:read": "org",
    "people:write": "org",
    "orgtree:write": "org",
    "reorg:propose": "org",
    "orghealth:read": "org",
    "managers:read": "org",
    "managers:notes": "org",
    "webhooks:manage": "org",
    "apitokens:manage": "org",
    "delivery:connect": "org",
  },
  DIRECTOR: {
    ...READ_ALL,
    "org:settings": "org",
    "audit:read": "org",
    "compensation:read": "org",
    "people:write": "org",
    "positions:write": "org",
    "projects:write": "org",
    "updates:write": "org",
    "updates:acknowledge": "org",
    "initiatives:write": "org",
    "budgets:write": "org",
    "actuals:write": "org",
    "vendors:write": "org",
    "orgtree:write": "org",
    "reorg:propose": "org",
    "orghealth:read": "org",
    "managers:read": "org",
    "managers:notes": "org",
    "delivery:connect": "org",
  },
  MANAGER: {
    ...READ_ALL,
    "people:write": "scope",
    "positions:write": "scope",
    "projects:write": "scope",
    "updates:write": "scope",
    "updates:acknowledge": "scope",
    "initiatives:write": "scope",
    "orghealth:read": "scope",
    "managers:notes": "scope",
    "reorg:propose": "scope",
    "delivery:connect": "scope",
  },
  FINANCE: {
    ...READ_ALL,
    "compensation:read-if-allowed": "org",
    "budgets:write": "org",
    "actuals:write": "org",
    "vendors:write": "org",
  },
  VIEWER: {
    ...READ_ALL,
  },
};

/**
 * The synthetic principal of an org API token (docs/api.md): an integration that reads the whole
 * org and may read pay, and writes nothing (every change has a person as its author; writes go
 * through personal tokens) except the SCIM provisioning that is the identity provider's own job
 * (docs/scim.md). The token's scopes narrow it further.
 */
const ORG_TOKEN_GRANTS: Partial<Record<Permission, Grant>> = { ...READ_ALL, "compensation:read": "org", "scim:provision": "org" };

/** The grant of an API token's principal: an org token's own row, or the user's role for a personal one. */
export function grantForToken(principal: { kind: "ORG" } | { kind: "PERSONAL"; role: Role }, permission: Permission): Grant | null {
  return principal.kind === "ORG" ? (ORG_TOKEN_GRANTS[permission] ?? null) : grantFor(principal.role, permission);
}

/** The grant a role has for a permission, or null (denied). Unknown roles are denied. */
export function grantFor(role: string | null | undefined, permission: Permission): Grant | null {
  if (!role || !Object.hasOwn(TABLE, role)) return null;
  return TABLE[role as Role][permission] ?? null;
}

export function can(role: string | null | undefined, permission: Permission): boolean {
  return grantFor(role, permission) !== null;
}

/**
 * Whether a member may read individual pay: compensation:read, or compensation:read-if-allowed
 * in an org that allows it. Every pay decision goes through this (never a role name).
 */
export function readsPay(role: string | null | undefined, org: { financeReadsPay: boolean }): boolean {
  return can(role, "compensation:read") || (org.financeReadsPay && can(role, "compensation:read-if-allowed"));
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  DIRECTOR: "Director",
  MANAGER: "Manager",
  FINANCE: "Finance",
  VIEWER: "Viewer",
};
