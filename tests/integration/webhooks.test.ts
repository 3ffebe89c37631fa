import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import pg from "pg";
import type { PgBoss } from "pg-boss";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createJobQueue } from "@/lib/jobs/queue";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { removeMember } from "@/lib/settings/members";
import { createWebhook, redeliverWebhook, sendTestWebhook, updateWebhookSettings } from "@/lib/webhooks/endpoints";
import type { DeliveryPolicy } from "@/lib/webhooks/policy";
import { announceMissedMilestones } from "@/lib/webhooks/missed-milestones";
import { relayPendingDeliveries, WEBHOOK_QUEUE } from "@/lib/webhooks/relay";
import { isPrivateAddress } from "@/lib/webhooks/ssrf";
import { createMember, createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Webhooks end to end on the real queue: actions write the outbox, the worker relays it into
// pg-boss and delivers to a receiver started here (node:http on 127.0.0.1), which checks the
// signature as the Standard Webhooks spec tells a receiver to. The org allows private targets
// (the receiver is on loopback) except where the SSRF guard itself is tested.

const db = testDb();
const url = process.env.DATABASE_URL!;
const FAST: Partial<DeliveryPolicy> = { retryLimit: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 2, timeoutMs: 3_000 };

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A webhook receiver answering each request with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[] = [200]) {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(got.length - 1, statuses.length - 1)]).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A receiver's check, written from the spec (standardwebhooks.com), not from Keel's code. */
function verifyStandardWebhook(secret: string, r: Received, toleranceSec = 300): boolean {
  const id = String(r.headers["webhook-id"]);
  const ts = Number(r.headers["webhook-timestamp"]);
  if (!id || !Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > toleranceSec) return false;
  const key = Buffer.from(secret.split("_")[1], "base64");
  const expected = createHmac("sha256", key).update(`${id}.${ts}.${r.body}`).digest();
  return String(r.headers["webhook-signature"])
    .split(" ")
    .some((sig) => {
      const [version, b64] = sig.split(",");
      const given = Buffer.from(b64 ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
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

let boss: PgBoss;
let worker: JobWorker | null = null;
const closers: (() => Promise<void>)[] = [];

async function org(allowPrivate = true) {
  const o = await createOrgWithRoles(db);
  const admin = o.members.admin.user.id;
  if (allowPrivate) expect((await updateWebhookSettings.run(admin, o.org.slug, { allowPrivate: true })).ok).toBe(true);
  const project = await db.project.create({
    data: { orgId: o.org.id, orgUnitId: o.units.teamA.id, name: "Apollo", status: "ACTIVE", startDate: new Date("2026-01-05") },
  });
  return { ...o, admin, project };
}

async function endpoint(o: Awaited<ReturnType<typeof org>>, target: string, events = ["status_update.posted", "project.health_changed"]) {
  const res = await createWebhook.run(o.admin, o.org.slug, { url: target, events });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data;
}

const post = (o: Awaited<ReturnType<typeof org>>, health = "ON_TRACK") =>
  postStatusUpdate.run(o.members.director.user.id, o.org.slug, { projectId: o.project.id, health, summary: "Shipped the beta" });

beforeAll(async () => {
  await resetDb();
  boss = await createJobQueue(url, { max: 3 });
  if (await boss.getQueue(WEBHOOK_QUEUE)) await boss.deleteAllJobs(WEBHOOK_QUEUE);
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  await boss.stop({ graceful: false, close: true });
});

describe("webhook delivery", () => {
  beforeEach(async () => {
    worker = await startJobWorker({ db, boss, url, policy: FAST, relayIntervalMs: 200, pollingIntervalSeconds: 0.5 });
  });

  it("signs each delivery so a receiver implementing Standard Webhooks verifies it, and sends no pay", async () => {
    const rx = await receiver();
    closers.push(rx.close);
    const o = await org();
    const { secret } = await endpoint(o, rx.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect((await post(o, "AT_RISK")).ok).toBe(true);
    await until(() => rx.got.length >= 2);
    for (const r of rx.got) {
      expect(verifyStandardWebhook(secret, r)).toBe(true);
      expect(verifyStandardWebhook(secret, { ...r, body: r.body.replace("Apollo", "Apoll0") })).toBe(false);
      expect(verifyStandardWebhook("whsec_" + Buffer.alloc(24, 1).toString("base64"), r)).toBe(false);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.body).not.toMatch(/comp|salary|cents|pay/i);
    }
    const types = rx.got.map((r) => JSON.parse(r.body).type).sort();
    expect(types).toEqual(["project.health_changed", "status_update.posted"]);
    const posted = JSON.parse(rx.got.find((r) => r.body.includes("status_update.posted"))!.body);
    expect(posted).toMatchObject({ type: "status_update.posted", data: { project: { id: o.project.id, name: "Apollo" } } });
    expect(Date.parse(posted.timestamp)).toBeGreaterThan(0);
    // The stored secret is sealed, not the secret itself.
    const stored = await db.webhookEndpoint.findFirstOrThrow({ where: { orgId: o.org.id }, select: { secretSealed: true } });
    expect(stored.secretSealed).not.toContain(secret.slice(6));
    // The audit trail names the endpoint, never its secret.
    const audits = await db.auditEvent.findMany({ where: { orgId: o.org.id, action: "webhook.create" } });
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain(secret.slice(6));
  });

  it("retries a failed attempt with backoff and logs each attempt's response code", async () => {
    const rx = await receiver([500, 200]);
    closers.push(rx.close);
    const o = await org();
    await endpoint(o, rx.url, ["status_update.posted"]);
    expect((await post(o)).ok).toBe(true);
    const delivery = await until(async () => {
      const d = await db.webhookDelivery.findFirst({
        where: { orgId: o.org.id },
        include: { attemptLog: { orderBy: { attempt: "asc" } } },
      });
      return d?.state === "SUCCEEDED" ? d : undefined;
    });
    expect(delivery.attempts).toBe(2);
    expect(delivery.attemptLog.map((a) => a.responseStatus)).toEqual([500, 200]);
    expect(delivery.attemptLog[0].error).toBe("HTTP 500");
    expect(rx.got).toHaveLength(2);
    // Both attempts carry the same webhook-id: the receiver can tell a retry from a new event.
    expect(rx.got[0].headers["webhook-id"]).toBe(rx.got[1].headers["webhook-id"]);
    const ep = await db.webhookEndpoint.findFirstOrThrow({ where: { orgId: o.org.id } });
    expect(ep.consecutiveFailures).toBe(0);
  });

  it("redelivers an event on request with the same webhook-id", async () => {
    const rx = await receiver();
    closers.push(rx.close);
    const o = await org();
    await endpoint(o, rx.url, ["status_update.posted"]);
    expect((await post(o)).ok).toBe(true);
    await until(() => rx.got.length === 1);
    const first = await until(() => db.webhookDelivery.findFirst({ where: { orgId: o.org.id, state: "SUCCEEDED" } }));
    const res = await redeliverWebhook.run(o.admin, o.org.slug, { deliveryId: first.id });
    expect(res.ok).toBe(true);
    await until(() => rx.got.length === 2);
    expect(rx.got[1].headers["webhook-id"]).toBe(rx.got[0].headers["webhook-id"]);
    expect(rx.got[1].body).toBe(rx.got[0].body);
    const again = await db.webhookDelivery.findUniqueOrThrow({ where: { id: res.ok ? res.data.deliveryId : "" } });
    expect(again).toMatchObject({ redeliveryOfId: first.id, eventId: first.eventId });
  });

  it("emits member.removed and the test event only to the endpoints concerned", async () => {
    const rx = await receiver();
    closers.push(rx.close);
    const o = await org();
    const members = await endpoint(o, rx.url, ["member.removed"]);
    await endpoint(o, rx.url, ["status_update.posted"]);
    const gone = await createMember(db, o.org.id, "VIEWER");
    expect((await removeMember.run(o.admin, o.org.slug, { membershipId: gone.membership.id })).ok).toBe(true);
    expect((await sendTestWebhook.run(o.admin, o.org.slug, { endpointId: members.endpointId, version: 1 })).ok).toBe(true);
    await until(() => rx.got.length === 2);
    const bodies = rx.got.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type).sort()).toEqual(["member.removed", "webhook.test"]);
    expect(bodies.find((b) => b.type === "member.removed").data.membership).toMatchObject({ id: gone.membership.id, role: "VIEWER" });
  });
});

describe("failures", () => {
  it("disables an endpoint after repeated failed deliveries, and stops writing deliveries for it", async () => {
    worker = await startJobWorker({
      db,
      boss,
      url,
      policy: { ...FAST, retryLimit: 0, disableAfter: 2 },
      relayIntervalMs: 200,
      pollingIntervalSeconds: 0.5,
    });
    const rx = await receiver([503]);
    closers.push(rx.close);
    const o = await org();
    const { endpointId } = await endpoint(o, rx.url, ["status_update.posted"]);
    expect((await post(o)).ok).toBe(true);
    await until(() => db.webhookDelivery.findFirst({ where: { orgId: o.org.id, state: "FAILED" } }));
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).enabled).toBe(true);
    expect((await post(o)).ok).toBe(true);
    const ep = await until(async () => {
      const e = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
      return e.enabled ? undefined : e;
    });
    expect(ep.consecutiveFailures).toBe(2);
    expect(ep.disabledReason).toMatch(/after 2 failed deliveries in a row \(last: HTTP 503\)/);
    expect((await post(o)).ok).toBe(true);
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(2);
  });

  it("refuses private and loopback targets unless the org allows them", async () => {
    worker = await startJobWorker({ db, boss, url, policy: FAST, relayIntervalMs: 200, pollingIntervalSeconds: 0.5 });
    const rx = await receiver();
    closers.push(rx.close);
    const o = await org(false);
    const literal = await createWebhook.run(o.admin, o.org.slug, { url: rx.url, events: ["status_update.posted"] });
    expect(literal).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringMatching(/https:\/\//)] } });
    const ipv4 = await createWebhook.run(o.admin, o.org.slug, { url: "https://127.0.0.1/hooks", events: ["status_update.posted"] });
    expect(ipv4).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringMatching(/private or loopback/)] } });
    // A name that resolves to loopback passes the form and is refused at delivery, before any connection.
    const port = new URL(rx.url).port;
    await endpoint(o, `https://localhost:${port}/hooks`, ["status_update.posted"]);
    expect((await post(o)).ok).toBe(true);
    const d = await until(() =>
      db.webhookDelivery.findFirst({ where: { orgId: o.org.id, state: "FAILED" }, include: { attemptLog: true } }),
    );
    expect(d.error).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1)/);
    expect(d.attemptLog).toHaveLength(1);
    expect(d.attempts).toBe(1);
    expect(rx.got).toHaveLength(0);

    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });
});

