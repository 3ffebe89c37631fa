import { beforeEach, describe, expect, it } from "vitest";

import { getOrgHealth } from "@/lib/org-health";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// Org health's span thresholds live in the org settings: a director changes them through the
// settings action, the page's outliers follow; a minimum not below the maximum is refused.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;

const base = async () => {
  const org = await db.organization.findUniqueOrThrow({ where: { id: acme.org.id } });
  return {
    name: org.name,
    fiscalYearStartMonth: 1,
    updateCadence: "WEEKLY",
    updateDueWeekday: "FRIDAY",
    updateGraceDays: 2,
    expectedUpdatedAt: org.updatedAt.toISOString(),
  };
};

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
});

describe("span thresholds in settings", () => {
  it("are saved, audited and used by org health", async () => {
    const r = await updateOrgSettings.run(acme.members.director.user.id, acme.org.slug, { ...(await base()), spanMax: "6", spanMin: "2" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(await db.organization.findUniqueOrThrow({ where: { id: acme.org.id }, select: { spanMax: true, spanMin: true } })).toEqual({
      spanMax: 6,
      spanMin: 2,
    });
    expect((await getOrgHealth({ orgId: acme.org.id, unitId: null, day: "2026-06-30" })).thresholds).toEqual({ spanMax: 6, spanMin: 2 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: acme.org.id, action: "org.settings.update" } });
    expect(event.before).toMatchObject({ spanMax: 8, spanMin: 3 });
    expect(event.after).toMatchObject({ spanMax: 6, spanMin: 2 });
  });

  it("refuse a minimum not below the maximum (also against the stored value) and bad numbers, writing nothing", async () => {
    const before = await tableFingerprints();
    expect(
      await updateOrgSettings.run(acme.members.director.user.id, acme.org.slug, { ...(await base()), spanMax: "4", spanMin: "4" }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { spanMin: ["The span minimum (4) must be below the span maximum (4)."] },
    });
    expect(await updateOrgSettings.run(acme.members.director.user.id, acme.org.slug, { ...(await base()), spanMax: "2" })).toMatchObject({
      ok: false,
      fieldErrors: { spanMin: ["The span minimum (3) must be below the span maximum (2)."] },
    });
    expect(
      await updateOrgSettings.run(acme.members.director.user.id, acme.org.slug, { ...(await base()), spanMax: "0", spanMin: "2.5" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { spanMax: ["The span maximum must be from 1 to 100."], spanMin: ["The span minimum must be whole reports."] },
    });
    expect(await tableFingerprints()).toEqual(before);
  });
});
