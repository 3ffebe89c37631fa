import type { PgBoss } from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { connectDeliverySource, requestDeliverySync } from "@/lib/delivery-signals/connect";
import { importDeliveryCsv } from "@/lib/delivery-signals/import-csv";
import { linkMilestoneEpic } from "@/lib/delivery-signals/link-epic";
import { getDeliverySignals } from "@/lib/delivery-signals/queries";
import { DELIVERY_SYNC_QUEUE } from "@/lib/delivery-signals/relay";
import { runDeliverySync } from "@/lib/delivery-signals/sync";
import { createJobQueue } from "@/lib/jobs/queue";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { loadHealthFacts } from "@/lib/projects/health-facts";
import { suggestHealth } from "@/lib/projects/health-rules";
import { updateWebhookSettings } from "@/lib/webhooks/endpoints";
import { createMember, createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { JIRA_CSV, JIRA_CSV_NUMERIC } from "@/tests/support/delivery/exports";
import {
  GITHUB_BAD_CREDENTIALS,
  GITHUB_ISSUES,
  GITHUB_PULLS,
  JIRA_CHANGED,
  JIRA_PAGE_1,
  JIRA_PAGE_2,
  LINEAR_AUTH_ERROR,
  LINEAR_ISSUES,
} from "@/tests/support/delivery/payloads";
import { startFakeSource } from "@/tests/support/delivery/server";

// Delivery signals end to end: the adapters talk to a real HTTP server on loopback answering
// the recorded payloads (the org allows private targets for it), the sync writes items,
// snapshots and the sync log, and the actions are checked for who may connect.

const db = testDb();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
beforeAll(async () => {
  await resetDb();
});

async function org(allowPrivate = true) {
  const o = await createOrgWithRoles(db);
  const admin = o.members.admin.user.id;
  if (allowPrivate) expect((await updateWebhookSettings.run(admin, o.org.slug, { allowPrivate: true })).ok).toBe(true);
  const project = await db.project.create({
    data: { orgId: o.org.id, orgUnitId: o.units.teamA.id, name: "Checkout", status: "ACTIVE", startDate: new Date("2026-01-05") },
  });
  return { ...o, admin, director: o.members.director.user.id, project };
}
type Org = Awaited<ReturnType<typeof org>>;

async function connect(o: Org, input: Record<string, unknown>) {
  const res = await connectDeliverySource.run(o.director, o.org.slug, { projectId: o.project.id, ...input });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data;
}

const items = (o: Org) =>
  db.deliveryItem.findMany({
    where: { orgId: o.org.id },
    orderBy: { externalId: "asc" },
    select: { externalId: true, done: true, kind: true, epicKey: true },
  });
const logOf = (id: string) => db.deliverySyncLog.findUniqueOrThrow({ where: { id } });

describe("Jira adapter (REST v3 search/jql)", () => {
  it("pages through the search, stores issues, then asks only for what changed since the cursor", async () => {
    let changed = false;
    const src = await startFakeSource((req) => {
      if (req.url.pathname !== "/rest/api/3/search/jql") return { status: 404, body: { errorMessages: ["Not found"] } };
      if (req.headers.authorization !== `Basic ${Buffer.from("ana@acme.test:jira-token").toString("base64")}`)
        return { status: 401, body: {} };
      if (changed) return { body: JIRA_CHANGED };
      return { body: req.url.searchParams.get("nextPageToken") === "CAEaAggD" ? JIRA_PAGE_2 : JIRA_PAGE_1 };
    });
    closers.push(src.close);
    const o = await org();
    const { sourceId, logId } = await connect(o, {
      kind: "JIRA",
      baseUrl: src.base,
      jiraScope: "project",
      query: "CHK",
      account: "ana@acme.test",
      token: "jira-token",
    });
    expect(await runDeliverySync(db, logId)).toBe("succeeded");
    expect(src.seen[0].url.searchParams.get("jql")).toBe('project = "CHK" ORDER BY updated ASC');
    expect(src.seen).toHaveLength(2);
    expect(await items(o)).toEqual([
      { externalId: "CHK-2", done: true, kind: "ISSUE", epicKey: "CHK-1" },
      { externalId: "CHK-3", done: false, kind: "ISSUE", epicKey: "CHK-1" },
      { externalId: "CHK-4", done: false, kind: "ISSUE", epicKey: null },
    ]);
    expect(await logOf(logId)).toMatchObject({ state: "SUCCEEDED", itemsSeen: 3, error: null });
    const source = await db.deliverySource.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source.cursor?.toISOString()).toBe("2026-11-25T08:40:00.000Z");
    expect(source.tokenSealed).not.toContain("jira-token");

    changed = true;
    const second = await requestDeliverySync.run(o.director, o.org.slug, { sourceId });
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(await runDeliverySync(db, second.data.logId)).toBe("succeeded");
    expect(src.seen[2].url.searchParams.get("jql")).toBe('(project = "CHK") AND updated >= "2026/11/25 08:39" ORDER BY updated ASC');
    expect((await items(o)).filter((i) => i.done).map((i) => i.externalId)).toEqual(["CHK-2", "CHK-3"]);
    expect(await logOf(second.data.logId)).toMatchObject({ state: "SUCCEEDED", itemsSeen: 1 });
    const snap = await db.deliverySnapshot.findMany({ where: { orgId: o.org.id }, select: { total: true, done: true } });
    expect(snap).toEqual([{ total: 3, done: 2 }]);
  });
  it("reads the whole query on the first sync of a UTC day and drops issues that left it", async () => {
    let left = false;
    const src = await startFakeSource((req) => {
      // CHK-4 moved to another project: a whole read of the query no longer returns it.
      if (left) return { body: { ...JIRA_PAGE_1, nextPageToken: undefined, isLast: true } };
      return { body: req.url.searchParams.get("nextPageToken") === "CAEaAggD" ? JIRA_PAGE_2 : JIRA_PAGE_1 };
    });
    closers.push(src.close);
    const o = await org();
    const { sourceId, logId } = await connect(o, {
      kind: "JIRA",
      baseUrl: src.base,
      jiraScope: "project",
      query: "CHK",
      account: "ana@acme.test",
      token: "jira-token",
    });
    expect(await runDeliverySync(db, logId)).toBe("succeeded");
    expect((await items(o)).map((i) => i.externalId)).toEqual(["CHK-2", "CHK-3", "CHK-4"]);
    left = true;
    const again = async () => {
      const res = await requestDeliverySync.run(o.director, o.org.slug, { sourceId });
      if (!res.ok) throw new Error(JSON.stringify(res));
      expect(await runDeliverySync(db, res.data.logId)).toBe("succeeded");
    };
    // Later the same day: incremental, nothing is dropped.
    await again();
    expect(src.seen.at(-1)!.url.searchParams.get("jql")).toMatch(/AND updated >= /);
    expect((await items(o)).map((i) => i.externalId)).toEqual(["CHK-2", "CHK-3", "CHK-4"]);
    // The first sync of the next day reads the whole query: CHK-4 is gone, and so is its count.
    await db.deliverySource.update({ where: { id: sourceId }, data: { lastSyncedAt: new Date(Date.now() - 86_400_000) } });
    await again();
    expect(src.seen.at(-1)!.url.searchParams.get("jql")).toBe('project = "CHK" ORDER BY updated ASC');
    expect((await items(o)).map((i) => i.externalId)).toEqual(["CHK-2", "CHK-3"]);
    expect((await getDeliverySignals(o.org.id, o.project.id)).issuesTotal).toBe(2);
  });
  it("removes nothing when the whole read returns no issues or drops more than half, and says so", async () => {
    // After the token lost its browse rights Jira still answers 200, with fewer issues or none.
    let answer: object = JIRA_PAGE_1;
    const src = await startFakeSource((req) =>
      answer === JIRA_PAGE_1 && req.url.searchParams.get("nextPageToken") === "CAEaAggD" ? { body: JIRA_PAGE_2 } : { body: answer },
    );
    closers.push(src.close);
    const o = await org();
    const { sourceId, logId } = await connect(o, {
      kind: "JIRA",
      baseUrl: src.base,
      jiraScope: "project",
      query: "CHK",
      account: "ana@acme.test",
      token: "jira-token",
    });
    expect(await runDeliverySync(db, logId)).toBe("succeeded");
    const nextDay = async () => {
      await db.deliverySource.update({ where: { id: sourceId }, data: { lastSyncedAt: new Date(Date.now() - 86_400_000) } });
      const res = await requestDeliverySync.run(o.director, o.org.slug, { sourceId });
      if (!res.ok) throw new Error(JSON.stringify(res));
      return res.data.logId;
    };

    answer = { issues: [], isLast: true };
    const empty = await nextDay();
    expect(await runDeliverySync(db, empty)).toBe("failed");
    expect((await items(o)).map((i) => i.externalId)).toEqual(["CHK-2", "CHK-3", "CHK-4"]);
    expect((await logOf(empty)).error).toBe(
      "The full read returned 0 of 3 known issues: nothing was removed. Check that the token can still see them; if the query was narrowed on purpose, disconnect and connect again.",
    );

    answer = { issues: [JIRA_PAGE_2.issues[0]], isLast: true };
    const fewer = await nextDay();
    expect(await runDeliverySync(db, fewer)).toBe("failed");
    expect((await items(o)).map((i) => i.externalId)).toEqual(["CHK-2", "CHK-3", "CHK-4"]);
    expect((await logOf(fewer)).error).toMatch(/^The full read returned 1 of 3 known issues: nothing was removed\./);
    expect((await getDeliverySignals(o.org.id, o.project.id)).issuesTotal).toBe(3);

    // Access back, and CHK-4 left the query: an ordinary reconcile, which removes it.
    answer = { ...JIRA_PAGE_1, nextPageToken: undefined, isLast: true };
    const back = await nextDay();
    expect(await runDeliverySync(db, back)).toBe("succeeded");
    expect((await items(o)).map((i) => i.externalId)).toEqual(["CHK-2", "CHK-3"]);
    expect(await logOf(back)).toMatchObject({ state: "SUCCEEDED", error: null });
  });
});

