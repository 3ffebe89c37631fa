import http from "node:http";
import type { AddressInfo } from "node:net";

import { NextRequest } from "next/server";
import pg from "pg";
import type { PgBoss } from "pg-boss";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/(auth)/unsubscribe/route";
import { importActuals } from "@/lib/budgets/import-actuals";
import { checkMappedActuals, importMappedActuals } from "@/lib/imports/import-mapped-actuals";
import { importMappedPlan } from "@/lib/imports/import-mapped-plan";
import { checkMappedPositions, importMappedPositions } from "@/lib/imports/import-mapped-positions";
import { importHiringPlan } from "@/lib/headcount/import-hiring-plan";
import { importPlan } from "@/lib/budgets/import-plan";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createJobQueue } from "@/lib/jobs/queue";
import { createMailer } from "@/lib/notifications/email";
import { notify } from "@/lib/notifications/notify";
import { scheduleNotifications } from "@/lib/notifications/schedule";
import { sendNotification, type Senders } from "@/lib/notifications/send";
import { unsubscribe, updateNotificationSettings } from "@/lib/notifications/settings";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { relayPendingNotifications, startNotificationWorker } from "@/lib/notifications/worker";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { uploadCsv } from "@/tests/factories/finance";
import { createMember, createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Notifications on a fixed clock: each rule of the scheduler (lib/notifications/rules.ts,
// digest.ts) against the review's own definitions, idempotent on a re-run; delivery to a real
// SMTP server started here (smtp-server, no TLS on loopback) and to a Slack-style receiver
// (node:http); retries through pg-boss; quiet hours; one digest a day; the unsubscribe link.

const db = testDb();
const url = process.env.DATABASE_URL!;

// Thursday 2027-03-11: with a weekly Friday due day and no grace, tomorrow (03-12) is a due day.
const THURSDAY = new Date("2027-03-11T09:00:00Z");
// Monday 2027-03-08: the digest day.
const MONDAY = (hour: number) => new Date(`2027-03-08T${String(hour).padStart(2, "0")}:00:00Z`);

type Received = { from: string; to: string[]; raw: string };

async function smtp(failFirst = 0) {
  const got: Received[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        if (refused < failFirst) {
          refused++;
          const err = Object.assign(new Error("Try again later"), { responseCode: 451 });
          return callback(err);
        }
        got.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.server.address() as AddressInfo).port;
  return {
    got,
    senders: {
      mailer: createMailer({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }, "Keel <keel@test.example>"),
      baseUrl: "https://keel.test",
    } satisfies Senders,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function receiver(statuses: number[] = [200]) {
  const got: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push(body);
      res.writeHead(statuses[Math.min(got.length - 1, statuses.length - 1)]).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function until<T>(check: () => Promise<T> | T, ms = 20_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An org with a reporting line director → manager → lead, each a signed-up user and a person. */
async function world() {
  const acme = await createOrgWithRoles(db);
  const orgId = acme.org.id;
  await db.organization.update({
    where: { id: orgId },
    data: { updateCadence: "WEEKLY", updateDueWeekday: "FRIDAY", updateGraceDays: 0, name: "Acme" },
  });
  const leadUser = await createMember(db, orgId, "MANAGER", { scopeUnitId: acme.units.teamA.id });
  const person = (name: string, orgUnitId: string, managerId: string | null, userId: string) =>
    db.person.create({
      data: {
        orgId,
        name,
        title: "Eng",
        level: "M1",
        orgUnitId,
        managerId,
        userId,
        startDate: new Date("2020-01-01"),
        annualCompCents: 0n,
      },
    });
  const director = await person("Dana Director", acme.units.division.id, null, acme.members.director.user.id);
  const manager = await person("Mona Manager", acme.units.deptA.id, director.id, acme.members.manager.user.id);
  const lead = await person("Lee Lead", acme.units.teamA.id, manager.id, leadUser.user.id);
  await db.orgUnit.update({ where: { id: acme.units.teamA.id }, data: { leadId: manager.id } });
  const project = (name: string, lastUpdateAt: Date | null) =>
    db.project.create({
      data: {
        orgId,
        orgUnitId: acme.units.teamA.id,
        name,
        status: "ACTIVE",
        leadId: lead.id,
        lastUpdateAt,
        createdAt: new Date("2026-06-01"),
      },
    });
  return {
    acme,
    orgId,
    users: { director: acme.members.director.user.id, manager: acme.members.manager.user.id, lead: leadUser.user.id },
    project,
    persons: { director, manager, lead },
  };
}

const rows = (where: Prisma.NotificationWhereInput) =>
  db.notification.findMany({ where, orderBy: [{ kind: "asc" }, { channel: "asc" }, { dedupeKey: "asc" }] });

beforeEach(async () => {
  await resetDb();
});

describe("the scheduler's rules on a fixed clock", () => {
  it("update due: the day before, to the lead, once", async () => {
    const w = await world();
    const p = await w.project("Due Tomorrow", new Date("2027-03-05T10:00:00Z"));
    await w.project("Posted", new Date("2027-03-09T10:00:00Z"));
    expect(await scheduleNotifications(db, new Date("2027-03-10T09:00:00Z"))).toBe(0); // two days before
    await scheduleNotifications(db, THURSDAY);
    const due = await rows({ kind: "UPDATE_DUE" });
    expect(due.map((n) => [n.userId, n.channel, n.dedupeKey])).toEqual([
      [w.users.lead, "IN_APP", `due:${p.id}:2027-03-12`],
      [w.users.lead, "EMAIL", `due:${p.id}:2027-03-12`],
    ]);
    expect(due[0]).toMatchObject({ state: "SENT", subject: "Update due tomorrow: Due Tomorrow" });
    expect(due[1]).toMatchObject({ state: "PENDING" });
    // A re-run (the job ran twice, or two workers) writes nothing new.
    expect(await scheduleNotifications(db, THURSDAY)).toBe(0);
    expect(await db.notification.count({ where: { kind: "UPDATE_DUE" } })).toBe(2);
  });

  it("stale escalation: up the reporting line as the review computes it, once per step", async () => {
    const w = await world();
    const one = await w.project("One Missed", new Date("2027-02-26T10:00:00Z")); // missed the 03-05 cycle
    const four = await w.project("Four Missed", new Date("2027-02-05T10:00:00Z")); // 4 cycles: capped at the top
    await scheduleNotifications(db, THURSDAY);
    const stale = await rows({ kind: "STALE_ESCALATION", channel: "IN_APP" });
    expect(stale.map((n) => [n.userId, n.dedupeKey])).toEqual(
      [
        [w.users.director, `stale:${four.id}:2027-02-13:2`],
        [w.users.manager, `stale:${one.id}:2027-03-06:1`],
      ].sort((a, b) => a[1].localeCompare(b[1])),
    );
    expect(stale.find((n) => n.userId === w.users.manager)!.text).toMatch(/escalated to you, 1 level up/);
    expect(await scheduleNotifications(db, THURSDAY)).toBe(0);
    // A week later the project that missed one cycle has missed two: it climbs to the director.
    await scheduleNotifications(db, new Date("2027-03-18T09:00:00Z"));
    const later = await rows({ kind: "STALE_ESCALATION", channel: "IN_APP", dedupeKey: { startsWith: `stale:${one.id}` } });
    expect(later.map((n) => n.userId)).toEqual([w.users.manager, w.users.director]);
  });

  it("acknowledgement requested: to the reviewer of each recent unacknowledged update, once", async () => {
    const w = await world();
    const p = await w.project("Needs Ack", new Date("2027-03-10T10:00:00Z"));
    const upd = await db.statusUpdate.create({
      data: {
        orgId: w.orgId,
        projectId: p.id,
        authorId: w.users.lead,
        health: "AT_RISK",
        summary: "Slipping a week",
        createdAt: new Date("2027-03-10T10:00:00Z"),
      },
    });
    await db.statusUpdate.create({
      data: {
        orgId: w.orgId,
        projectId: (await w.project("Old", null)).id,
        authorId: w.users.lead,
        health: "ON_TRACK",
        summary: "Old",
        createdAt: new Date("2027-01-01T10:00:00Z"),
      },
    });
    await scheduleNotifications(db, THURSDAY);
    const acks = await rows({ kind: "ACK_REQUESTED", channel: "IN_APP" });
    expect(acks.map((n) => [n.userId, n.dedupeKey])).toEqual([[w.users.manager, `ack:${upd.id}`]]);
    expect(acks[0].text).toContain("Slipping a week");
    expect(await scheduleNotifications(db, THURSDAY)).toBe(0);
  });

  it("position open beyond N days: to the unit's lead, once per vacancy", async () => {
    const w = await world();
    const position = (title: string, openedAt: Date) =>
      db.position.create({
        data: {
          orgId: w.orgId,
          orgUnitId: w.acme.units.teamA.id,
          title,
          level: "L3",
          status: "OPEN",
          openedAt,
          annualCompCents: 10_000_000n,
          budgetFiscalYear: 2027,
        },
      });
    const old = await position("Staff Engineer", new Date("2027-01-01T00:00:00Z")); // 69 days
    await position("New Req", new Date("2027-03-01T00:00:00Z")); // 10 days
    await scheduleNotifications(db, THURSDAY);
    const open = await rows({ kind: "POSITION_OPEN", channel: "IN_APP" });
    expect(open.map((n) => [n.userId, n.dedupeKey, n.subject])).toEqual([
      [w.users.manager, `position:${old.id}:2027-01-01`, "Open 69 days: Staff Engineer"],
    ]);
    // The salary of the position is nowhere in it.
    expect(open[0].text).not.toMatch(/100,000|100000/);
    expect(await scheduleNotifications(db, THURSDAY)).toBe(0);
  });

  it("position open: the threshold is the org's setting (1–365 days, default 45), changed by admins and directors, audited", async () => {
    const w = await world();
    await db.position.create({
      data: {
        orgId: w.orgId,
        orgUnitId: w.acme.units.teamA.id,
        title: "Recent Req",
        level: "L3",
        status: "OPEN",
        openedAt: new Date("2027-02-01T00:00:00Z"), // 38 days open on THURSDAY
        annualCompCents: 10_000_000n,
        budgetFiscalYear: 2027,
      },
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.orgId } })).positionOpenAlertDays).toBe(45);
    await scheduleNotifications(db, THURSDAY);
    expect(await rows({ kind: "POSITION_OPEN" })).toEqual([]);

    const org = await db.organization.findUniqueOrThrow({ where: { id: w.orgId } });
    const settings = (over: Record<string, unknown>) => ({
      name: org.name,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
      updateCadence: org.updateCadence,
      updateDueWeekday: org.updateDueWeekday,
      updateGraceDays: org.updateGraceDays,
      expectedUpdatedAt: org.updatedAt.toISOString(),
      ...over,
    });
    // Bad input: each names the field, nothing is written.
    for (const [value, message] of [
      ["0", "The open-position alert must be from 1 to 365 days."],
      ["366", "The open-position alert must be from 1 to 365 days."],
      ["2.5", "The open-position alert must be whole days."],
      ["", "The open-position alert must be a number of days."],
    ])
      expect(await updateOrgSettings.run(w.users.director, w.acme.org.slug, settings({ positionOpenAlertDays: value }))).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { positionOpenAlertDays: [message] },
      });
    // Wrong role, and another org's admin naming this org: refused.
    expect(await updateOrgSettings.run(w.users.manager, w.acme.org.slug, settings({ positionOpenAlertDays: 30 }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const other = await createOrgWithRoles(db);
    expect(
      await updateOrgSettings.run(other.members.admin.user.id, w.acme.org.slug, settings({ positionOpenAlertDays: 30 })),
    ).toMatchObject({
      ok: false,
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.orgId } })).positionOpenAlertDays).toBe(45);

    expect(await updateOrgSettings.run(w.users.director, w.acme.org.slug, settings({ positionOpenAlertDays: "30" }))).toMatchObject({
      ok: true,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { orgId: w.orgId, action: "org.settings.update" },
      orderBy: { at: "desc" },
    });
    expect(event.before).toMatchObject({ positionOpenAlertDays: 45 });
    expect(event.after).toMatchObject({ positionOpenAlertDays: 30 });
    await scheduleNotifications(db, THURSDAY);
    expect((await rows({ kind: "POSITION_OPEN", channel: "IN_APP" })).map((n) => [n.userId, n.subject])).toEqual([
      [w.users.manager, "Open 38 days: Recent Req"],
    ]);
    // The other org keeps its own (default) threshold.
    expect((await db.organization.findUniqueOrThrow({ where: { id: other.org.id } })).positionOpenAlertDays).toBe(45);
  });

  it("weekly director digest: Monday from 07:00 local, one a day across orgs, with each section", async () => {
    const w = await world();
    const p = await w.project("Turned Red", new Date("2027-03-05T10:00:00Z"));
    await db.statusUpdate.create({
      data: {
        orgId: w.orgId,
        projectId: p.id,
        authorId: w.users.lead,
        health: "ON_TRACK",
        summary: "fine",
        createdAt: new Date("2027-02-20T10:00:00Z"),
      },
    });
    await db.statusUpdate.create({
      data: {
        orgId: w.orgId,
        projectId: p.id,
        authorId: w.users.lead,
        health: "OFF_TRACK",
        summary: "bad",
        createdAt: new Date("2027-03-05T10:00:00Z"),
      },
    });
    await db.project.update({ where: { id: p.id }, data: { health: "OFF_TRACK", healthChangedAt: new Date("2027-03-05T10:00:00Z") } });
    const vendor = await db.vendor.create({ data: { orgId: w.orgId, name: "Figma" } });
    await db.contract.create({
      data: {
        orgId: w.orgId,
        vendorId: vendor.id,
        orgUnitId: w.acme.units.teamA.id,
        category: "SOFTWARE",
        name: "Seats",
        annualAmountCents: 1_200_000n,
        startDate: new Date("2026-04-01"),
        endDate: new Date("2027-04-30"),
        renewalNoticeDate: new Date("2027-03-31"),
      },
    });
    // The director reads a second org too: still one digest, with both.
    const globex = await createOrgWithRoles(db);
    await db.organization.update({ where: { id: globex.org.id }, data: { name: "Globex" } });
    await db.membership.create({ data: { orgId: globex.org.id, userId: w.users.director, role: "DIRECTOR" } });

    await scheduleNotifications(db, MONDAY(6));
    expect(await db.notification.count({ where: { kind: "DIRECTOR_DIGEST" } })).toBe(0);
    await scheduleNotifications(db, MONDAY(8));
    const digests = await rows({ kind: "DIRECTOR_DIGEST", userId: w.users.director });
    expect(digests.map((d) => [d.channel, d.dedupeKey])).toEqual([
      ["IN_APP", "digest:2027-03-08"],
      ["EMAIL", "digest:2027-03-08"],
    ]);
    const text = digests[0].text;
    expect(text).toContain("Acme: the week to 2027-03-08");
    expect(text).toContain("Globex: the week to 2027-03-08");
    expect(text).toContain("Turned Red: On track → Off track");
    expect(text).toMatch(/New risks \(1\)\n- Turned Red is off track/);
    expect(text).toContain("Figma — Seats: give notice by 2027-03-31");
    expect(text).toMatch(/Heads vs plan, FY27 Q1\n- In post \d+ of \d+ planned/);
    expect(text).toContain("Budget variance beyond 5% of plan");
    // The admin reads the org's health too; the manager and viewer do not get a digest.
    expect(
      await db.notification.count({ where: { kind: "DIRECTOR_DIGEST", userId: w.acme.members.admin.user.id, channel: "IN_APP" } }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { kind: "DIRECTOR_DIGEST", userId: { in: [w.users.manager, w.acme.members.viewer.user.id] } } }),
    ).toBe(0);
    // Later the same day, and on Tuesday: nothing more.
    expect(await scheduleNotifications(db, MONDAY(15))).toBe(0);
    await scheduleNotifications(db, new Date("2027-03-09T08:00:00Z"));
    expect(await db.notification.count({ where: { kind: "DIRECTOR_DIGEST", userId: w.users.director } })).toBe(2);
  });

  it("the digest day is the reader's: Monday 07:00 in Tokyo is Sunday 22:00 UTC", async () => {
    const w = await world();
    await db.user.update({ where: { id: w.users.director }, data: { timeZone: "Asia/Tokyo" } });
    await scheduleNotifications(db, new Date("2027-03-07T22:30:00Z"));
    const d = await rows({ kind: "DIRECTOR_DIGEST", userId: w.users.director, channel: "IN_APP" });
    expect(d.map((n) => n.dedupeKey)).toEqual(["digest:2027-03-08"]);
  });

  it("a reader who chose another digest day and hour gets it then, not on Monday", async () => {
    const w = await world();
    // Thursday from 16:00 in New York (EST, UTC−5).
    await db.user.update({ where: { id: w.users.director }, data: { timeZone: "America/New_York", digestWeekday: 4, digestHour: 16 } });
    const mine = () => rows({ kind: "DIRECTOR_DIGEST", userId: w.users.director, channel: "IN_APP" });
    await scheduleNotifications(db, MONDAY(9));
    expect(await mine()).toEqual([]);
    await scheduleNotifications(db, new Date("2027-03-11T20:30:00Z")); // Thursday 15:30 in New York
    expect(await mine()).toEqual([]);
    await scheduleNotifications(db, new Date("2027-03-11T21:05:00Z")); // 16:05
    expect((await mine()).map((n) => n.dedupeKey)).toEqual(["digest:2027-03-11"]);
    // The admin kept the default: Monday.
    expect(await db.notification.count({ where: { kind: "DIRECTOR_DIGEST", userId: w.acme.members.admin.user.id } })).toBe(2);
  });
});

