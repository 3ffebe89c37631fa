import { type Filter, parse } from "scim2-parse-filter";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { scimInvalid } from "@/lib/scim/errors";
import { LIST_SCHEMA } from "@/lib/scim/schemas";
import { findScimGroup, findScimUser, groupResource, scimGroupSelect, scimUserSelect, userResource } from "@/lib/scim/resources";

// SCIM reads (RFC 7644 §3.4.2): filters parsed by scim2-parse-filter and translated into a
// tenant-scoped Prisma `where` (never evaluated over loaded rows), 1-based startIndex/count
// pagination, totalResults counted by the database.

const MAX_COUNT = 200;
const DEFAULT_COUNT = 100;

export type ListParams = { filter: string | null; startIndex: string | null; count: string | null; excludedAttributes?: string | null };

function page(params: ListParams): { skip: number; take: number; startIndex: number } {
  const start = Math.max(1, Number.parseInt(params.startIndex ?? "1", 10) || 1);
  const raw = params.count === null ? DEFAULT_COUNT : Number.parseInt(params.count, 10);
  const take = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), MAX_COUNT) : DEFAULT_COUNT;
  return { skip: start - 1, take, startIndex: start };
}

function parseFilterOrThrow(filter: string): Filter {
  try {
    return parse(filter);
  } catch {
    throw scimInvalid("filter", `filter: cannot parse “${filter.slice(0, 200)}”.`, "invalidFilter");
  }
}

const unsupported = (what: string) => scimInvalid("filter", `filter: ${what} is not supported.`, "invalidFilter");

type Translate<W> = (attr: string, value: string) => W | null;

/** `a eq "x"` and `and` of those (plus `members[value eq "x"]` for groups). */
function translate<W>(f: Filter, eq: Translate<W>, valuePath?: (attr: string, inner: Filter) => W | null): W[] {
  if (f.op === "and") return (f as { filters: Filter[] }).filters.flatMap((g) => translate(g, eq, valuePath));
  if (f.op === "[]" && valuePath) {
    const v = f as { attrPath: string; valFilter: Filter };
    const w = valuePath(v.attrPath.toLowerCase(), v.valFilter);
    if (w) return [w];
    throw unsupported(`the value filter on ${v.attrPath}`);
  }
  if (f.op !== "eq") throw unsupported(`the operator ${f.op}`);
  const c = f as { attrPath: string; compValue: unknown };
  if (typeof c.compValue !== "string" && typeof c.compValue !== "boolean")
    throw scimInvalid("filter", "filter: compare with a string.", "invalidFilter");
  const w = eq(c.attrPath.toLowerCase(), String(c.compValue));
  if (!w) throw unsupported(`filtering on ${c.attrPath}`);
  return [w];
}

const userEq: Translate<Prisma.ScimUserWhereInput> = (attr, value) => {
  switch (attr) {
    case "username":
      return { userName: { equals: value, mode: "insensitive" } };
    case "externalid":
      return { externalId: value };
    case "id":
      return { id: value };
    case "active":
      return value === "true" || value === "false" ? { active: value === "true" } : null;
    case "emails.value":
    case "emails":
      return { user: { email: value.toLowerCase() } };
    default:
      return null;
  }
};

const groupEq: Translate<Prisma.ScimGroupWhereInput> = (attr, value) => {
  switch (attr) {
    case "displayname":
      return { displayName: { equals: value, mode: "insensitive" } };
    case "externalid":
      return { externalId: value };
    case "id":
      return { id: value };
    case "members.value":
      return { members: { some: { scimUserId: value } } };
    default:
      return null;
  }
};

const groupMembers = (attr: string, inner: Filter): Prisma.ScimGroupWhereInput | null => {
  const c = inner as { op: string; attrPath?: string; compValue?: unknown };
  if (attr !== "members" || c.op !== "eq" || c.attrPath?.toLowerCase() !== "value" || typeof c.compValue !== "string") return null;
  return { members: { some: { scimUserId: c.compValue } } };
};

function listResponse(resources: unknown[], total: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

export async function listScimUsers(orgId: string, base: string, params: ListParams) {
  const filters = params.filter ? translate(parseFilterOrThrow(params.filter), userEq) : [];
  const where: Prisma.ScimUserWhereInput = { orgId, AND: filters };
  const { skip, take, startIndex } = page(params);
  const [total, rows] = await Promise.all([
    db.scimUser.count({ where }),
    take === 0 ? [] : db.scimUser.findMany({ where, select: scimUserSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
  ]);
  return listResponse(
    rows.map((r) => userResource(r, base)),
    total,
    startIndex,
  );
}

export async function listScimGroups(orgId: string, base: string, params: ListParams) {
  const filters = params.filter ? translate(parseFilterOrThrow(params.filter), groupEq, groupMembers) : [];
  const where: Prisma.ScimGroupWhereInput = { orgId, AND: filters };
  const { skip, take, startIndex } = page(params);
  const withMembers = !(params.excludedAttributes ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim())
    .includes("members");
  const [total, rows] = await Promise.all([
    db.scimGroup.count({ where }),
    take === 0 ? [] : db.scimGroup.findMany({ where, select: scimGroupSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
  ]);
  return listResponse(
    rows.map((r) => groupResource(r, base, withMembers)),
    total,
    startIndex,
  );
}

/** One user as a resource with its version, or null (unknown here, or another org's). */
export async function readScimUser(orgId: string, id: string, base: string) {
  const row = await findScimUser(db, orgId, id);
  return row ? { resource: userResource(row, base), version: row.version } : null;
}

export async function readScimGroup(orgId: string, id: string, base: string) {
  const row = await findScimGroup(db, orgId, id);
  return row ? { resource: groupResource(row, base), version: row.version } : null;
}