describe("Linear adapter (GraphQL)", () => {
  it("sends the project filter with the raw API key and stores the issues with their milestone", async () => {
    const src = await startFakeSource((req) =>
      req.headers.authorization === "lin_api_good" ? { body: LINEAR_ISSUES } : { status: 400, body: LINEAR_AUTH_ERROR },
    );
    closers.push(src.close);
    const o = await org();
    const { logId, sourceId } = await connect(o, { kind: "LINEAR", baseUrl: `${src.base}/graphql`, query: "p-1", token: "lin_api_good" });
    expect(await runDeliverySync(db, logId)).toBe("succeeded");
    const sent = JSON.parse(src.seen[0].body);
    expect(sent.variables.filter).toEqual({ project: { id: { eq: "p-1" } } });
    expect(await items(o)).toEqual([
      { externalId: "ENG-10", done: true, kind: "ISSUE", epicKey: "Beta" },
      { externalId: "ENG-11", done: false, kind: "ISSUE", epicKey: "Beta" },
    ]);
    // A bad key: the error is on the sync log, nothing thrown.
    await connect(o, { kind: "LINEAR", baseUrl: `${src.base}/graphql`, query: "p-1", token: "lin_api_bad" });
    const again = await requestDeliverySync.run(o.director, o.org.slug, { sourceId });
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(await runDeliverySync(db, again.data.logId)).toBe("failed");
    const failed = await logOf(again.data.logId);
    expect(failed.state).toBe("FAILED");
    expect(failed.error).toMatch(/answered HTTP 400: Authentication required, not authenticated/);
    expect(JSON.parse(src.seen.at(-1)!.body).variables.filter.updatedAt.gte).toBe("2026-11-24T10:59:00.000Z");
  });
});