describe("milestone.missed", () => {
  it("is written once for a milestone whose due day passed undone in the last week", async () => {
    const o = await org();
    const { endpointId } = await endpoint(o, "https://hooks.example.com/m", ["milestone.missed"]);
    const now = new Date("2026-12-06T12:00:00Z");
    const mk = (dueDate: string, doneDate: string | null = null) =>
      db.milestone.create({
        data: {
          orgId: o.org.id,
          projectId: o.project.id,
          name: `Due ${dueDate}`,
          dueDate: new Date(dueDate),
          doneDate: doneDate && new Date(doneDate),
        },
      });
    const missed = await mk("2026-12-05");
    await mk("2026-11-01"); // long ago: not replayed
    await mk("2026-12-04", "2026-12-03"); // done
    await mk("2026-12-06"); // due today: not missed yet
    await announceMissedMilestones(db, now);
    await announceMissedMilestones(db, now);
    const rows = await db.webhookDelivery.findMany({ where: { endpointId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toMatchObject({
      type: "milestone.missed",
      data: { milestone: { id: missed.id, dueDate: "2026-12-05" }, project: { id: o.project.id, name: "Apollo" } },
    });
    await db.webhookDelivery.deleteMany({ where: { endpointId } });
  });
});

describe("queue durability", () => {
  it("keeps a queued delivery across a worker restart and delivers it once", async () => {
    const rx = await receiver();
    closers.push(rx.close);
    const o = await org();
    await endpoint(o, rx.url, ["status_update.posted"]);
    // Only this test's event is pending (earlier tests' leftovers would be relayed too).
    await db.webhookDelivery.deleteMany({ where: { state: "PENDING", orgId: { not: o.org.id } } });
    expect((await post(o)).ok).toBe(true);
    // A first worker process takes the event into the queue, then dies before delivering it.
    const first = await createJobQueue(url, { max: 2 });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    expect(await relayPendingDeliveries(pool, first, { ...(await import("@/lib/webhooks/policy")).DELIVERY_POLICY, ...FAST })).toBe(1);
    await pool.end();
    await first.stop({ graceful: false, close: true });
    const queued = await db.webhookDelivery.findFirstOrThrow({ where: { orgId: o.org.id } });
    expect(queued.state).toBe("QUEUED");
    expect(rx.got).toHaveLength(0);
    // A new worker (its own pg-boss instance) finds the job in PostgreSQL and delivers it.
    const second = await createJobQueue(url, { max: 2 });
    closers.push(() => second.stop({ graceful: true, close: true }));
    worker = await startJobWorker({ db, boss: second, url, policy: FAST, relayIntervalMs: 200, pollingIntervalSeconds: 0.5 });
    await until(() => rx.got.length === 1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(rx.got).toHaveLength(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ state: "SUCCEEDED", attempts: 1 });
  });
});

describe("on the embedded database (npm start without DATABASE_URL)", () => {
  it("runs pg-boss on PGlite and delivers through it", async () => {
    const { startEmbeddedDb } = await import("@/lib/embedded-db");
    const { migrate } = await import("@/lib/migrate");
    const { createPrismaClient } = await import("@/lib/db-factory");
    const { sealSecret } = await import("@/lib/security/secret-box");
    const { emitWebhookEvent } = await import("@/lib/webhooks/emit");
    const embedded = await startEmbeddedDb();
    closers.push(embedded.stop);
    await migrate(embedded.url, undefined, () => {});
    const edb = createPrismaClient(embedded.url);
    closers.push(() => edb.$disconnect());
    const rx = await receiver();
    closers.push(rx.close);
    const o = await edb.organization.create({ data: { name: "Embedded", slug: "embedded", webhooksAllowPrivate: true } });
    const secret = "whsec_" + Buffer.alloc(24, 7).toString("base64");
    await edb.webhookEndpoint.create({
      data: { orgId: o.id, url: rx.url, events: ["import.completed"], secretSealed: sealSecret(secret, o.id) },
    });
    await emitWebhookEvent(edb, o.id, "import.completed", { kind: "ACTUALS", rowCount: 1 });
    // As npm start runs it: the worker's own pg-boss instance with a small pool on the one backend.
    const eboss = await createJobQueue(embedded.url, { max: 2 });
    const w = await startJobWorker({
      db: edb,
      boss: eboss,
      url: embedded.url,
      policy: FAST,
      relayIntervalMs: 200,
      pollingIntervalSeconds: 0.5,
    });
    closers.unshift(async () => {
      await w.stop();
      await eboss.stop({ graceful: true, close: true });
    });
    await until(() => rx.got.length === 1);
    expect(verifyStandardWebhook(secret, rx.got[0])).toBe(true);
    // The worker records the outcome once the receiver has answered, a moment after it got the call.
    const done = await until(() => edb.webhookDelivery.findFirst({ where: { orgId: o.id, state: "SUCCEEDED" } }));
    expect(done.attempts).toBe(1);
  });
});
