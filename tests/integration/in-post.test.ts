import { beforeEach, describe, expect, it } from "vitest";

import { fiscalYearOf } from "@/lib/fiscal";
import { planVsActual } from "@/lib/headcount/plan";
import { capacityByMonth, capacityByTeam } from "@/lib/headcount/staffing";
import { listOrgChart, listPeople } from "@/lib/people/queries";
import { loadPaySources } from "@/lib/privacy/pay-sources";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// "In post" has one definition (lib/people/in-post.ts: inPostSql; lib/people/queries.ts: inPostWhere): started on or
// before the day, last day (endDate) on or after it. Every head count that uses it agrees on the
// boundary days: someone starting on the day or leaving on it counts; someone starting the day
// after or gone the day before does not.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
const DAY = "2026-04-01";
const d = (s: string) => new Date(`${s}T00:00:00Z`);

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  const person = (name: string, startDate: string, endDate: string | null, employmentType: "EMPLOYEE" | "CONTRACTOR" = "EMPLOYEE") =>
    db.person.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        name,
        title: "Eng",
        level: "IC3",
        employmentType,
        startDate: d(startDate),
        endDate: endDate ? d(endDate) : null,
        annualCompCents: 1n,
      },
    });
  await person("Starts on the day", DAY, null);
  await person("Leaves on the day", "2025-01-01", DAY);
  await person("Contractor in post", "2025-01-01", null, "CONTRACTOR");
  await person("Starts the day after", "2026-04-02", null);
  await person("Gone the day before", "2025-01-01", "2026-03-31");
});

describe("in post on a day, everywhere it is counted", () => {
  it("people list and org chart (inPostWhere, as the budget plan's small-group check)", async () => {
    const inPost = ["Contractor in post", "Leaves on the day", "Starts on the day"];
    expect(
      (await listPeople(acme.org.id, { readsPay: true }, d(DAY), null, { status: "in-post", on: DAY })).map((p) => p.name).sort(),
    ).toEqual(inPost);
    expect((await listOrgChart(acme.org.id, d(DAY))).map((p) => p.name).sort()).toEqual(inPost);
  });

  it("capacity on the first of the month, for a subtree and per team", async () => {
    expect(await capacityByMonth(acme.org.id, acme.units.deptA.id, DAY, 1)).toEqual([{ month: DAY, capacity: 300, demand: 0 }]);
    const teams = await capacityByTeam(acme.org.id, DAY, 1);
    expect(teams.find((t) => t.unitId === acme.units.teamA.id)?.months).toEqual([{ month: DAY, capacity: 300, demand: 0 }]);
  });

  it("plan vs actual: the baseline on the fiscal year's first day and the actual heads", async () => {
    const fiscalYear = fiscalYearOf(d(DAY), 4);
    const [q1] = await planVsActual(acme.org.id, { unitId: acme.units.teamA.id, fiscalYear, startMonth: 4, today: d(DAY) });
    expect(q1).toMatchObject({ quarter: 1, planned: 3, actual: 3 });
  });

  it("pay sources for the privacy rule are employees in post (contractors are paid through invoices)", async () => {
    const { sources } = await loadPaySources(acme.org.id, { from: d(DAY), to: d(DAY) }, d(DAY));
    expect(sources.filter((s) => s.unitId === acme.units.teamA.id)).toHaveLength(2);
  });
});