describe("preferences, quiet hours and unsubscribe", () => {
  it("quiet hours hold email until they end, by the user's time zone; in-app is at once", async () => {
    const w = await world();
    await db.user.update({ where: { id: w.users.lead }, data: { timeZone: "America/New_York", quietStartHour: 22, quietEndHour: 7 } });
    const at = new Date("2027-03-11T03:30:00Z"); // 22:30 in New York (EST)
    await notify(db, { orgId: w.orgId, userId: w.users.lead, kind: "UPDATE_DUE", dedupeKey: "q1", subject: "s", text: "t" }, at);
    const [inApp, email] = await rows({ dedupeKey: "q1" });
    expect(inApp.notBefore.toISOString()).toBe(at.toISOString());
    expect(email.notBefore.toISOString()).toBe("2027-03-11T12:00:00.000Z"); // 07:00 EST
    const outside = new Date("2027-03-11T15:00:00Z");
    await notify(db, { orgId: w.orgId, userId: w.users.lead, kind: "UPDATE_DUE", dedupeKey: "q2", subject: "s", text: "t" }, outside);
    expect((await rows({ dedupeKey: "q2", channel: "EMAIL" }))[0].notBefore.toISOString()).toBe(outside.toISOString());
  });

  it("settings: per kind and channel; a bad time zone, half quiet hours or a private Slack address are refused", async () => {
    const w = await world();
    const ok = await updateNotificationSettings.run(w.users.lead, {
      timeZone: "Europe/Berlin",
      quietStartHour: null,
      quietEndHour: null,
      digestWeekday: 1,
      digestHour: 7,
      slackWebhookUrl: "",
      preferences: [{ kind: "UPDATE_DUE", channel: "EMAIL", enabled: false }],
    });
    expect(ok.ok).toBe(true);
    await notify(db, { orgId: w.orgId, userId: w.users.lead, kind: "UPDATE_DUE", dedupeKey: "p1", subject: "s", text: "t" });
    expect((await rows({ dedupeKey: "p1" })).map((n) => n.channel)).toEqual(["IN_APP"]);
    const bad = await updateNotificationSettings.run(w.users.lead, {
      timeZone: "Mars/Olympus",
      quietStartHour: 22,
      quietEndHour: null,
      digestWeekday: 7,
      digestHour: 24,
      slackWebhookUrl: "http://hooks.example.com/x",
      preferences: [],
    });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
        "digestHour",
        "digestWeekday",
        "quietEndHour",
        "slackWebhookUrl",
        "timeZone",
      ]);
    const loopback = await updateNotificationSettings.run(w.users.lead, {
      timeZone: "UTC",
      quietStartHour: null,
      quietEndHour: null,
      digestWeekday: 1,
      digestHour: 7,
      slackWebhookUrl: "https://127.0.0.1/hook",
      preferences: [],
    });
    expect(loopback).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { slackWebhookUrl: [expect.stringMatching(/private or loopback/)] },
    });
  });

  it("a non-member is never notified, nor sent to after leaving", async () => {
    const w = await world();
    const other = await createOrgWithRoles(db);
    expect(
      await notify(db, {
        orgId: w.orgId,
        userId: other.members.director.user.id,
        kind: "UPDATE_DUE",
        dedupeKey: "x",
        subject: "s",
        text: "t",
      }),
    ).toBe(0);
    // One who leaves before the send is not sent what was written while a member.
    await notify(db, { orgId: w.orgId, userId: w.users.lead, kind: "UPDATE_DUE", dedupeKey: "left", subject: "s", text: "t" });
    await db.membership.deleteMany({ where: { orgId: w.orgId, userId: w.users.lead } });
    const email = (await rows({ dedupeKey: "left", channel: "EMAIL" }))[0];
    expect(await sendNotification(db, email.id, 0, { mailer: null, baseUrl: "https://keel.test" })).toBe("skipped");
    expect(await db.notification.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
      state: "SKIPPED",
      error: expect.stringMatching(/no longer a member/),
    });
  });

  it("the unsubscribe link turns one kind off by email and Slack, without signing in; a forged one does nothing", async () => {
    const w = await world();
    await notify(db, { orgId: w.orgId, userId: w.users.director, kind: "DIRECTOR_DIGEST", dedupeKey: "before", subject: "s", text: "t" });
    const forged = await unsubscribe.run({ token: `${w.users.director}.DIRECTOR_DIGEST.${"x".repeat(43)}` });
    expect(forged).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const other = await unsubscribe.run({
      token: unsubscribeToken(w.users.director, "UPDATE_DUE").replace("UPDATE_DUE", "DIRECTOR_DIGEST"),
    });
    expect(other).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.notificationPreference.count()).toBe(0);
    const done = await unsubscribe.run({ token: unsubscribeToken(w.users.director, "DIRECTOR_DIGEST") });
    expect(done).toMatchObject({ ok: true, data: { kind: "DIRECTOR_DIGEST" } });
    await notify(db, { orgId: w.orgId, userId: w.users.director, kind: "DIRECTOR_DIGEST", dedupeKey: "after", subject: "s", text: "t" });
    expect((await rows({ dedupeKey: "after" })).map((n) => n.channel)).toEqual(["IN_APP"]);
    // Other kinds still arrive by email.
    await notify(db, { orgId: w.orgId, userId: w.users.director, kind: "STALE_ESCALATION", dedupeKey: "k", subject: "s", text: "t" });
    expect((await rows({ dedupeKey: "k" })).map((n) => n.channel)).toEqual(["IN_APP", "EMAIL"]);
    // The email written before the click is not sent.
    const pending = (await rows({ dedupeKey: "before", channel: "EMAIL" }))[0];
    expect(await sendNotification(db, pending.id, 0, { mailer: null, baseUrl: "https://keel.test" })).toBe("skipped");
    expect((await db.notification.findUniqueOrThrow({ where: { id: pending.id } })).state).toBe("SKIPPED");
  });
});

