import { beforeAll, describe, expect, it } from "vitest";

import { readsPay } from "@/lib/permissions";
import { listOrgUnits } from "@/lib/org/queries";
import { listPeople } from "@/lib/people/queries";
import { listPositions } from "@/lib/headcount/queries";
import { createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Read models of the foundation on a hand-built fixture: subtree head counts through the
// closure table, tenant isolation, and individual pay only for compensation:read roles.

const db = testDb();
const today = new Date("2026-11-27T00:00:00Z");
let acme: Awaited<ReturnType<typeof createOrg>>;
let other: Awaited<ReturnType<typeof createOrg>>;

async function person(orgId: string, orgUnitId: string, name: string, opts: { start?: string; end?: string; comp?: bigint } = {}) {
  return db.person.create({
    data: {
      orgId,
      orgUnitId,
      name,
      title: "Engineer",
      level: "IC3",
      startDate: new Date(`${opts.start ?? "2024-01-01"}T00:00:00Z`),
      endDate: opts.end ? new Date(`${opts.end}T00:00:00Z`) : null,
      annualCompCents: opts.comp ?? 150_000_00n,
    },
  });
}

beforeAll(async () => {
  await resetDb();
  acme = await createOrg(db);
  other = await createOrg(db);
  const div = await createUnit(db, acme.id, { kind: "DIVISION", name: "Division" });
  const deptA = await createUnit(db, acme.id, { parentId: div.id, kind: "DEPARTMENT", name: "Dept A" });
  const deptB = await createUnit(db, acme.id, { parentId: div.id, kind: "DEPARTMENT", name: "Dept B" });
  const teamA1 = await createUnit(db, acme.id, { parentId: deptA.id, name: "Team A1" });
  const teamA2 = await createUnit(db, acme.id, { parentId: deptA.id, name: "Team A2" });
  await person(acme.id, div.id, "Dana Director", { comp: 300_000_00n });
  await person(acme.id, deptA.id, "Ann Head");
  await person(acme.id, teamA1.id, "Ada One");
  await person(acme.id, teamA1.id, "Al One");
  await person(acme.id, teamA1.id, "Gone Already", { end: "2026-11-26" }); // left yesterday: not in post
  await person(acme.id, teamA2.id, "Leaves Today", { end: "2026-11-27" }); // still in post today
  await person(acme.id, teamA2.id, "Starts Later", { start: "2026-12-01" }); // not yet in post
  await person(acme.id, deptB.id, "Bea Bee");
  for (const [status, unit] of [
    ["OPEN", teamA1],
    ["BACKFILL", teamA2],
    ["PLANNED", teamA2],
    ["CLOSED", deptB],
  ] as const) {
    await db.position.create({
      data: {
        orgId: acme.id,
        orgUnitId: unit.id,
        title: `${status} role`,
        level: "IC3",
        status,
        annualCompCents: 123_456_78n,
        budgetFiscalYear: 2027,
      },
    });
  }
  // Another tenant's people and units must never count.
  const foreignUnit = await createUnit(db, other.id, { kind: "DIVISION" });
  await person(other.id, foreignUnit.id, "Foreign Person");
});

describe("org tree rollups", () => {
  it("counts people in post and open positions per subtree, in tree order", async () => {
    const rows = await listOrgUnits(acme.id, today);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(rows.map((r) => r.name)).toEqual(["Division", "Dept A", "Team A1", "Team A2", "Dept B"]);
    expect(byName["Team A1"]).toMatchObject({ headCount: 2, directCount: 2, openPositions: 1, depth: 2 });
    expect(byName["Team A2"]).toMatchObject({ headCount: 1, directCount: 1, openPositions: 1 });
    expect(byName["Dept A"]).toMatchObject({ headCount: 4, directCount: 1, openPositions: 2 });
    expect(byName["Dept B"]).toMatchObject({ headCount: 1, openPositions: 0 });
    expect(byName["Division"]).toMatchObject({ headCount: 6, directCount: 1, openPositions: 2 });
  });
});

describe("individual pay", () => {
  it.each(["VIEWER", "FINANCE", "MANAGER"] as const)("is absent from %s's people and positions", async (role) => {
    const people = await listPeople(acme.id, { readsPay: readsPay(role, { financeReadsPay: false }) }, today);
    const positions = await listPositions(acme.id, { readsPay: readsPay(role, { financeReadsPay: false }) });
    expect(people.length).toBeGreaterThan(0);
    expect(positions.length).toBeGreaterThan(0);
    for (const row of [...people, ...positions]) expect(row).not.toHaveProperty("annualCompCents");
    expect(JSON.stringify([people, positions])).not.toMatch(/30000000|12345678/);
  });

  it.each(["DIRECTOR", "ADMIN"] as const)("is present for %s", async (role) => {
    const people = await listPeople(acme.id, { readsPay: readsPay(role, { financeReadsPay: false }) }, today);
    expect(people.find((p) => p.name === "Dana Director")?.annualCompCents).toBe(300_000_00);
  });

  it("lists only the org's own people", async () => {
    const people = await listPeople(acme.id, { readsPay: true }, today);
    expect(people.map((p) => p.name)).not.toContain("Foreign Person");
  });
});