describe("GitHub adapter (REST)", () => {
  it("stores merged pull requests and issues per repository, follows the Link header, and logs a refused token", async () => {
    let token = "ghp_good";
    const src = await startFakeSource((req) => {
      if (req.headers.authorization !== `Bearer ${token === "ghp_good" ? "ghp_good" : "never"}`)
        return { status: 401, body: GITHUB_BAD_CREDENTIALS };
      if (req.url.pathname === "/repos/acme/shop/pulls") {
        if (req.url.searchParams.get("page") === "2") return { body: GITHUB_PULLS.slice(2) };
        return {
          body: GITHUB_PULLS.slice(0, 2),
          headers: {
            link: `<${src.base}/repos/acme/shop/pulls?state=closed&page=2>; rel="next", <${src.base}/repos/acme/shop/pulls?page=2>; rel="last"`,
          },
        };
      }
      if (req.url.pathname === "/repos/acme/shop/issues") return { body: GITHUB_ISSUES };
      return { status: 404, body: { message: "Not Found" } };
    });
    closers.push(src.close);
    const o = await org();
    const { logId, sourceId } = await connect(o, { kind: "GITHUB", baseUrl: src.base, query: "acme/shop", token: "ghp_good" });
    expect(await runDeliverySync(db, logId)).toBe("succeeded");
    expect(src.seen.map((s) => s.url.pathname + (s.url.searchParams.get("page") ? "?page=2" : ""))).toEqual([
      "/repos/acme/shop/pulls",
      "/repos/acme/shop/pulls?page=2",
      "/repos/acme/shop/issues",
    ]);
    expect(await items(o)).toEqual([
      { externalId: "acme/shop#40", done: true, kind: "PULL_REQUEST", epicKey: null },
      { externalId: "acme/shop#42", done: true, kind: "PULL_REQUEST", epicKey: null },
      { externalId: "acme/shop#7", done: false, kind: "ISSUE", epicKey: "v2" },
    ]);
    // Incremental: the issues are asked for since the cursor.
    token = "ghp_rotated";
    const again = await requestDeliverySync.run(o.director, o.org.slug, { sourceId });
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(await runDeliverySync(db, again.data.logId)).toBe("failed");
    expect((await logOf(again.data.logId)).error).toBe(
      "the source refused the token (HTTP 401): check the token and its access to this project",
    );
  });

  it("logs an unreachable host and a private address the org does not allow, never throwing", async () => {
    const o = await org();
    const { logId } = await connect(o, { kind: "GITHUB", baseUrl: "http://127.0.0.1:1", query: "acme/shop", token: "ghp_x" });
    expect(await runDeliverySync(db, logId)).toBe("failed");
    expect((await logOf(logId)).error).toBe("could not reach 127.0.0.1:1 (ECONNREFUSED)");

    const closed = await org(false);
    const refused = await connectDeliverySource.run(closed.director, closed.org.slug, {
      projectId: closed.project.id,
      kind: "GITHUB",
      baseUrl: "https://10.0.0.8",
      query: "acme/shop",
      token: "ghp_x",
    });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!refused.ok && refused.fieldErrors?.baseUrl?.[0]).toMatch(/private or loopback address/);
    expect(await db.deliverySource.count({ where: { orgId: closed.org.id } })).toBe(0);
  });
});

