import { beforeAll, describe, expect, it } from "vitest";

import type { Member } from "@/lib/auth";
import type { Role } from "@/lib/generated/prisma/enums";
import { getPositionFormOptionsFor } from "@/lib/headcount/form-options";
import { readsPay } from "@/lib/permissions";
import { getProjectFormOptionsFor } from "@/lib/projects/form-options";
import { getInitiativeFormUnits } from "@/lib/roadmap/form-options";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The project, initiative and new-position forms' choices (app/(app)/[org]/projects/form-options,
// …/roadmap/form-options and …/headcount/form-options, behind getRouteMember): loaded when a form opens, for
// members who may write; a manager is offered only the units of their scope, in their own org.

const db = testDb();
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  await db.initiative.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.deptA.id, name: "Acme bet", fiscalYear: 2027 } });
  await db.initiative.create({ data: { orgId: globex.org.id, orgUnitId: globex.units.deptA.id, name: "Globex bet", fiscalYear: 2027 } });
  return { acme, globex };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

const member = (role: Role, scopeUnitId: string | null = null): Member => ({
  user: { id: "u", email: "u@test.example", name: "U" },
  org: { id: w.acme.org.id, slug: w.acme.org.slug, name: w.acme.org.name, currency: "USD", fiscalYearStartMonth: 1 },
  readsPay: readsPay(role, { financeReadsPay: false }),
  role,
  scopeUnitId,
});
const acmeUnits = () => new Set(Object.values(w.acme.units).map((u) => u.id));
const scopeUnits = () => new Set([w.acme.units.deptA.id, w.acme.units.teamA.id]);

describe("getProjectFormOptionsFor", () => {
  it("offers a director every unit of the org and its initiatives, a manager the units of their scope", async () => {
    const all = await getProjectFormOptionsFor(member("DIRECTOR"));
    if (all === "forbidden") throw new Error("forbidden");
    expect(new Set(all.units.map((u) => u.id))).toEqual(acmeUnits());
    expect(all.initiatives.map((i) => i.name)).toEqual(["Acme bet"]);
    const scoped = await getProjectFormOptionsFor(member("MANAGER", w.acme.units.deptA.id));
    if (scoped === "forbidden") throw new Error("forbidden");
    expect(new Set(scoped.units.map((u) => u.id))).toEqual(scopeUnits());
  });

  it("is forbidden (403) to roles that cannot write projects and to a manager without a scope", async () => {
    for (const role of ["ADMIN", "FINANCE", "VIEWER"] as const)
      expect(await getProjectFormOptionsFor(member(role)), role).toBe("forbidden");
    expect(await getProjectFormOptionsFor(member("MANAGER"))).toBe("forbidden");
  });
});

describe("getInitiativeFormUnits", () => {
  it("offers a director every unit and a manager the units of their scope", async () => {
    const all = await getInitiativeFormUnits(member("DIRECTOR"));
    if (all === "forbidden") throw new Error("forbidden");
    expect(new Set(all.map((u) => u.id))).toEqual(acmeUnits());
    const scoped = await getInitiativeFormUnits(member("MANAGER", w.acme.units.deptA.id));
    if (scoped === "forbidden") throw new Error("forbidden");
    expect(new Set(scoped.map((u) => u.id))).toEqual(scopeUnits());
  });

  it("is forbidden (403) to roles that cannot write initiatives and to a manager without a scope", async () => {
    for (const role of ["ADMIN", "FINANCE", "VIEWER"] as const) expect(await getInitiativeFormUnits(member(role)), role).toBe("forbidden");
    expect(await getInitiativeFormUnits(member("MANAGER"))).toBe("forbidden");
  });
});

describe("getPositionFormOptionsFor", () => {
  it("offers a director every unit of the org and a manager the units of their scope, nothing of another org", async () => {
    const all = await getPositionFormOptionsFor(member("DIRECTOR"));
    if (all === "forbidden") throw new Error("forbidden");
    expect(new Set(all.units.map((u) => u.id))).toEqual(acmeUnits());
    const scoped = await getPositionFormOptionsFor(member("MANAGER", w.acme.units.deptA.id));
    if (scoped === "forbidden") throw new Error("forbidden");
    expect(new Set(scoped.units.map((u) => u.id))).toEqual(scopeUnits());
    // Units only: no pay or people in the payload.
    expect(Object.keys(all.units[0]).sort()).toEqual(["code", "depth", "id", "name"]);
  });

  it("is forbidden (403) to roles that cannot write positions and to a manager without a scope", async () => {
    for (const role of ["ADMIN", "FINANCE", "VIEWER"] as const)
      expect(await getPositionFormOptionsFor(member(role)), role).toBe("forbidden");
    expect(await getPositionFormOptionsFor(member("MANAGER"))).toBe("forbidden");
  });
});
