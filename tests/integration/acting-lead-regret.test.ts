import { beforeEach, describe, expect, it } from "vitest";

import { setActingLead } from "@/lib/org/set-acting-lead";
import { setUnitLead } from "@/lib/org/set-unit-lead";
import { setDepartureRegret } from "@/lib/people/set-departure-regret";
import { setEndDate } from "@/lib/people/set-end-date";
import { createPerson } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { refused, resetDb, testDb } from "@/tests/support/db";

// Acting leads (org-unit.set-acting-lead) and regretted departures (person.set-departure-regret)
// through the real pipeline: what each writes (unit, history, audit), what each refuses (naming
// the field, writing nothing), and that naming a lead ends an acting lead.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
let director: string;
let manager: string;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

const person = (orgId: string, orgUnitId: string, over: { name?: string; start?: string; end?: string } = {}) =>
  createPerson(db, orgId, orgUnitId, 10_000_000n, { name: over.name ?? "Pat", start: over.start ?? "2024-01-01", end: over.end });

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  director = acme.members.director.user.id;
  manager = acme.members.manager.user.id;
});

describe("acting lead", () => {
  it("stands in for a unit without a lead: unit, history period and audit; naming a lead ends it", async () => {
    const u = acme.units.teamA;
    const pat = await person(acme.org.id, u.id, { name: "Pat" });
    expect(await setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 1, actingLeadId: pat.id })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect(await db.orgUnit.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ actingLeadId: pat.id, leadId: null });
    expect(await db.orgUnitHistory.findMany({ where: { unitId: u.id, effectiveTo: null } })).toMatchObject([
      { actingLeadId: pat.id, change: "acting-lead" },
    ]);
    expect(await db.auditEvent.findFirst({ where: { entityId: u.id, action: "org-unit.set-acting-lead" } })).toMatchObject({
      before: { actingLeadId: null },
      after: { actingLeadId: pat.id, actingLeadName: "Pat" },
    });

    const lee = await person(acme.org.id, u.id, { name: "Lee" });
    expect(await setUnitLead.run(director, acme.org.slug, { unitId: u.id, version: 2, leadId: lee.id })).toMatchObject({ ok: true });
    expect(await db.orgUnit.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ actingLeadId: null, leadId: lee.id });
    expect(await db.orgUnitHistory.findMany({ where: { unitId: u.id, effectiveTo: null } })).toMatchObject([
      { actingLeadId: null, leadId: lee.id },
    ]);
    expect(await db.auditEvent.findFirst({ where: { entityId: u.id, action: "org-unit.set-lead" } })).toMatchObject({
      before: { leadId: null, actingLeadId: pat.id },
      after: { leadId: lee.id, actingLeadId: null },
    });
    // Clearing a lead does not bring the acting lead back, and an acting lead can be ended.
    expect(await setUnitLead.run(director, acme.org.slug, { unitId: u.id, version: 3, leadId: "" })).toMatchObject({ ok: true });
    expect(await setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 4, actingLeadId: pat.id })).toMatchObject({
      ok: true,
    });
    expect(await setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 5, actingLeadId: "" })).toMatchObject({ ok: true });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: u.id } })).actingLeadId).toBeNull();
  });

  it("is allowed when the lead has left, refused while a lead is in post, naming the unit", async () => {
    const u = acme.units.teamB;
    const gone = await person(acme.org.id, u.id, { name: "Gone", end: "2025-01-31" });
    const inPost = await person(acme.org.id, u.id, { name: "Ina" });
    const pat = await person(acme.org.id, u.id, { name: "Pat" });
    await db.orgUnit.update({ where: { id: u.id }, data: { leadId: gone.id } });
    expect(await setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 1, actingLeadId: pat.id })).toMatchObject({
      ok: true,
    });

    await db.orgUnit.update({ where: { id: u.id }, data: { leadId: inPost.id, actingLeadId: null } });
    const r = await refused(() => setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 2, actingLeadId: pat.id }));
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { actingLeadId: [`${u.name} (${u.code}) has a lead in post, Ina: an acting lead stands in only when it has none.`] },
    });
  });

  it("bad input names its field and writes nothing: another org's person, someone who left, no unit, a stale version", async () => {
    const u = acme.units.teamA;
    const foreign = await person(globex.org.id, globex.units.teamA.id);
    const left = await person(acme.org.id, u.id, { name: "Left", end: "2025-06-30" });
    const pat = await person(acme.org.id, u.id);
    expect(
      await refused(() => setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 1, actingLeadId: foreign.id })),
    ).toMatchObject({
      fieldErrors: { actingLeadId: [`That person is not in this organization, so they cannot lead ${u.name} (${u.code}).`] },
    });
    expect(
      await refused(() => setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 1, actingLeadId: left.id })),
    ).toMatchObject({
      fieldErrors: { actingLeadId: [`Left has left the organization, so they cannot lead ${u.name} (${u.code}).`] },
    });
    expect(await refused(() => setActingLead.run(director, acme.org.slug, { unitId: "", version: 1, actingLeadId: pat.id }))).toMatchObject(
      {
        code: "VALIDATION",
        fieldErrors: { unitId: expect.any(Array) },
      },
    );
    expect(
      await refused(() => setActingLead.run(director, acme.org.slug, { unitId: u.id, version: 7, actingLeadId: pat.id })),
    ).toMatchObject({
      code: "CONFLICT",
    });
    expect(
      await refused(() => setActingLead.run(director, acme.org.slug, { unitId: globex.units.teamA.id, version: 1, actingLeadId: pat.id })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("regretted departure", () => {
  it("a manager records it for a leaver in their scope; the audit says it was recorded, not the answer; pay untouched", async () => {
    const p = await person(acme.org.id, acme.units.teamA.id, { name: "Lou", end: "2026-03-31" });
    expect(await setDepartureRegret.run(manager, acme.org.slug, { personId: p.id, version: 1, regretted: "regretted" })).toMatchObject({
      ok: true,
    });
    const after = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    expect(after).toMatchObject({ departureRegretted: true, version: 2, annualCompCents: 10_000_000n });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: p.id, action: "person.set-departure-regret" } });
    expect([audit.before, audit.after]).toEqual([{ regretRecorded: false }, { regretRecorded: true }]);
    expect(JSON.stringify(audit)).not.toMatch(/regretted"|annualComp/);

    expect(await setDepartureRegret.run(director, acme.org.slug, { personId: p.id, version: 2, regretted: "non-regretted" })).toMatchObject(
      {
        ok: true,
      },
    );
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).departureRegretted).toBe(false);
    expect(await setDepartureRegret.run(director, acme.org.slug, { personId: p.id, version: 3, regretted: "unrecorded" })).toMatchObject({
      ok: true,
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).departureRegretted).toBeNull();
  });

  it("bad input names its field and writes nothing: no last day, an unknown answer, a stale version, another org's person", async () => {
    const staying = await person(acme.org.id, acme.units.teamA.id, { name: "Sam" });
    expect(
      await refused(() => setDepartureRegret.run(director, acme.org.slug, { personId: staying.id, version: 1, regretted: "regretted" })),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { regretted: ["Sam has no last day recorded: record the departure first."] },
    });
    const leaver = await person(acme.org.id, acme.units.teamA.id, { end: "2026-03-31" });
    expect(
      await refused(() => setDepartureRegret.run(director, acme.org.slug, { personId: leaver.id, version: 1, regretted: "maybe" })),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { regretted: ["Choose regretted, not regretted or not recorded."] },
    });
    expect(
      await refused(() => setDepartureRegret.run(director, acme.org.slug, { personId: leaver.id, version: 5, regretted: "regretted" })),
    ).toMatchObject({
      code: "CONFLICT",
    });
    const foreign = await person(globex.org.id, globex.units.teamA.id, { end: "2026-03-31" });
    expect(
      await refused(() => setDepartureRegret.run(director, acme.org.slug, { personId: foreign.id, version: 1, regretted: "regretted" })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    // A manager outside the person's unit may not.
    const outside = await person(acme.org.id, acme.units.teamB.id, { end: "2026-03-31" });
    expect(
      await refused(() => setDepartureRegret.run(manager, acme.org.slug, { personId: outside.id, version: 1, regretted: "regretted" })),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});

describe("regretted departure, recorded with the last day (person.end)", () => {
  const end = (actor: string, personId: string, regretted?: string) =>
    setEndDate.run(actor, acme.org.slug, { personId, version: 1, endDate: "2026-03-31", vacancy: "close", regretted });

  it("records the answer with the departure, audited as recorded and never as the answer; left out, it is unrecorded", async () => {
    const lou = await person(acme.org.id, acme.units.teamA.id, { name: "Lou" });
    expect(await end(manager, lou.id, "regretted")).toMatchObject({ ok: true });
    expect(await db.person.findUniqueOrThrow({ where: { id: lou.id } })).toMatchObject({
      endDate: d("2026-03-31"),
      departureRegretted: true,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: lou.id, action: "person.end" } });
    expect(audit.after).toMatchObject({ endDate: "2026-03-31", regretRecorded: true });
    expect(JSON.stringify(audit)).not.toMatch(/regretted"|annualComp/);

    const kim = await person(acme.org.id, acme.units.teamA.id, { name: "Kim" });
    expect(await end(director, kim.id, "non-regretted")).toMatchObject({ ok: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: kim.id } })).departureRegretted).toBe(false);
    const max = await person(acme.org.id, acme.units.teamA.id, { name: "Max" });
    expect(await end(director, max.id)).toMatchObject({ ok: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: max.id } })).departureRegretted).toBeNull();
    const maxAudit = await db.auditEvent.findFirstOrThrow({ where: { entityId: max.id, action: "person.end" } });
    expect(maxAudit.after).toMatchObject({ regretRecorded: false });
  });

  it("refuses an unknown answer naming the field, and a manager outside the person's unit, writing nothing", async () => {
    const sam = await person(acme.org.id, acme.units.teamA.id, { name: "Sam" });
    expect(await refused(() => end(director, sam.id, "maybe"))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { regretted: ["Choose regretted, not regretted or not recorded."] },
    });
    const outside = await person(acme.org.id, acme.units.teamB.id);
    expect(await refused(() => end(manager, outside.id, "regretted"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const foreign = await person(globex.org.id, globex.units.teamA.id);
    expect(await refused(() => end(director, foreign.id, "regretted"))).toMatchObject({ code: "NOT_FOUND" });
  });
});