describe("the sync queue", () => {
  let boss: PgBoss;
  let worker: JobWorker;
  afterAll(async () => {
    await worker?.stop();
    await boss?.stop({ graceful: false, close: true });
  });

  it("runs a sync requested by the connect action as a pg-boss job", async () => {
    const src = await startFakeSource(() => ({ body: { issues: [], isLast: true } }));
    closers.push(src.close);
    const url = process.env.DATABASE_URL!;
    boss = await createJobQueue(url, { max: 3 });
    if (await boss.getQueue(DELIVERY_SYNC_QUEUE)) await boss.deleteAllJobs(DELIVERY_SYNC_QUEUE);
    worker = await startJobWorker({ db, boss, url, relayIntervalMs: 200, pollingIntervalSeconds: 0.5 });
    const o = await org();
    const { logId } = await connect(o, {
      kind: "JIRA",
      baseUrl: src.base,
      jiraScope: "jql",
      query: "project = CHK ORDER BY rank",
      account: "a@b.test",
      token: "t",
    });
    const end = Date.now() + 20_000;
    while ((await logOf(logId)).state !== "SUCCEEDED" && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await logOf(logId)).toMatchObject({ state: "SUCCEEDED", itemsSeen: 0 });
    expect((await logOf(logId)).queuedAt).not.toBeNull();
    expect(src.seen[0].url.searchParams.get("jql")).toBe("project = CHK ORDER BY updated ASC");
  });
});

describe("CSV upload", () => {
  it("imports a Jira export; a bad file names its rows and writes nothing", async () => {
    const o = await org();
    const bad = await importDeliveryCsv.run(o.director, o.org.slug, { projectId: o.project.id, kind: "JIRA", csv: JIRA_CSV_NUMERIC });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!bad.ok && bad.fieldErrors?.csv?.[0]).toMatch(/^Row 2, column "Created": "11\/03\/2026 14:00" could be day\/month/);
    expect(await db.deliveryItem.count({ where: { orgId: o.org.id } })).toBe(0);
    expect(await db.deliverySource.count({ where: { orgId: o.org.id } })).toBe(0);

    const res = await importDeliveryCsv.run(o.director, o.org.slug, { projectId: o.project.id, kind: "JIRA", csv: JIRA_CSV });
    expect(res).toMatchObject({ ok: true, data: { items: 4 } });
    const log = await db.deliverySyncLog.findFirstOrThrow({ where: { orgId: o.org.id } });
    expect(log).toMatchObject({ via: "csv", state: "SUCCEEDED", itemsSeen: 4 });
    // Re-importing the same export updates, never duplicates.
    expect((await importDeliveryCsv.run(o.director, o.org.slug, { projectId: o.project.id, kind: "JIRA", csv: JIRA_CSV })).ok).toBe(true);
    expect(await db.deliveryItem.count({ where: { orgId: o.org.id } })).toBe(4);
  });
});

