import type { Tx } from "@/lib/db";
import type { Db } from "@/lib/db-factory";
import { ENTERPRISE, GROUP_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas";

// SCIM representations of the stored rows (RFC 7643): the provider's attributes as last written,
// with what Keel owns — id, active, groups and meta (created, lastModified, location, and the
// version that is also the ETag).

export const etagOf = (version: number) => `W/"${version}"`;

/** True when an If-Match header allows writing over this version ("*", or one of its tags). */
export function ifMatchAllows(ifMatch: string | null | undefined, version: number): boolean {
  if (!ifMatch) return true;
  return ifMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === `"${version}"`;
  });
}

const USER_SELECT = {
  id: true,
  userId: true,
  userName: true,
  externalId: true,
  active: true,
  attributes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  groups: { select: { group: { select: { id: true, displayName: true } } }, orderBy: { groupId: "asc" } },
} as const;

export const scimUserSelect = USER_SELECT;

type UserRow = {
  id: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  attributes: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  groups: { group: { id: string; displayName: string } }[];
};

/** The user's writable attributes as a resource a PATCH applies to (no id, meta or groups). */
export function writableUser(row: UserRow): Record<string, unknown> {
  const attrs = (row.attributes && typeof row.attributes === "object" ? row.attributes : {}) as Record<string, unknown>;
  return {
    ...attrs,
    schemas: [USER_SCHEMA, ...(attrs[ENTERPRISE] ? [ENTERPRISE] : [])],
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    active: row.active,
  };
}

export function userResource(row: UserRow, base: string) {
  return {
    ...writableUser(row),
    id: row.id,
    groups: row.groups.map(({ group }) => ({ value: group.id, display: group.displayName, $ref: `${base}/Groups/${group.id}` })),
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${base}/Users/${row.id}`,
      version: etagOf(row.version),
    },
  };
}

export const scimGroupSelect = {
  id: true,
  displayName: true,
  externalId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { user: { select: { id: true, userName: true } } }, orderBy: { scimUserId: "asc" } },
} as const;

type GroupRow = {
  id: string;
  displayName: string;
  externalId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  members: { user: { id: string; userName: string } }[];
};

export function writableGroup(row: GroupRow): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA],
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    members: row.members.map(({ user }) => ({ value: user.id, display: user.userName })),
  };
}

export function groupResource(row: GroupRow, base: string, withMembers = true) {
  const { members, ...rest } = writableGroup(row);
  return {
    ...rest,
    ...(withMembers
      ? { members: (members as { value: string; display: string }[]).map((m) => ({ ...m, $ref: `${base}/Users/${m.value}` })) }
      : {}),
    id: row.id,
    meta: {
      resourceType: "Group",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${base}/Groups/${row.id}`,
      version: etagOf(row.version),
    },
  };
}

export const findScimUser = (db: Db | Tx, orgId: string, id: string) =>
  db.scimUser.findFirst({ where: { id, orgId }, select: USER_SELECT });
export const findScimGroup = (db: Db | Tx, orgId: string, id: string) =>
  db.scimGroup.findFirst({ where: { id, orgId }, select: scimGroupSelect });
