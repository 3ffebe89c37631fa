import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { AUDIT_CSV_HEADER, exportAuditCsv } from "@/lib/audit/export";
import { parseAuditCursor, parseAuditFilters } from "@/lib/audit/filters";
import { getAuditFilterOptions, listAuditEvents, namesSql, type AuditReader } from "@/lib/audit/queries";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h, 0, 0));
/** A reader of acme's trail: pay readers by default. */
const reader = (readsPay = true): AuditReader => ({ org: { id: acme.org.id, slug: acme.org.slug, currency: acme.org.currency }, readsPay });

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  const a = acme.members;
  await db.auditEvent.createMany({
    data: [
      {
        orgId: acme.org.id,
        actorId: a.director.user.id,
        action: "project.update",
        entityType: "Project",
        entityId: "p1",
        at: day(1),
        before: { name: "Old", health: "ON_TRACK", budgetCents: "100" },
        after: { name: "New", health: "ON_TRACK", budgetCents: "250" },
      },
      {
        orgId: acme.org.id,
        actorId: a.finance.user.id,
        action: "contracts.update",
        entityType: "Contract",
        entityId: "c1",
        at: day(2),
        before: { vendor: '=HYPERLINK("x")' },
        after: { vendor: "@SUM(A1)" },
      },
      {
        orgId: acme.org.id,
        actorId: a.director.user.id,
        action: "project.create",
        entityType: "Project",
        entityId: "p2",
        at: day(3, 0),
        after: { name: "Fresh" },
      },
      { orgId: acme.org.id, actorId: a.manager.user.id, action: "project.update", entityType: "Project", entityId: "p2", at: day(3, 23) },
      {
        orgId: globex.org.id,
        actorId: globex.members.director.user.id,
        action: "project.update",
        entityType: "Project",
        entityId: "g1",
        at: day(2),
        after: { name: "Globex secret" },
      },
    ],
  });
});

describe("audit log queries", () => {
  it("lists the org's events newest first with changed fields only, never another org's", async () => {
    const page = await listAuditEvents(reader(), {});
    expect(page.events.map((e) => e.record.id)).toEqual(["p2", "p2", "c1", "p1"]);
    expect(page.next).toBeNull();
    // In words: labels, money formatted in the org's currency, unchanged fields left out.
    expect(page.events[3].changes).toEqual([
      { field: "name", label: "Name", before: "Old", after: "New" },
      { field: "budgetCents", label: "Budget", before: "$1.00", after: "$2.50" },
    ]);
    // A creation names the record from its own snapshot and lists what it was created with.
    expect(page.events[1].sentence.map((p) => p.text).join("")).toBe("created project Fresh: Name Fresh");
    expect(page.events[0].changes).toEqual([]);
    expect(JSON.stringify(page)).not.toContain("Globex secret");
  });

  it("filters by actor, entity type, action and an inclusive date range, combined", async () => {
    const ids = async (sp: Record<string, string>) =>
      (await listAuditEvents(reader(), parseAuditFilters(sp))).events.map((e) => e.record.id);
    expect(await ids({ actor: acme.members.director.user.id })).toEqual(["p2", "p1"]);
    expect(await ids({ entity: "Contract" })).toEqual(["c1"]);
    expect(await ids({ action: "project.update" })).toEqual(["p2", "p1"]);
    expect(await ids({ from: "2026-11-02", to: "2026-11-03" })).toEqual(["p2", "p2", "c1"]);
    expect(await ids({ to: "2026-11-01" })).toEqual(["p1"]);
    expect(await ids({ action: "project.update", from: "2026-11-02" })).toEqual(["p2"]);
    // A foreign org's actor filter finds nothing here rather than leaking their events.
    expect(await ids({ actor: globex.members.director.user.id })).toEqual([]);
    // Nonsense dates are ignored, not turned into Invalid Date queries.
    expect(parseAuditFilters({ from: "2026-02-30", to: "yesterday", actor: "" })).toEqual({});
  });

  it("pages with a keyset cursor: no event repeated or skipped, even when new events arrive", async () => {
    const first = await listAuditEvents(reader(), {}, null, 3);
    expect(first.events).toHaveLength(3);
    expect(first.next).not.toBeNull();
    // A new event arrives between page loads: it belongs at the top, not on page two.
    await db.auditEvent.create({ data: { orgId: acme.org.id, action: "x.new", entityType: "X", entityId: "late", at: new Date() } });
    const second = await listAuditEvents(reader(), {}, first.next, 3);
    expect(second.events.map((e) => e.record.id)).toEqual(["p1"]);
    expect(second.next).toBeNull();
    const seen = [...first.events, ...second.events].map((e) => e.id);
    expect(new Set(seen).size).toBe(4);
    expect(parseAuditCursor({ before: "garbage" })).toBeNull();
    expect(parseAuditCursor({ before: `${day(2).toISOString()}_abc` })).toEqual({ at: day(2), id: "abc" });
  });

  it("breaks ties on the same timestamp by id", async () => {
    const at = day(9);
    await db.auditEvent.createMany({
      data: ["t1", "t2", "t3"].map((entityId) => ({ orgId: acme.org.id, action: "tie", entityType: "T", entityId, at })),
    });
    const one = await listAuditEvents(reader(), { action: "tie" }, null, 2);
    const two = await listAuditEvents(reader(), { action: "tie" }, one.next, 2);
    expect([...one.events, ...two.events].map((e) => e.record.id).sort()).toEqual(["t1", "t2", "t3"]);
  });

  it("offers only this org's actors, record types and actions as filter options, in words", async () => {
    const options = await getAuditFilterOptions(acme.org.id);
    expect(options.entityTypes).toEqual([
      { value: "Contract", label: "Contract" },
      { value: "Project", label: "Project" },
    ]);
    expect(options.actions).toEqual([
      { value: "contracts.update", label: "Contract edited" },
      { value: "project.create", label: "Project created" },
      { value: "project.update", label: "Project edited" },
    ]);
    expect(options.actors.map((a) => a.id).sort()).toEqual(
      [acme.members.director.user.id, acme.members.finance.user.id, acme.members.manager.user.id].sort(),
    );
  });
});

