import { beforeAll, describe, expect, it } from "vitest";

import { getProjectFormOptionsForUser } from "@/lib/projects/form-options";
import { getInitiativeFormUnitsForUser } from "@/lib/roadmap/form-options";
import { createMember, createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The project and initiative forms' choices (app/(app)/[org]/projects/form-options and
// app/(app)/[org]/roadmap/form-options): loaded when a form opens, for members who may write;
// a manager is offered only the units of their scope; the role and scope come from the
// membership, and another org's user gets nothing.

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  await db.initiative.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.deptA.id, name: "Acme bet", fiscalYear: 2027 } });
  await db.initiative.create({ data: { orgId: globex.org.id, orgUnitId: globex.units.deptA.id, name: "Globex bet", fiscalYear: 2027 } });
  const unscoped = await createMember(db, acme.org.id, "MANAGER", { scopeUnitId: null });
  return { acme, globex, unscoped };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

describe("getProjectFormOptionsForUser", () => {
  it("offers a director every unit of the org and its initiatives", async () => {
    const r = await getProjectFormOptionsForUser(w.acme.members.director.user.id, w.acme.org.slug);
    if (!r || r === "forbidden") throw new Error(`expected options, got ${r}`);
    expect(new Set(r.units.map((u) => u.id))).toEqual(new Set(Object.values(w.acme.units).map((u) => u.id)));
    expect(r.initiatives.map((i) => i.name)).toEqual(["Acme bet"]);
  });

  it("offers a manager only the units of their scope", async () => {
    const r = await getProjectFormOptionsForUser(w.acme.members.manager.user.id, w.acme.org.slug);
    if (!r || r === "forbidden") throw new Error(`expected options, got ${r}`);
    expect(new Set(r.units.map((u) => u.id))).toEqual(new Set([w.acme.units.deptA.id, w.acme.units.teamA.id]));
  });

  it("is forbidden (403) to roles that cannot write projects and to a manager without a scope", async () => {
    for (const who of ["admin", "finance", "viewer"] as const) {
      expect(await getProjectFormOptionsForUser(w.acme.members[who].user.id, w.acme.org.slug), who).toBe("forbidden");
    }
    expect(await getProjectFormOptionsForUser(w.unscoped.user.id, w.acme.org.slug)).toBe("forbidden");
  });

  it("is null (404) for another org's user and an unknown org", async () => {
    expect(await getProjectFormOptionsForUser(w.globex.members.director.user.id, w.acme.org.slug)).toBeNull();
    expect(await getProjectFormOptionsForUser(w.acme.members.director.user.id, "no-such-org")).toBeNull();
  });
});

describe("getInitiativeFormUnitsForUser", () => {
  it("offers a director every unit and a manager the units of their scope", async () => {
    const all = await getInitiativeFormUnitsForUser(w.acme.members.director.user.id, w.acme.org.slug);
    if (!Array.isArray(all)) throw new Error(`expected units, got ${all}`);
    expect(new Set(all.map((u) => u.id))).toEqual(new Set(Object.values(w.acme.units).map((u) => u.id)));
    const scoped = await getInitiativeFormUnitsForUser(w.acme.members.manager.user.id, w.acme.org.slug);
    if (!Array.isArray(scoped)) throw new Error(`expected units, got ${scoped}`);
    expect(new Set(scoped.map((u) => u.id))).toEqual(new Set([w.acme.units.deptA.id, w.acme.units.teamA.id]));
  });

  it("is forbidden (403) to roles that cannot write initiatives, null (404) outside the org", async () => {
    for (const who of ["admin", "finance", "viewer"] as const) {
      expect(await getInitiativeFormUnitsForUser(w.acme.members[who].user.id, w.acme.org.slug), who).toBe("forbidden");
    }
    expect(await getInitiativeFormUnitsForUser(w.unscoped.user.id, w.acme.org.slug)).toBe("forbidden");
    expect(await getInitiativeFormUnitsForUser(w.globex.members.director.user.id, w.acme.org.slug)).toBeNull();
    expect(await getInitiativeFormUnitsForUser(w.acme.members.director.user.id, "no-such-org")).toBeNull();
  });
});
