import { createOrg } from "@/tests/factories/org";
import { createScimGroup, createScimToken, createScimUser } from "@/tests/factories/scim";
import type { PublicRow } from "@/tests/support/authz/matrix";
import { testDb } from "@/tests/support/db";

// The SCIM writes (lib/scim/users.ts, groups.ts) are "public" pipeline actions whose authority is
// the org token in the input. Valid: the org's scim token. Forged: for a create, an org token
// without the scim scope (FORBIDDEN); for a change, another org's scim token naming this org's
// resource (NOT_FOUND, never confirming it exists).

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
type Fx = import("@/tests/support/authz/fixture").OrgFx;

const tokenOf = async (fx: Fx) => (await createScimToken(testDb(), fx.org.id)).secret;
const foreignToken = async () => (await createScimToken(testDb(), (await createOrg(testDb())).id)).secret;
const userName = () => `matrix-${Math.random().toString(36).slice(2)}@example.com`;

function userRow(action: string, input: (fx: Fx, id: string) => Record<string, unknown>): PublicRow {
  return {
    action,
    valid: async (fx) => ({ token: await tokenOf(fx), ...input(fx, (await createScimUser(testDb(), fx.org.id)).id) }),
    forged: async (fx) => ({ token: await foreignToken(), ...input(fx, (await createScimUser(testDb(), fx.org.id)).id) }),
    forgedOutcome: "NOT_FOUND",
  };
}

function groupRow(action: string, input: (id: string) => Record<string, unknown>): PublicRow {
  return {
    action,
    valid: async (fx) => ({ token: await tokenOf(fx), ...input((await createScimGroup(testDb(), fx.org.id)).id) }),
    forged: async (fx) => ({ token: await foreignToken(), ...input((await createScimGroup(testDb(), fx.org.id)).id) }),
    forgedOutcome: "NOT_FOUND",
  };
}

export const SCIM_PUBLIC_ROWS: PublicRow[] = [
  {
    action: "scim.user.create",
    valid: async (fx) => ({ token: await tokenOf(fx), resource: { schemas: [USER], userName: userName() } }),
    forged: async (fx) => ({
      token: (await createScimToken(testDb(), fx.org.id, ["people:read"])).secret,
      resource: { schemas: [USER], userName: userName() },
    }),
    forgedOutcome: "FORBIDDEN",
  },
  userRow("scim.user.replace", (_fx, id) => ({ id, resource: { schemas: [USER], userName: userName(), active: true } })),
  userRow("scim.user.patch", (_fx, id) => ({
    id,
    body: { schemas: [PATCH], Operations: [{ op: "replace", path: "title", value: "Engineer" }] },
  })),
  userRow("scim.user.delete", (_fx, id) => ({ id })),
  {
    action: "scim.group.create",
    valid: async (fx) => ({ token: await tokenOf(fx), resource: { schemas: [GROUP], displayName: `Matrix ${userName()}` } }),
    forged: async (fx) => ({
      token: (await createScimToken(testDb(), fx.org.id, ["people:read"])).secret,
      resource: { schemas: [GROUP], displayName: `Matrix ${userName()}` },
    }),
    forgedOutcome: "FORBIDDEN",
  },
  groupRow("scim.group.replace", (id) => ({ id, resource: { schemas: [GROUP], displayName: `Matrix ${userName()}` } })),
  groupRow("scim.group.patch", (id) => ({
    id,
    body: { schemas: [PATCH], Operations: [{ op: "replace", path: "displayName", value: "Renamed" }] },
  })),
  groupRow("scim.group.delete", (id) => ({ id })),
];