describe("who may connect", () => {
  it("refuses a viewer, finance, a manager outside the project's subtree and another org's project, writing nothing", async () => {
    const o = await org();
    const other = await org();
    const managerOut = await createMember(db, o.org.id, "MANAGER", { scopeUnitId: o.units.deptB.id });
    const input = { projectId: o.project.id, kind: "GITHUB", query: "acme/shop", token: "ghp_x" };
    expect(await connectDeliverySource.run(o.members.viewer.user.id, o.org.slug, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await connectDeliverySource.run(o.members.finance.user.id, o.org.slug, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await connectDeliverySource.run(managerOut.user.id, o.org.slug, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await connectDeliverySource.run(other.director, other.org.slug, input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.deliverySource.count({ where: { projectId: o.project.id } })).toBe(0);
    expect(await connectDeliverySource.run(o.members.manager.user.id, o.org.slug, input)).toMatchObject({ ok: true });
    expect(await connectDeliverySource.run(o.admin, o.org.slug, { ...input, token: "" })).toMatchObject({ ok: true });
  });
});

describe("what the project page reads", () => {
  it("aggregates weeks, epic progress, the draft and the health rules from the stored items", async () => {
    const o = await org();
    expect((await importDeliveryCsv.run(o.director, o.org.slug, { projectId: o.project.id, kind: "JIRA", csv: JIRA_CSV })).ok).toBe(true);
    const milestone = await db.milestone.create({
      data: { orgId: o.org.id, projectId: o.project.id, name: "Beta", dueDate: new Date("2027-01-15") },
    });
    expect((await linkMilestoneEpic.run(o.director, o.org.slug, { milestoneId: milestone.id, epicKey: "CHK-1" })).ok).toBe(true);
    // A PR merged this week.
    const source = await db.deliverySource.findFirstOrThrow({ where: { orgId: o.org.id } });
    await db.deliveryItem.create({
      data: {
        orgId: o.org.id,
        projectId: o.project.id,
        sourceId: source.id,
        kind: "PULL_REQUEST",
        externalId: "acme/shop#9",
        title: "Ship",
        status: "merged",
        done: true,
        openedAt: new Date(),
        changedAt: new Date(),
        doneAt: new Date(),
      },
    });
    const s = await getDeliverySignals(o.org.id, o.project.id);
    expect([s.issuesDone, s.issuesTotal]).toEqual([1, 4]);
    // No snapshot 14 days old yet: the scope then is the issues opened by that day.
    const [{ openedBefore }] = await db.$queryRaw<{ openedBefore: number }[]>`
      SELECT count(*)::int AS "openedBefore" FROM "DeliveryItem" WHERE "orgId" = ${o.org.id} AND kind = 'ISSUE'
        AND "openedAt" < (now() AT TIME ZONE 'UTC')::date - 13`;
    expect(s.scopeChange).toBe(4 - openedBefore);
    expect(s.weeks).toHaveLength(12);
    expect(s.weeks.at(-1)).toMatchObject({ total: 4, done: 1, merged: 1 });
    expect(s.epics).toEqual([{ milestoneId: milestone.id, name: "Beta", epicKey: "CHK-1", done: 1, total: 2 }]);
    expect(s.draft.next.map((d) => d.externalId)).toEqual(["CHK-3", "CHK-4", "CHK-1"]);
    expect(s.draft.done.map((d) => d.externalId)).toEqual(["acme/shop#9"]);
    expect(s.log[0]).toMatchObject({ kind: "JIRA", via: "csv", state: "SUCCEEDED" });
    expect(JSON.stringify(s)).not.toMatch(/tokenSealed/);

    // Scope: 2 issues two weeks ago, 4 now → at risk.
    const old = new Date(Date.now() - 15 * 86_400_000);
    await db.deliverySnapshot.create({
      data: { orgId: o.org.id, projectId: o.project.id, day: new Date(old.toISOString().slice(0, 10)), total: 2, done: 0 },
    });
    const facts = await loadHealthFacts(db, o.org.id, o.project.id, new Date().toISOString().slice(0, 10));
    const suggestion = suggestHealth(facts!);
    expect(suggestion.reasons.find((r) => r.rule === "scope-growth")?.message).toBe("Scope grew 100% in two weeks (2 → 4 issues).");
    // The page's "Scope, 2 weeks" is the same figure as the rule's (one definition, lib/delivery-signals/scope.ts).
    expect((await getDeliverySignals(o.org.id, o.project.id)).scopeChange).toBe(2);
    // Another org reads nothing of it.
    const other = await org();
    expect((await getDeliverySignals(other.org.id, o.project.id)).issuesTotal).toBe(0);
  });
});