describe("the unsubscribe route (no session)", () => {
  it("GET only shows the button; POST (the button, or a mail client's one-click) turns the kind off; a forged link is 404", async () => {
    const w = await world();
    const token = unsubscribeToken(w.users.director, "DIRECTOR_DIGEST");
    const at = `https://keel.test/unsubscribe?t=${encodeURIComponent(token)}`;
    const page = await unsubscribeGet(new NextRequest(at));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Weekly director digest");
    expect(await db.notificationPreference.count()).toBe(0);
    const done = await unsubscribePost(
      new NextRequest(at, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("You are unsubscribed");
    expect(
      await db.notificationPreference.findMany({
        where: { userId: w.users.director },
        select: { kind: true, channel: true, enabled: true },
        orderBy: { channel: "asc" },
      }),
    ).toEqual([
      { kind: "DIRECTOR_DIGEST", channel: "EMAIL", enabled: false },
      { kind: "DIRECTOR_DIGEST", channel: "SLACK", enabled: false },
    ]);
    expect((await unsubscribeGet(new NextRequest("https://keel.test/unsubscribe"))).status).toBe(404);
    expect((await unsubscribePost(new NextRequest(`${at}x`, { method: "POST" }))).status).toBe(404);
  });
});

describe("delivery", () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of closers) await c();
  });

  it("email: a real SMTP server receives plain text and HTML with the one-click unsubscribe headers", async () => {
    const w = await world();
    const server = await smtp();
    closers.push(server.close);
    await notify(db, {
      orgId: w.orgId,
      userId: w.users.lead,
      kind: "UPDATE_DUE",
      dedupeKey: "m1",
      subject: "Update due tomorrow: <Apollo>",
      text: "Due tomorrow.\n\n- one\n- two",
      href: `/${w.acme.org.slug}/projects/x`,
    });
    const row = (await rows({ dedupeKey: "m1", channel: "EMAIL" }))[0];
    expect(await sendNotification(db, row.id, 0, server.senders)).toBe("sent");
    expect(server.got).toHaveLength(1);
    const mail = server.got[0];
    const lead = await db.user.findUniqueOrThrow({ where: { id: w.users.lead } });
    expect(mail.to).toEqual([lead.email]);
    expect(mail.raw).toMatch(/^Subject: Update due tomorrow: <Apollo>/m);
    expect(mail.raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/keel\.test\/unsubscribe\?t=/m);
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(mail.raw).toContain("Content-Type: text/plain");
    expect(mail.raw).toContain("Content-Type: text/html");
    expect(mail.raw).toContain("&lt;Apollo&gt;"); // escaped in the HTML part
    const sent = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ state: "SENT", attempts: 1, error: null });
    // Sent is sent: the same job again sends nothing.
    expect(await sendNotification(db, row.id, 1, server.senders)).toBe("skipped");
    expect(server.got).toHaveLength(1);
  });

  it("Slack: posts to the user's incoming webhook through the SSRF guard", async () => {
    const w = await world();
    const hook = await receiver();
    closers.push(hook.close);
    await db.user.update({ where: { id: w.users.lead }, data: { slackWebhookUrl: hook.url } });
    await notify(db, {
      orgId: w.orgId,
      userId: w.users.lead,
      kind: "UPDATE_DUE",
      dedupeKey: "s1",
      subject: "Update due tomorrow: Apollo",
      text: "Due.",
    });
    const row = (await rows({ dedupeKey: "s1", channel: "SLACK" }))[0];
    // The org does not allow private targets: the loopback receiver is refused for good.
    expect(await sendNotification(db, row.id, 0, { mailer: null, baseUrl: "https://keel.test" })).toBe("failed");
    expect(await db.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      state: "FAILED",
      error: expect.stringMatching(/refused/),
    });
    expect(hook.got).toHaveLength(0);
    await db.organization.update({ where: { id: w.orgId }, data: { webhooksAllowPrivate: true } });
    await notify(db, {
      orgId: w.orgId,
      userId: w.users.lead,
      kind: "UPDATE_DUE",
      dedupeKey: "s2",
      subject: "Update due tomorrow: Apollo",
      text: "Due.",
    });
    const row2 = (await rows({ dedupeKey: "s2", channel: "SLACK" }))[0];
    expect(await sendNotification(db, row2.id, 0, { mailer: null, baseUrl: "https://keel.test" })).toBe("sent");
    const body = JSON.parse(hook.got[0]) as { text: string };
    expect(body.text).toMatch(/^\*Update due tomorrow: Apollo\*/);
    expect(body.text).toContain("|Unsubscribe>");
  });

  describe("through pg-boss", () => {
    let boss: PgBoss;
    let pool: pg.Pool;
    beforeAll(async () => {
      boss = await createJobQueue(url);
      pool = new pg.Pool({ connectionString: url, max: 1 });
    });
    afterAll(async () => {
      await pool.end();
      await boss.stop({ graceful: false, close: true });
    });

    it("the scheduler runs as a pg-boss job and its in-app and email rows follow", async () => {
      const w = await world();
      const server = await smtp();
      closers.push(server.close);
      await db.position.create({
        data: {
          orgId: w.orgId,
          orgUnitId: w.acme.units.teamA.id,
          title: "Long Open",
          level: "L3",
          status: "OPEN",
          openedAt: new Date(Date.now() - 60 * 86_400_000),
          annualCompCents: 1n,
          budgetFiscalYear: 2027,
        },
      });
      const worker = await startNotificationWorker({
        db,
        boss,
        url,
        senders: server.senders,
        relayIntervalMs: 500,
        pollingIntervalSeconds: 0.5,
        cron: null,
      });
      try {
        await boss.send("notification-schedule", {});
        const email = await until(() => db.notification.findFirst({ where: { kind: "POSITION_OPEN", channel: "EMAIL", state: "SENT" } }));
        expect(email.userId).toBe(w.users.manager);
        expect(server.got.some((m) => m.raw.includes("Long Open"))).toBe(true);
      } finally {
        await worker.stop();
      }
    });

    it("a failed send is retried by pg-boss and sent once; email waits out quiet hours in the relay", async () => {
      const w = await world();
      const server = await smtp(1); // the first DATA is refused with 451 (try again)
      closers.push(server.close);
      const worker = await startNotificationWorker({
        db,
        boss,
        url,
        senders: server.senders,
        policy: { retryLimit: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 1 },
        relayIntervalMs: 60_000,
        pollingIntervalSeconds: 0.5,
        cron: null,
      });
      try {
        await db.user.update({ where: { id: w.users.lead }, data: { timeZone: "UTC", quietStartHour: 0, quietEndHour: 23 } });
        const now = new Date();
        await notify(
          db,
          { orgId: w.orgId, userId: w.users.lead, kind: "IMPORT_RESULT", dedupeKey: "r1", subject: "Retry me", text: "t" },
          now,
        );
        const row = (await rows({ dedupeKey: "r1", channel: "EMAIL" }))[0];
        // Inside quiet hours (unless the test runs at 23:xx UTC): the relay leaves it.
        if (row.notBefore > now) {
          expect(
            await relayPendingNotifications(
              pool,
              boss,
              { retryLimit: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 1, timeoutMs: 3000 },
              now,
            ),
          ).toBe(0);
          await db.notification.update({ where: { id: row.id }, data: { notBefore: now } });
        }
        expect(await worker.relayNow()).toBe(1);
        const sent = await until(async () => {
          const n = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
          return n.state === "SENT" ? n : null;
        });
        expect(sent.attempts).toBe(2);
        expect(server.got.filter((m) => m.raw.includes("Retry me"))).toHaveLength(1);
        expect(await worker.relayNow()).toBe(0);
      } finally {
        await worker.stop();
      }
    });
  });
});