describe("audit CSV export", () => {
  // The member the route hands over (getRouteMember): role and org.
  const asMember = (who: "admin" | "director" | "manager" | "finance" | "viewer", readsPay = true) => ({
    role: acme.members[who].membership.role,
    readsPay,
    org: { id: acme.org.id, slug: acme.org.slug, currency: acme.org.currency },
  });
  const text = (csv: ReadableStream<Uint8Array> | null) => new Response(csv).text();

  it("exports the filtered events for admins and directors with formula cells defused", async () => {
    for (const who of ["admin", "director"] as const) {
      const result = await text(exportAuditCsv(asMember(who), new URLSearchParams({ entity: "Contract" })));
      const lines = result.trim().split("\r\n");
      expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain("contracts.update");
      // The changes cell starts with the field name, so it is not a formula; a cell that
      // would start with = or @ is prefixed with '.
      expect(lines[1]).toContain(`vendor: =HYPERLINK(""x"") → @SUM(A1)`);
    }
    const all = await text(exportAuditCsv(asMember("director"), new URLSearchParams()));
    expect(all).not.toContain("Globex secret");
    expect(all.trim().split("\r\n")).toHaveLength(5);
  });

  it("defuses an entity id or actor name that starts a formula", async () => {
    await db.user.update({ where: { id: acme.members.viewer.user.id }, data: { name: "=cmd|' /C calc'!A0" } });
    await db.auditEvent.create({
      data: { orgId: acme.org.id, actorId: acme.members.viewer.user.id, action: "x", entityType: "X", entityId: "+1+1" },
    });
    const csv = await text(exportAuditCsv(asMember("director"), new URLSearchParams({ action: "x" })));
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    expect(csv).toContain(`,'+1+1,`);
  });

  it("refuses manager, finance and viewer (the route answers 404, as it does a non-member)", async () => {
    for (const who of ["manager", "finance", "viewer"] as const) {
      expect(exportAuditCsv(asMember(who), new URLSearchParams())).toBeNull();
    }
  });
});

describe("audit rows are append-only", () => {
  it("refuses update and delete through Prisma", async () => {
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: acme.org.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.updateMany({ where: { orgId: acme.org.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { orgId: acme.org.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "rewritten" } })).toBe(0);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it("no application code updates or deletes AuditEvent rows", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (name === "generated" || name === "node_modules") continue;
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(name)) {
          const text = readFileSync(file, "utf8");
          if (
            /auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(text) ||
            /(UPDATE|DELETE\s+FROM)\s+"?AuditEvent"?/i.test(text)
          ) {
            offenders.push(file);
          }
        }
      }
    };
    for (const dir of ["app", "lib", "components", "scripts", "prisma"]) walk(path.resolve(dir));
    expect(offenders).toEqual([]);
  });
});

describe("audit trail is append-only", () => {
  it("refuses TRUNCATE, also through a CASCADE from the org, and keeps every row", async () => {
    const before = await db.auditEvent.count();
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "Organization" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});

describe("naming the people a page of the log mentions", () => {
  it("checks each user among the ids by index, never by reading the org's whole log", async () => {
    // 30,000 events by the org's members and 60 users of the database who never acted in it: the
    // check "acted in the org" read the whole log once per such user (4 s a batch of the export
    // at 300,000 events); by the (orgId, actorId, at) index it reads nothing for them.
    const actor = acme.members.director.user.id;
    await db.$executeRaw`
      INSERT INTO "AuditEvent" ("id", "orgId", "actorId", "action", "entityType", "entityId", "at")
      SELECT 'bulk-' || i, ${acme.org.id}, ${actor}, 'project.update', 'Project', 'p' || (i % 500), now() - i * interval '1 minute'
      FROM generate_series(1, 30000) AS i`;
    const strangers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        db.user.create({ data: { email: `stranger${i}@else.example`, name: `Stranger ${i}`, passwordHash: "x" } }),
      ),
    );
    await db.$executeRaw`ANALYZE "AuditEvent"`;
    await db.$executeRaw`ANALYZE "User"`;
    const ids = [...strangers.map((u) => u.id), actor, ...Array.from({ length: 200 }, (_, i) => `p${i}`)];
    const [{ "QUERY PLAN": plan }] = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (FORMAT JSON) ${namesSql(acme.org.id, ids)}`;
    type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };
    const nodes: PlanNode[] = [];
    const walk = (n: PlanNode) => (nodes.push(n), (n.Plans ?? []).forEach(walk));
    walk((plan as { Plan: PlanNode }[])[0].Plan);
    const onLog = nodes.filter((n) => n["Relation Name"] === "AuditEvent");
    expect(onLog.length).toBeGreaterThan(0);
    expect(onLog.map((n) => n["Node Type"])).not.toContain("Seq Scan");
    // And the names come out: members and the actor, no stranger.
    const rows = await db.$queryRaw<{ id: string; type: string }[]>(namesSql(acme.org.id, ids));
    expect(rows.filter((r) => r.type === "User").map((r) => r.id)).toEqual([actor]);
  });
});
