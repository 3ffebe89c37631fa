import { beforeEach, describe, expect, it } from "vitest";

import { createContract, updateContract } from "@/lib/vendors/contract-mutations";
import { createVendor, updateVendor } from "@/lib/vendors/vendor-mutations";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

function contractInput(vendorId: string, orgUnitId: string, overrides: Record<string, unknown> = {}) {
  return {
    vendorId,
    orgUnitId,
    category: "SOFTWARE",
    name: "Seats",
    annualAmount: "12,000.50",
    startDate: "2026-01-01",
    endDate: "2026-12-31",
    renewalNoticeDate: "",
    status: "ACTIVE",
    ...overrides,
  };
}

describe("vendors and contracts", () => {
  it("finance creates a vendor and a contract, exactly and audited", async () => {
    const v = await createVendor.run(acme.members.finance.user.id, acme.org.slug, { name: "Figma", website: "https://figma.com" });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const c = await createContract.run(
      acme.members.finance.user.id,
      acme.org.slug,
      contractInput(v.data.id, acme.units.teamA.id, { autoRenew: "on" }),
    );
    expect(c.ok).toBe(true);
    const row = await db.contract.findFirstOrThrow({ where: { orgId: acme.org.id } });
    expect(row).toMatchObject({ annualAmountCents: 1_200_050n, autoRenew: true, category: "SOFTWARE", version: 1 });
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: { in: ["vendors.create", "contracts.create"] } } })).toBe(2);
    expect(await createVendor.run(acme.members.director.user.id, acme.org.slug, { name: "figma" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it.each(["manager", "viewer", "admin"] as const)("%s cannot edit vendors", async (who) => {
    const before = await rowCounts();
    expect(await createVendor.run(acme.members[who].user.id, acme.org.slug, { name: "Nope" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses another org's vendor, unit or owner as field errors, and bad dates", async () => {
    const gv = await db.vendor.create({ data: { orgId: globex.org.id, name: "Globex vendor" } });
    const before = await rowCounts();
    const r = await createContract.run(acme.members.finance.user.id, acme.org.slug, contractInput(gv.id, globex.units.teamA.id));
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { vendorId: [expect.any(String)], orgUnitId: [expect.any(String)] },
    });
    const av = await db.vendor.create({ data: { orgId: acme.org.id, name: "Acme vendor" } });
    const bad = await createContract.run(
      acme.members.finance.user.id,
      acme.org.slug,
      contractInput(av.id, acme.units.teamA.id, { startDate: "2026-02-30", annualAmount: "12.345" }),
    );
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["annualAmount", "startDate"]);
    const backwards = await createContract.run(
      acme.members.finance.user.id,
      acme.org.slug,
      contractInput(av.id, acme.units.teamA.id, { endDate: "2025-01-01" }),
    );
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { endDate: [expect.stringMatching(/before the start/)] } });
    expect(await rowCounts()).toEqual({ ...before, Vendor: before.Vendor + 1 });
  });

  it("edits a contract with optimistic concurrency; a stale version is a conflict; foreign ids are not found", async () => {
    const v = await db.vendor.create({ data: { orgId: acme.org.id, name: "AWS" } });
    const c = await createContract.run(acme.members.finance.user.id, acme.org.slug, contractInput(v.id, acme.units.teamA.id));
    if (!c.ok) throw new Error("setup");
    const u1 = await updateContract.run(acme.members.director.user.id, acme.org.slug, {
      ...contractInput(v.id, acme.units.teamB.id, { annualAmount: "100" }),
      id: c.data.id,
      version: 1,
    });
    expect(u1).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await updateContract.run(acme.members.finance.user.id, acme.org.slug, {
      ...contractInput(v.id, acme.units.teamA.id),
      id: c.data.id,
      version: 1,
    });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db.contract.findUniqueOrThrow({ where: { id: c.data.id } })).toMatchObject({
      annualAmountCents: 10_000n,
      orgUnitId: acme.units.teamB.id,
      version: 2,
    });
    const foreign = await updateContract.run(globex.members.finance.user.id, globex.org.slug, {
      ...contractInput(v.id, acme.units.teamA.id),
      id: c.data.id,
      version: 2,
    });
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await updateVendor.run(globex.members.finance.user.id, globex.org.slug, { id: v.id, name: "Hijack" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});