describe("imports", () => {
  it("a finished import notifies the importer in its transaction", async () => {
    const acme = await createOrgWithRoles(db);
    const text = `date,cost centre code,category,amount,vendor,memo,external reference\r\n2026-03-01,${acme.units.teamA.code},Software,12.00,,,N-1\r\n`;
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "ledger.csv",
    });
    expect(result.ok).toBe(true);
    const n = await rows({ kind: "IMPORT_RESULT", channel: "IN_APP" });
    expect(n.map((r) => [r.userId, r.subject, r.text])).toEqual([
      [acme.members.finance.user.id, "Actuals import finished: ledger.csv", "ledger.csv: 1 row read, 1 imported."],
    ]);
  });

  it("a refused file whose rows hold NUL bytes is still noticed (PostgreSQL text cannot hold NUL)", async () => {
    const acme = await createOrgWithRoles(db);
    const text = `month,cost centre code,category,amount\r\n2026-1\u00003,${acme.units.teamA.code},Software,12.00\r\n`;
    const input = { uploadId: await uploadCsv(text), fileName: "nul.csv" };
    expect(await importPlan.run(acme.members.finance.user.id, acme.org.slug, input)).toMatchObject({ ok: false, code: "VALIDATION" });
    const n = await rows({ kind: "IMPORT_RESULT", channel: "IN_APP" });
    expect(n).toHaveLength(1);
    expect(n[0].subject).toBe("Plan import failed: nul.csv");
    expect(n[0].text).not.toContain("\u0000");
  });

  it("a refused import tells the importer what was wrong, once per upload", async () => {
    const acme = await createOrgWithRoles(db);
    const text = `month,cost centre code,category,amount\r\n2026-13,${acme.units.teamA.code},Software,12.00\r\n`;
    const input = { uploadId: await uploadCsv(text), fileName: "plan.csv" };
    // The same upload refused twice (a retry): one notice.
    for (let i = 0; i < 2; i++)
      expect(await importPlan.run(acme.members.finance.user.id, acme.org.slug, input)).toMatchObject({ ok: false, code: "VALIDATION" });
    const n = await rows({ kind: "IMPORT_RESULT", channel: "IN_APP" });
    expect(n).toHaveLength(1);
    expect(n[0].subject).toBe("Plan import failed: plan.csv");
    expect(n[0].text).toMatch(/- Row 2: .*2026-13/);
  });

  it("the same upload refused again for another reason (the mapping changed) is noticed again, with the new reason", async () => {
    const acme = await createOrgWithRoles(db);
    const text = `Date,Account,Department,Amount\r\n03/01/2026,Software,Platform,12.00\r\n03/02/2026,Software,Nowhere,5.00\r\n`;
    const uploadId = await uploadCsv(text);
    const run = (costCentres: { value: string; code: string }[]) =>
      importMappedActuals.run(acme.members.finance.user.id, acme.org.slug, {
        uploadId,
        fileName: "gl.csv",
        mapping: {
          encoding: "utf-8",
          dateFormat: "MDY",
          columns: { date: "Date", account: "Account", costCentre: "Department", amount: "Amount" },
          accounts: [{ value: "Software", category: "SOFTWARE" }],
          costCentres,
        },
      });
    expect(await run([{ value: "Platform", code: acme.units.teamA.code }])).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await run([{ value: "Nowhere", code: acme.units.teamA.code }])).toMatchObject({ ok: false, code: "VALIDATION" });
    // The first refusal again: no third notice.
    expect(await run([{ value: "Platform", code: acme.units.teamA.code }])).toMatchObject({ ok: false, code: "VALIDATION" });
    const n = await rows({ kind: "IMPORT_RESULT", channel: "IN_APP" });
    expect(n).toHaveLength(2);
    expect(n.some((r) => r.text.includes('"Nowhere"'))).toBe(true);
    expect(n.some((r) => r.text.includes('"Platform"'))).toBe(true);
  });

  it("a refused mapped ledger or plan import notices the importer too; a check, a wrong role or another org's member does not", async () => {
    const acme = await createOrgWithRoles(db);
    const other = await createOrgWithRoles(db);
    const text = `Date,Account,Department,Amount\r\n03/01/2026,Software,Platform,12.00\r\n03/02/2026,Software,Nowhere,5.00\r\n`;
    const input = async () => ({
      uploadId: await uploadCsv(text),
      fileName: "gl.csv",
      mapping: {
        encoding: "utf-8",
        dateFormat: "MDY",
        columns: { date: "Date", account: "Account", costCentre: "Department", amount: "Amount" },
        accounts: [{ value: "Software", category: "SOFTWARE" }],
        costCentres: [{ value: "Platform", code: acme.units.teamA.code }],
      },
    });
    const finance = acme.members.finance.user.id;
    expect(await checkMappedActuals.run(finance, acme.org.slug, await input())).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await importMappedActuals.run(acme.members.viewer.user.id, acme.org.slug, await input())).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await importMappedActuals.run(other.members.finance.user.id, acme.org.slug, await input())).toMatchObject({ ok: false });
    expect(await rows({ kind: "IMPORT_RESULT" })).toEqual([]);

    const refused = await importMappedActuals.run(finance, acme.org.slug, await input());
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    const n = await rows({ kind: "IMPORT_RESULT" });
    expect(n.map((r) => [r.userId, r.orgId, r.channel, r.subject])).toEqual([
      [finance, acme.org.id, "IN_APP", "Actuals import failed: gl.csv"],
      [finance, acme.org.id, "EMAIL", "Actuals import failed: gl.csv"],
    ]);
    expect(n[0].text).toContain("nothing was written");
    expect(n[0].text).toContain('"Nowhere"');
    expect(await db.actualEntry.count()).toBe(0);

    // The mapped plan import too.
    const plan = `Period,Department,GL account,Budget\r\nNov 2026,Platform,Software,100.00\r\nNov 2026,Nowhere,Software,5.00\r\n`;
    const planRefused = await importMappedPlan.run(finance, acme.org.slug, {
      uploadId: await uploadCsv(plan),
      fileName: "budget.csv",
      mapping: {
        encoding: "utf-8",
        dateFormat: "DMY",
        columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" },
        accounts: [{ value: "Software", category: "SOFTWARE" }],
        costCentres: [{ value: "Platform", code: acme.units.teamA.code }],
      },
    });
    expect(planRefused).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await rows({ kind: "IMPORT_RESULT" })).filter((r) => r.subject === "Plan import failed: budget.csv")).toHaveLength(2);
    expect(await db.budgetLine.count({ where: { orgId: acme.org.id } })).toBe(0);
  });

  it("a hiring-plan import, in Keel's layout or mapped, notices the importer when it finishes", async () => {
    const acme = await createOrgWithRoles(db);
    const director = acme.members.director.user.id;
    const csv = `title,level,org unit code,target start,annual compensation\r\nSenior Engineer,IC3,${acme.units.teamA.code},2027-01-31,185000\r\n`;
    expect(await importHiringPlan.run(director, acme.org.slug, { csv, fileName: "hires.csv" })).toMatchObject({ ok: true });
    const sheet = `Role,Level,Team,Start date,Salary\r\nStaff Engineer,IC4,Platform,02/01/2027,"210,000.00"\r\nEngineer,IC2,Platform,03/01/2027,"120,000.00"\r\n`;
    const mapped = await importMappedPositions.run(director, acme.org.slug, {
      uploadId: await uploadCsv(sheet),
      fileName: "recruiting.csv",
      mapping: {
        encoding: "utf-8",
        dateFormat: "MDY",
        columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
        accounts: [],
        costCentres: [{ value: "Platform", code: acme.units.teamA.code }],
      },
    });
    expect(mapped).toMatchObject({ ok: true });
    const n = await rows({ kind: "IMPORT_RESULT", channel: "IN_APP" });
    expect(n.map((r) => [r.userId, r.subject, r.text, r.href]).sort()).toEqual([
      [director, "Hiring plan import finished: hires.csv", "hires.csv: 1 row read, 1 imported.", `/${acme.org.slug}/headcount`],
      [director, "Hiring plan import finished: recruiting.csv", "recruiting.csv: 2 rows read, 2 imported.", `/${acme.org.slug}/headcount`],
    ]);
  });

  it("a refused hiring-plan import, in Keel's layout or mapped, notices the importer once per file; its check does not", async () => {
    const acme = await createOrgWithRoles(db);
    const director = acme.members.director.user.id;
    const csv = `title,level,org unit code,target start,annual compensation\r\nSenior Engineer,IC3,NOWHERE,2027-01-31,185000\r\n`;
    // The same text refused twice (a retry): one notice.
    for (let i = 0; i < 2; i++)
      expect(await importHiringPlan.run(director, acme.org.slug, { csv, fileName: "hires.csv" })).toMatchObject({
        ok: false,
        code: "VALIDATION",
      });
    const sheet = `Role,Level,Team,Start date,Salary\r\nStaff Engineer,IC4,Nowhere,02/01/2027,"210,000.00"\r\n`;
    const input = async () => ({
      uploadId: await uploadCsv(sheet),
      fileName: "recruiting.csv",
      mapping: {
        encoding: "utf-8",
        dateFormat: "MDY",
        columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
        accounts: [],
        costCentres: [],
      },
    });
    expect(await checkMappedPositions.run(director, acme.org.slug, await input())).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await importMappedPositions.run(director, acme.org.slug, await input())).toMatchObject({ ok: false, code: "VALIDATION" });
    const n = await rows({ kind: "IMPORT_RESULT", channel: "IN_APP" });
    expect(n.map((r) => [r.userId, r.subject, r.href]).sort()).toEqual([
      [director, "Hiring plan import failed: hires.csv", `/${acme.org.slug}/headcount`],
      [director, "Hiring plan import failed: recruiting.csv", `/${acme.org.slug}/headcount`],
    ]);
    const [own, fromMapping] = [...n].sort((a, b) => a.subject.localeCompare(b.subject));
    expect(own.text).toMatch(/- Row 2: .*"NOWHERE" does not exist/);
    expect(fromMapping.text).toContain('"Nowhere"');
    expect(await db.position.count({ where: { orgId: acme.org.id } })).toBe(0);
  });
});
