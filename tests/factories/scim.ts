import { randomBytes } from "node:crypto";

import type { Db } from "@/lib/db-factory";
import { createApiToken } from "@/tests/factories/api";

const uid = () => randomBytes(4).toString("hex");

/** An org token with the scim scope (what an admin creates for the identity provider). */
export const createScimToken = (db: Db, orgId: string, scopes: readonly string[] = ["scim"]) =>
  createApiToken(db, { orgId, kind: "ORG", scopes });

/** A provisioned, active SCIM user with its account and a VIEWER membership. */
export async function createScimUser(db: Db, orgId: string) {
  const id = uid();
  const email = `scim-${id}@example.com`;
  const user = await db.user.create({ data: { email, name: `Scim ${id}`, passwordHash: "sso-only" } });
  await db.membership.create({ data: { orgId, userId: user.id, role: "VIEWER" } });
  const row = await db.scimUser.create({
    data: { orgId, userId: user.id, userName: email, attributes: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"] } },
  });
  return { id: row.id, userId: user.id, userName: email };
}

export async function createScimGroup(db: Db, orgId: string, displayName = `Group ${uid()}`) {
  return db.scimGroup.create({ data: { orgId, displayName }, select: { id: true, displayName: true } });
}
