import { beforeEach, describe, expect, it } from "vitest";

import { toDateString } from "@/lib/fiscal";
import { addDaysIso } from "@/lib/headcount/position-helpers";
import { mergeUnit } from "@/lib/org/close-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { setUnitLead } from "@/lib/org/set-unit-lead";
import { getUnitDetail, unitTreeAsOf } from "@/lib/org/unit-detail";
import { updateUnit } from "@/lib/org/update-unit";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Unit history: every tree edit closes the unit's period yesterday and opens one today, so the
// tree "as it was" on any past day is still there after the edit; the unit page shows it.

const db = testDb();
const today = toDateString(new Date());
const yesterday = addDaysIso(today, -1);
const d = (s: string) => new Date(`${s}T00:00:00Z`);
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let director: string;

/** Gives each unit of the org a "created" period from 2024, as the migration and the seed do. */
async function backfill(orgId: string) {
  await db.$executeRaw`
    INSERT INTO "OrgUnitHistory" ("id", "orgId", "unitId", "parentId", "name", "code", "kind", "leadId", "change", "effectiveFrom")
    SELECT gen_random_uuid()::text, "orgId", "id", "parentId", "name", "code", "kind", "leadId", 'created', '2024-01-01'::date FROM "OrgUnit" WHERE "orgId" = ${orgId}`;
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  director = acme.members.director.user.id;
  await backfill(acme.org.id);
});

describe("unit history", () => {
  it("keeps the tree as it was before a move, rename and lead change", async () => {
    const { teamA, deptA, deptB } = acme.units;
    const lead = await db.person.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: teamA.id,
        name: "Lee",
        title: "EM",
        level: "M1",
        startDate: d("2024-01-01"),
        annualCompCents: 1n,
      },
    });
    expect(await moveUnit.run(director, acme.org.slug, { unitId: teamA.id, version: 1, parentId: deptB.id })).toMatchObject({ ok: true });
    expect(
      await updateUnit.run(director, acme.org.slug, { unitId: teamA.id, version: 2, name: "Renamed", code: teamA.code, kind: "TEAM" }),
    ).toMatchObject({ ok: true });
    expect(await setUnitLead.run(director, acme.org.slug, { unitId: teamA.id, version: 3, leadId: lead.id })).toMatchObject({ ok: true });

    const before = (await unitTreeAsOf(acme.org.id, yesterday)).find((u) => u.id === teamA.id);
    const now = (await unitTreeAsOf(acme.org.id, today)).find((u) => u.id === teamA.id);
    expect(before).toMatchObject({ parentId: deptA.id, name: teamA.name, leadId: null, closed: false });
    expect(now).toMatchObject({ parentId: deptB.id, name: "Renamed", leadId: lead.id });
    // Before the org's history starts there is no tree.
    expect(await unitTreeAsOf(acme.org.id, "2023-12-31")).toEqual([]);
    expect(await unitTreeAsOf(acme.org.id, yesterday)).toHaveLength(5);

    const detail = await getUnitDetail(acme.org.id, teamA.id);
    // Three edits today leave one period for today (the day's last state) after the 2024 one.
    expect(detail?.history.map((h) => [h.change, h.effectiveFrom, h.effectiveTo, h.parent?.id, h.leadName])).toEqual([
      ["lead", today, null, deptB.id, "Lee"],
      ["created", "2024-01-01", yesterday, deptA.id, null],
    ]);
    expect(detail?.path.map((p) => p.id)).toEqual([acme.units.division.id, deptB.id]);
  });

  it("records a merge on both units and who was in the merged unit when", async () => {
    const { deptA, deptB } = acme.units;
    const pat = await db.person.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: deptA.id,
        name: "Pat",
        title: "Engineer",
        level: "IC3",
        startDate: d("2024-03-01"),
        annualCompCents: 1n,
      },
    });
    expect(await mergeUnit.run(director, acme.org.slug, { unitId: deptA.id, version: 1, targetId: deptB.id })).toMatchObject({ ok: true });

    expect((await unitTreeAsOf(acme.org.id, yesterday)).find((u) => u.id === deptA.id)).toMatchObject({ closed: false });
    expect((await unitTreeAsOf(acme.org.id, today)).find((u) => u.id === deptA.id)).toMatchObject({ closed: true });
    const merged = await getUnitDetail(acme.org.id, deptA.id);
    expect(merged).toMatchObject({ closedOn: today, children: [] });
    expect(merged?.history[0]).toMatchObject({ change: "merged", closed: true, successor: { id: deptB.id } });
    expect(merged?.people).toEqual([{ personId: pat.id, personName: "Pat", effectiveFrom: "2024-03-01", effectiveTo: yesterday }]);
    const target = await getUnitDetail(acme.org.id, deptB.id);
    expect(target?.history[0]).toMatchObject({ change: "absorbed", successor: { id: deptA.id } });
    expect(target?.people).toEqual([{ personId: pat.id, personName: "Pat", effectiveFrom: today, effectiveTo: null }]);
    expect(target?.children.map((c) => c.id).sort()).toEqual([acme.units.teamA.id, acme.units.teamB.id].sort());
  });

  it("finds nothing for a unit of another org", async () => {
    const globex = await createOrgWithRoles(db);
    expect(await getUnitDetail(acme.org.id, globex.units.teamA.id)).toBeNull();
  });
});
