import type { Permission } from "@/lib/permissions";

// The scopes of an API token (docs/api.md): per area, read or write. A scope only narrows what the
// token's principal may do under lib/permissions.ts; it never grants a permission by itself.

export const API_SCOPES = [
  "projects:read",
  "projects:write",
  "updates:read",
  "updates:write",
  "org:read",
  "people:read",
  "people:write",
  "positions:read",
  "positions:write",
  "budgets:read",
  "budgets:write",
  "vendors:read",
  "compensation:read",
  "scim",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  "projects:read": "Read projects and milestones",
  "projects:write": "Change projects",
  "updates:read": "Read status updates",
  "updates:write": "Post status updates",
  "org:read": "Read org units",
  "people:read": "Read people (without pay)",
  "people:write": "Sync people from an HRIS export (pay only with compensation:read)",
  "positions:read": "Read positions (without pay)",
  "positions:write": "Change positions (never pay)",
  "budgets:read": "Read plan lines, actuals and finance figures",
  "budgets:write": "Import actuals",
  "vendors:read": "Read vendors and contracts",
  "compensation:read": "Read individual pay and personnel lines (with another read scope)",
  scim: "Provision users and groups over SCIM 2.0 (org tokens only; docs/scim.md)",
};

/** Scopes only an org token may carry: SCIM provisions the org's members, which no person's token does. */
export const ORG_ONLY_SCOPES: readonly ApiScope[] = ["scim"];

/** The scope an action's permission needs when the caller is a token; absent = no token may do it. */
const WRITE_SCOPES: Partial<Record<Permission, ApiScope>> = {
  "projects:write": "projects:write",
  "updates:write": "updates:write",
  "positions:write": "positions:write",
  "people:write": "people:write",
  "actuals:write": "budgets:write",
};

export function scopeForPermission(permission: Permission): ApiScope | null {
  return WRITE_SCOPES[permission] ?? null;
}

export const isApiScope = (value: string): value is ApiScope => (API_SCOPES as readonly string[]).includes(value);
