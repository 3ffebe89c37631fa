import { beforeAll, describe, expect, it } from "vitest";

import { exportAuditCsv } from "@/lib/audit/export";
import type { Member } from "@/lib/auth";
import { getPeopleFigures } from "@/lib/dashboard/people-figures";
import { clearFiguresMemo } from "@/lib/figures-memo";
import { fiscalPeriod } from "@/lib/fiscal";
import type { Role } from "@/lib/generated/prisma/enums";
import { managerPageAccess } from "@/lib/managers/access";
import { addManagerNote } from "@/lib/managers/add-note";
import { isInChain } from "@/lib/managers/chain";
import { deleteManagerNote } from "@/lib/managers/delete-note";
import { setManagerGoalDone, updateManagerNote } from "@/lib/managers/edit-note";
import { exportProjectsCsv } from "@/lib/projects/export";
import { updatePunctuality } from "@/lib/projects/punctuality";
import { getManagerFigures, managersNeedingSupport } from "@/lib/managers/figures";
import { getManagerProfile, listDirectReports, listManagerNotes } from "@/lib/managers/queries";
import { attritionByUnit, attritionTotal, newManagers, spanOfControl } from "@/lib/org-health/queries";
import { getDeliveryReview } from "@/lib/projects/review";
import { COUNTS_ONLY } from "@/lib/projects/review-lists";
import { createMember, createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The director's managers (issue 21 item 4) on a hand-built org, on a fixed day:
//   D (lead Dir) ── A (lead MA) ── T (lead TL)
//              └─ B (lead MB)
//   Dir manages MA, MB; MA manages TL and Ic1–Ic8 (A); TL manages T1–T3 (T); MB (new: started
//   2026-03-01) manages B1, B2 since 2026-04-01. Ten (A, reported to MA) left on 2026-01-15.
//   Logins: Dir (DIRECTOR), MA, MB, TL and Ic1 (MANAGER), an admin and a director with no person.
// Development notes about MA and TL are written by Dir; only Dir (and MA, for TL) may read them.

const db = testDb();
const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = "2026-06-30";
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const SECRET = "Needs coaching on delegation — confidential";
type Fx = Awaited<ReturnType<typeof build>>;
let fx: Fx;

async function build() {
  const org = await createOrg(db);
  const D = await createUnit(db, org.id, { kind: "DIVISION", name: "D" });
  const A = await createUnit(db, org.id, { parentId: D.id, kind: "DEPARTMENT", name: "A" });
  const T = await createUnit(db, org.id, { parentId: A.id, kind: "TEAM", name: "T" });
  const B = await createUnit(db, org.id, { parentId: D.id, kind: "DEPARTMENT", name: "B" });
  const login = async (role: Role, scopeUnitId: string | null = null) => (await createMember(db, org.id, role, { scopeUnitId })).user;
  const users = {
    dir: await login("DIRECTOR"),
    ma: await login("MANAGER", A.id),
    mb: await login("MANAGER", B.id),
    tl: await login("MANAGER", T.id),
    ic: await login("MANAGER", A.id),
    admin: await login("ADMIN"),
    otherDirector: await login("DIRECTOR"),
  };
  const person = (
    name: string,
    unitId: string,
    start: string,
    managerId: string | null = null,
    userId: string | null = null,
    end: string | null = null,
  ) =>
    db.person.create({
      data: {
        orgId: org.id,
        orgUnitId: unitId,
        name,
        title: "T",
        level: "L",
        managerId,
        userId,
        startDate: d(start),
        endDate: end ? d(end) : null,
        annualCompCents: 1n,
      },
    });
  const dir = await person("Dir", D.id, "2018-01-01", null, users.dir.id);
  const ma = await person("MA", A.id, "2019-01-01", dir.id, users.ma.id);
  const mb = await person("MB", B.id, "2026-03-01", dir.id, users.mb.id);
  const tl = await person("TL", T.id, "2019-06-01", ma.id, users.tl.id);
  const ic1 = await person("Ic1", A.id, "2020-01-01", ma.id, users.ic.id);
  for (let i = 2; i <= 8; i++) await person(`Ic${i}`, A.id, "2020-01-01", ma.id);
  await person("Ten", A.id, "2020-01-01", ma.id, null, "2026-01-15");
  for (let i = 1; i <= 3; i++) await person(`T${i}`, T.id, "2021-01-01", tl.id);
  for (const name of ["B1", "B2"]) {
    const p = await person(name, B.id, "2022-01-01", mb.id);
    await db.personAssignment.createMany({
      data: [
        { orgId: org.id, personId: p.id, orgUnitId: B.id, managerId: dir.id, effectiveFrom: d("2022-01-01"), effectiveTo: d("2026-03-31") },
        { orgId: org.id, personId: p.id, orgUnitId: B.id, managerId: mb.id, effectiveFrom: d("2026-04-01") },
      ],
    });
  }
  await db.orgUnit.update({ where: { id: D.id }, data: { leadId: dir.id } });
  await db.orgUnit.update({ where: { id: A.id }, data: { leadId: ma.id } });
  await db.orgUnit.update({ where: { id: T.id }, data: { leadId: tl.id } });
  await db.orgUnit.update({ where: { id: B.id }, data: { leadId: mb.id } });
  // B has a project nobody has updated since January (stale); A one at risk; A an open position.
  await db.project.create({
    data: {
      orgId: org.id,
      orgUnitId: B.id,
      name: "Quiet",
      status: "ACTIVE",
      health: "ON_TRACK",
      createdAt: d("2026-01-05"),
      startDate: d("2026-01-05"),
    },
  });
  await db.project.create({
    data: {
      orgId: org.id,
      orgUnitId: T.id,
      name: "Risky",
      status: "ACTIVE",
      health: "AT_RISK",
      createdAt: new Date(NOW.getTime() - 86_400_000),
      startDate: d(DAY),
      lastUpdateAt: NOW,
    },
  });
  await db.position.create({
    data: {
      orgId: org.id,
      orgUnitId: T.id,
      title: "Open",
      level: "L",
      status: "OPEN",
      annualCompCents: 1n,
      budgetFiscalYear: 2026,
      openedAt: d("2026-05-01"),
    },
  });
  const slug = org.slug;
  const member = (userId: string, role: Role, scopeUnitId: string | null = null): Member => ({
    user: { id: userId, email: "x@test.example", name: "X" } as Member["user"],
    org: { id: org.id, slug, name: org.name, currency: "USD", fiscalYearStartMonth: 1 },
    role,
    scopeUnitId,
    readsPay: role === "DIRECTOR" || role === "ADMIN",
  });
  return { org, slug, units: { D, A, T, B }, people: { dir, ma, mb, tl, ic1 }, users, member };
}

beforeAll(async () => {
  await resetDb();
  fx = await build();
  const note = await addManagerNote.run(fx.users.dir.id, fx.slug, {
    managerId: fx.people.ma.id,
    kind: "GOAL",
    body: SECRET,
    checkInOn: "2026-09-30",
  });
  expect(note.ok, JSON.stringify(note)).toBe(true);
  const tlNote = await addManagerNote.run(fx.users.ma.id, fx.slug, {
    managerId: fx.people.tl.id,
    kind: "NOTE",
    body: "TL note",
    checkInOn: "",
  });
  expect(tlNote.ok, JSON.stringify(tlNote)).toBe(true);
});

describe("the management chain", () => {
  it("is the people above a manager in the reporting line, at any depth, and nobody else", async () => {
    const above = (userId: string, managerId: string) => isInChain(db, fx.org.id, managerId, userId);
    expect(await above(fx.users.dir.id, fx.people.ma.id)).toBe(true);
    expect(await above(fx.users.dir.id, fx.people.tl.id)).toBe(true);
    expect(await above(fx.users.ma.id, fx.people.tl.id)).toBe(true);
    expect(await above(fx.users.ma.id, fx.people.ma.id), "the manager themself").toBe(false);
    expect(await above(fx.users.tl.id, fx.people.ma.id), "a report who manages").toBe(false);
    expect(await above(fx.users.ic.id, fx.people.ma.id), "a report").toBe(false);
    expect(await above(fx.users.mb.id, fx.people.ma.id), "another manager").toBe(false);
    expect(await above(fx.users.admin.id, fx.people.ma.id), "an admin with no person").toBe(false);
  });

  it("opens the page to directors, admins and the chain; notes only to the chain", async () => {
    const { member: m } = fx;
    expect(await managerPageAccess(m(fx.users.dir.id, "DIRECTOR"), fx.people.ma.id)).toEqual({ notes: true });
    expect(await managerPageAccess(m(fx.users.otherDirector.id, "DIRECTOR"), fx.people.ma.id)).toEqual({ notes: false });
    expect(await managerPageAccess(m(fx.users.admin.id, "ADMIN"), fx.people.ma.id)).toEqual({ notes: false });
    expect(await managerPageAccess(m(fx.users.ma.id, "MANAGER", fx.units.A.id), fx.people.tl.id)).toEqual({ notes: true });
    expect(await managerPageAccess(m(fx.users.ma.id, "MANAGER", fx.units.A.id), fx.people.ma.id), "own page").toBeNull();
    expect(await managerPageAccess(m(fx.users.ic.id, "MANAGER", fx.units.A.id), fx.people.ma.id), "a report").toBeNull();
    expect(await managerPageAccess(m(fx.users.tl.id, "MANAGER", fx.units.T.id), fx.people.ma.id), "a report who manages").toBeNull();
    expect(await managerPageAccess(m(fx.users.mb.id, "MANAGER", fx.units.B.id), fx.people.ma.id), "another manager").toBeNull();
  });
});

describe("development notes", () => {
  it("are read by the chain and by nobody else", async () => {
    expect((await listManagerNotes(fx.org.id, fx.people.ma.id, fx.users.dir.id)).map((n) => [n.kind, n.body, n.checkInOn])).toEqual([
      ["GOAL", SECRET, "2026-09-30"],
    ]);
    expect((await listManagerNotes(fx.org.id, fx.people.tl.id, fx.users.ma.id)).map((n) => n.body)).toEqual(["TL note"]);
    expect((await listManagerNotes(fx.org.id, fx.people.tl.id, fx.users.dir.id)).map((n) => n.body)).toEqual(["TL note"]);
    for (const [who, userId] of Object.entries({
      self: fx.users.ma.id,
      report: fx.users.ic.id,
      reportManager: fx.users.tl.id,
      otherManager: fx.users.mb.id,
      admin: fx.users.admin.id,
      otherDirector: fx.users.otherDirector.id,
    })) {
      expect(await listManagerNotes(fx.org.id, fx.people.ma.id, userId), who).toEqual([]);
    }
    expect(await listManagerNotes(fx.org.id, fx.people.tl.id, fx.users.tl.id), "TL about themself").toEqual([]);
  });

  it("cannot be written from outside the chain, whatever the role; nothing is written", async () => {
    const count = () => db.managerNote.count({ where: { orgId: fx.org.id } });
    const before = await count();
    const input = { managerId: fx.people.ma.id, kind: "NOTE", body: "Sneaky" };
    for (const userId of [fx.users.ma.id, fx.users.ic.id, fx.users.mb.id, fx.users.tl.id, fx.users.admin.id, fx.users.otherDirector.id]) {
      expect(await addManagerNote.run(userId, fx.slug, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const note = await db.managerNote.findFirstOrThrow({ where: { managerId: fx.people.ma.id } });
    expect(await deleteManagerNote.run(fx.users.mb.id, fx.slug, { noteId: note.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await deleteManagerNote.run(fx.users.ma.id, fx.slug, { noteId: note.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await count()).toBe(before);
  });

  it("bad input names the field and writes nothing", async () => {
    const before = await db.managerNote.count();
    const goal = await addManagerNote.run(fx.users.dir.id, fx.slug, {
      managerId: fx.people.ma.id,
      kind: "GOAL",
      body: "Ship it",
      checkInOn: "",
    });
    expect(goal).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { checkInOn: ["A goal needs a check-in date."] } });
    const empty = await addManagerNote.run(fx.users.dir.id, fx.slug, {
      managerId: fx.people.ma.id,
      kind: "NOTE",
      body: "   ",
      checkInOn: "2026-02-30",
    });
    expect(empty).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(Object.keys((empty as { fieldErrors: object }).fieldErrors).sort()).toEqual(["body", "checkInOn"]);
    const kind = await addManagerNote.run(fx.users.dir.id, fx.slug, { managerId: fx.people.ma.id, kind: "MEMO", body: "x" });
    expect(kind).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { kind: ["Choose a note or a goal."] } });
    const long = await addManagerNote.run(fx.users.dir.id, fx.slug, { managerId: fx.people.ma.id, kind: "NOTE", body: "x".repeat(4001) });
    expect(long).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { body: ["At most 4000 characters."] } });
    const foreign = await createOrg(db);
    const stranger = await db.person.create({
      data: {
        orgId: foreign.id,
        orgUnitId: (await createUnit(db, foreign.id)).id,
        name: "S",
        title: "T",
        level: "L",
        startDate: d("2020-01-01"),
        annualCompCents: 1n,
      },
    });
    expect(await addManagerNote.run(fx.users.dir.id, fx.slug, { managerId: stranger.id, kind: "NOTE", body: "x" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await db.managerNote.count()).toBe(before);
  });

  it("are audited without their text, so the audit log and its export never carry it", async () => {
    const events = await db.auditEvent.findMany({ where: { orgId: fx.org.id, entityType: "ManagerNote" } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toContain("delegation");
    const csv = await new Response(exportAuditCsv(fx.member(fx.users.dir.id, "DIRECTOR"), new URLSearchParams())).text();
    expect(csv).toContain("manager-note.create");
    expect(csv).not.toContain("delegation");
  });

  it("are deleted by the chain, audited", async () => {
    const made = await addManagerNote.run(fx.users.dir.id, fx.slug, { managerId: fx.people.mb.id, kind: "NOTE", body: "Temporary" });
    if (!made.ok) throw new Error(made.message);
    expect(await deleteManagerNote.run(fx.users.dir.id, fx.slug, { noteId: made.data.id })).toMatchObject({ ok: true });
    expect(await db.managerNote.count({ where: { id: made.data.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { orgId: fx.org.id, action: "manager-note.delete", entityId: made.data.id } })).toBe(1);
  });
});

describe("editing notes and marking goals done", () => {
  const EDITED = "Grow a deputy: private detail about burnout";
  it("the chain edits a note and marks a goal done (and open again), audited without the text", async () => {
    const made = await addManagerNote.run(fx.users.dir.id, fx.slug, {
      managerId: fx.people.ma.id,
      kind: "GOAL",
      body: "Grow a deputy",
      checkInOn: "2026-08-01",
    });
    if (!made.ok) throw new Error(made.message);
    const noteId = made.data.id;
    expect(await updateManagerNote.run(fx.users.dir.id, fx.slug, { noteId, body: EDITED, checkInOn: "2026-09-15" })).toMatchObject({
      ok: true,
    });
    expect(await setManagerGoalDone.run(fx.users.dir.id, fx.slug, { noteId, done: true })).toMatchObject({ ok: true });
    const read = async () => (await listManagerNotes(fx.org.id, fx.people.ma.id, fx.users.dir.id)).find((n) => n.id === noteId)!;
    const done = await read();
    expect([done.body, done.checkInOn, done.doneOn === null, done.editedAt === null]).toEqual([EDITED, "2026-09-15", false, false]);
    expect(await setManagerGoalDone.run(fx.users.dir.id, fx.slug, { noteId, done: false })).toMatchObject({ ok: true });
    expect((await read()).doneOn).toBeNull();

    const events = await db.auditEvent.findMany({
      where: { orgId: fx.org.id, entityId: noteId, action: { in: ["manager-note.update", "manager-note.set-done"] } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["manager-note.set-done", "manager-note.set-done", "manager-note.update"]);
    expect(JSON.stringify(events)).not.toContain("burnout");
  });

  it("refuses anyone outside the chain and bad input, writing nothing", async () => {
    const goal = await db.managerNote.findFirstOrThrow({ where: { managerId: fx.people.ma.id, kind: "GOAL" } });
    const note = await db.managerNote.findFirstOrThrow({ where: { managerId: fx.people.tl.id, kind: "NOTE" } });
    const snapshot = () => db.managerNote.findMany({ where: { orgId: fx.org.id }, orderBy: { id: "asc" } });
    const before = await snapshot();
    const audits = await db.auditEvent.count({ where: { orgId: fx.org.id } });
    // The manager themself, their report, another manager, an admin, another director.
    for (const userId of [fx.users.ma.id, fx.users.ic.id, fx.users.mb.id, fx.users.admin.id, fx.users.otherDirector.id]) {
      expect(await updateManagerNote.run(userId, fx.slug, { noteId: goal.id, body: "x", checkInOn: "2026-10-01" })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
      expect(await setManagerGoalDone.run(userId, fx.slug, { noteId: goal.id, done: true })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    expect(await updateManagerNote.run(fx.users.dir.id, fx.slug, { noteId: goal.id, body: "x", checkInOn: "" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { checkInOn: ["A goal needs a check-in date."] },
    });
    expect(await updateManagerNote.run(fx.users.dir.id, fx.slug, { noteId: goal.id, body: " ", checkInOn: "2026-10-01" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { body: ["Write the note."] },
    });
    expect(await setManagerGoalDone.run(fx.users.ma.id, fx.slug, { noteId: note.id, done: true })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { done: ["Only a goal can be marked done."] },
    });
    expect(await snapshot()).toEqual(before);
    expect(await db.auditEvent.count({ where: { orgId: fx.org.id } })).toBe(audits);
  });

  it("edited text never reaches the manager's reports, nor any export", async () => {
    for (const userId of [fx.users.ic.id, fx.users.tl.id, fx.users.ma.id]) {
      expect((await listManagerNotes(fx.org.id, fx.people.ma.id, userId)).map((n) => n.body)).toEqual([]);
    }
    for (const [role, userId] of [
      ["DIRECTOR", fx.users.dir.id],
      ["ADMIN", fx.users.admin.id],
    ] as const) {
      const audit = await new Response(exportAuditCsv(fx.member(userId, role), new URLSearchParams())).text();
      expect(audit).toContain("manager-note.update");
      expect(audit).not.toContain("burnout");
    }
    const projects = await new Response(exportProjectsCsv(fx.org, new URLSearchParams(), NOW)).text();
    expect(projects).not.toContain("burnout");
  });
});

describe("a manager's figures are their org health and dashboard definitions", () => {
  it("span, new manager, heads vs plan, open positions, delivery and attrition", async () => {
    clearFiguresMemo();
    const profile = await getManagerProfile(fx.org.id, fx.people.ma.id);
    expect(profile).toMatchObject({ name: "MA", unitId: fx.units.A.id, managerName: "Dir", team: { id: fx.units.A.id } });
    const f = await getManagerFigures(
      fx.org.id,
      1,
      { id: fx.people.ma.id, unitId: profile!.unitId, teamUnitId: profile!.team.id, viewerUserId: fx.users.dir.id },
      NOW,
    );
    const whole = { orgId: fx.org.id, unitId: null, day: DAY };
    const team = { orgId: fx.org.id, unitId: fx.units.A.id, day: DAY };
    // Hand-worked: MA has TL and Ic1–Ic8 in post (Ten has left): 9, over the default maximum of 8.
    expect(f.span).toBe(9);
    expect(f.span).toBe((await spanOfControl(whole)).find((s) => s.id === fx.people.ma.id)!.span);
    expect(f.span).toBe((await listDirectReports(fx.org.id, fx.people.ma.id, DAY)).length);
    expect(f.spanOutlier).toBe("over");
    expect(f.managingSince).toBeNull();
    expect(f.attrition).toEqual(await attritionTotal(team));
    expect(f.attrition.departures).toBe(1);
    const fp = fiscalPeriod(NOW, 1);
    const people = await getPeopleFigures(
      fx.org.id,
      1,
      { unitId: fx.units.A.id, fiscalYear: fp.fiscalYear, period: `q${fp.quarter}` as "q2" },
      NOW,
    );
    expect({ q: f.quarter, open: f.openPositions, days: f.avgDaysOpen }).toEqual({
      q: people.quarter,
      open: people.openPositions,
      days: people.avgDaysOpen,
    });
    expect(f.openPositions).toBe(1);
    expect(f.avgDaysOpen).toBe(60);
    const review = await getDeliveryReview({ orgId: fx.org.id, unitId: fx.units.A.id, viewerUserId: fx.users.dir.id }, COUNTS_ONLY, NOW);
    expect(f.delivery).toMatchObject({ atRisk: review.counts.atRisk, stale: review.counts.stale, due: review.counts.due });
    expect(f.delivery).toMatchObject({ active: 1, atRisk: 1, stale: 0 });
    // A's only project started today: no update cycle has ended, so no punctuality.
    expect(f.punctuality).toEqual(await updatePunctuality(fx.org.id, fx.units.A.id, NOW));
    expect(f.punctuality).toMatchObject({ cycles: 0, pct: null });
    // MB: new (managing since March), in B whose project is stale.
    const g = await getManagerFigures(
      fx.org.id,
      1,
      { id: fx.people.mb.id, unitId: fx.units.B.id, teamUnitId: fx.units.B.id, viewerUserId: fx.users.dir.id },
      NOW,
    );
    expect(g.managingSince).toBe((await newManagers(whole)).find((n) => n.id === fx.people.mb.id)!.managingSince);
    expect(g.managingSince).toBe("2026-04-01");
    expect(g.delivery.stale).toBe(1);
    // B's project has never been updated: every cycle of the 12 weeks missed.
    expect(g.punctuality).toEqual(await updatePunctuality(fx.org.id, fx.units.B.id, NOW));
    expect(g.punctuality.cycles).toBeGreaterThan(0);
    expect(g.punctuality).toMatchObject({ onTime: 0, pct: 0 });
    expect(g.spanOutlier).toBe("under");
  });

  it("managers needing support: the same definitions, and only below the reader when asked", async () => {
    const list = await managersNeedingSupport(fx.org.id, null, NOW);
    expect(list.map((m) => [m.name, m.reasons])).toEqual([
      ["MB", ["new", "stale-updates"]],
      ["Dir", ["stale-updates"]],
      ["MA", ["over-span"]],
    ]);
    const rates = await attritionByUnit({ orgId: fx.org.id, unitId: null, day: DAY });
    expect(list.find((m) => m.name === "MA")!.attritionPct).toBe(rates.find((u) => u.id === fx.units.A.id)!.ratePct);
    expect(list.find((m) => m.name === "MB")!.stale).toBe(
      (await getDeliveryReview({ orgId: fx.org.id, unitId: fx.units.B.id, viewerUserId: fx.users.dir.id }, COUNTS_ONLY, NOW)).counts.stale,
    );
    // A team's stale projects are its whole subtree's: Dir's team D counts B's, as the review of D does.
    const ofD = await getDeliveryReview({ orgId: fx.org.id, unitId: fx.units.D.id, viewerUserId: fx.users.dir.id }, COUNTS_ONLY, NOW);
    expect(list.find((m) => m.name === "Dir")!.stale).toBe(ofD.counts.stale);
    expect(ofD.counts.stale).toBeGreaterThan(0);
    // Dir's team is D, whose stale project is B's. Under the unit A only MA; below MA's login
    // nobody flagged; below Dir's login MB and MA, not Dir.
    expect((await managersNeedingSupport(fx.org.id, fx.units.A.id, NOW)).map((m) => m.name)).toEqual(["MA"]);
    expect(await managersNeedingSupport(fx.org.id, null, NOW, fx.users.ma.id)).toEqual([]);
    expect((await managersNeedingSupport(fx.org.id, null, NOW, fx.users.dir.id)).map((m) => m.name)).toEqual(["MB", "MA"]);
    expect(await managersNeedingSupport(fx.org.id, null, NOW, fx.users.admin.id)).toEqual([]);
  });
});
