import { randomBytes } from "node:crypto";

import type { Db } from "@/lib/db-factory";
import type { OrgUnitKind, Role } from "@/lib/generated/prisma/enums";
import { insertUnitClosure } from "@/lib/org/closure";

// Fixture builders for integration tests: unique names per call so tests never collide.
const uid = () => randomBytes(4).toString("hex");

// A real scrypt hash of "pw" would make every fixture slow; these users never sign in.
const NO_LOGIN_HASH = "scrypt$16384$8$1$AAAA$AAAA";

export async function createOrg(db: Db, overrides: { name?: string; slug?: string; fiscalYearStartMonth?: number } = {}) {
  const id = uid();
  return db.organization.create({
    data: {
      name: overrides.name ?? `Org ${id}`,
      slug: overrides.slug ?? `org-${id}`,
      fiscalYearStartMonth: overrides.fiscalYearStartMonth ?? 1,
    },
  });
}

export async function createUnit(
  db: Db,
  orgId: string,
  opts: { parentId?: string | null; kind?: OrgUnitKind; name?: string; code?: string } = {},
) {
  const id = uid();
  const parentDepth = opts.parentId
    ? (await db.orgUnit.findUniqueOrThrow({ where: { id: opts.parentId }, select: { depth: true } })).depth
    : -1;
  const unit = await db.orgUnit.create({
    data: {
      orgId,
      parentId: opts.parentId ?? null,
      kind: opts.kind ?? "TEAM",
      name: opts.name ?? `Unit ${id}`,
      code: opts.code ?? `CC-${id}`,
      depth: parentDepth + 1,
    },
  });
  await insertUnitClosure(db, orgId, unit.id, unit.parentId);
  return unit;
}

export async function createMember(db: Db, orgId: string, role: Role, opts: { scopeUnitId?: string | null; email?: string } = {}) {
  const user = await db.user.create({
    data: { email: opts.email ?? `${role.toLowerCase()}-${uid()}@test.example`, name: `${role} ${uid()}`, passwordHash: NO_LOGIN_HASH },
  });
  const membership = await db.membership.create({
    data: { orgId, userId: user.id, role, scopeUnitId: opts.scopeUnitId ?? null },
  });
  return { user, membership };
}

/** An org with a small tree (division → 2 departments → 1 team each) and one member per role. */
export async function createOrgWithRoles(db: Db) {
  const org = await createOrg(db);
  const division = await createUnit(db, org.id, { kind: "DIVISION" });
  const deptA = await createUnit(db, org.id, { parentId: division.id, kind: "DEPARTMENT" });
  const deptB = await createUnit(db, org.id, { parentId: division.id, kind: "DEPARTMENT" });
  const teamA = await createUnit(db, org.id, { parentId: deptA.id });
  const teamB = await createUnit(db, org.id, { parentId: deptB.id });
  const members = {
    admin: await createMember(db, org.id, "ADMIN"),
    director: await createMember(db, org.id, "DIRECTOR"),
    manager: await createMember(db, org.id, "MANAGER", { scopeUnitId: deptA.id }),
    finance: await createMember(db, org.id, "FINANCE"),
    viewer: await createMember(db, org.id, "VIEWER"),
  };
  return { org, units: { division, deptA, deptB, teamA, teamB }, members };
}
