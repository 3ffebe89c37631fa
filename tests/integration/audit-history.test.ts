import { beforeAll, describe, expect, it } from "vitest";

import { exportAuditCsv } from "@/lib/audit/export";
import { parseAuditFilters } from "@/lib/audit/filters";
import { sentenceText } from "@/lib/audit/present";
import { auditEventBatches, getRecordHistory, listAuditEvents, type AuditReader } from "@/lib/audit/queries";
import { HISTORY_TYPES } from "@/lib/audit/records";
import { createPosition } from "@/lib/headcount/create-position";
import { updatePosition } from "@/lib/headcount/update-position";
import { createProject } from "@/lib/projects/create-project";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import { resetDb, testDb } from "@/tests/support/db";

// The audit log for people: sentences with names resolved by the database, pay withheld from
// readers without pay in the viewer and the export, and each record's History equal to the log
// filtered to that record. The events are written by the real actions, so their shapes are real.

const db = testDb();
let acme: OrgFx;
let globex: OrgFx;
let projectId: string;
let positionId: string;
let projectName: string;

const readerOf = (fx: OrgFx, readsPay: boolean): AuditReader & { role: string } => ({
  org: { id: fx.org.id, slug: fx.org.slug, currency: fx.org.currency },
  readsPay,
  role: "DIRECTOR",
});
function ok<T>(r: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

beforeAll(async () => {
  await resetDb();
  acme = await createAuthzOrg(db);
  globex = await createAuthzOrg(db);
  projectName = "ERP Connector (SAP)";
  projectId = ok(
    await createProject.run(acme.users.director, acme.slug, {
      name: projectName,
      orgUnitId: acme.unit.id,
      status: "ACTIVE",
      startDate: "2026-01-05",
    }),
  ).id;
  ok(
    await postStatusUpdate.run(acme.users.author, acme.slug, {
      projectId,
      health: "AT_RISK",
      summary: "Vendor slipped",
      body: "",
      overrideReason: "",
    }),
  );
  positionId = ok(
    await createPosition.run(acme.users.director, acme.slug, {
      orgUnitId: acme.unit.id,
      title: "Platform Engineer",
      level: "IC3",
      targetStartDate: "2026-09-01",
      compensation: "185000",
      compBandMin: "",
      compBandMax: "",
      loadedCostMultiplier: "",
      budgetFiscalYear: 2027,
      budgetFiscalQuarter: "",
      openNow: "on",
    }),
  ).positionId;
  ok(
    await updatePosition.run(acme.users.director, acme.slug, {
      positionId,
      version: 1,
      title: "Staff Platform Engineer",
      level: "IC4",
      targetStartDate: "2026-10-01",
      compensation: "195000",
      compBandMin: "",
      compBandMax: "",
      loadedCostMultiplier: "",
      budgetFiscalYear: 2027,
      budgetFiscalQuarter: "",
    }),
  );
  // The other org's trail names acme's project id: it must never appear in acme's history.
  await db.auditEvent.create({
    data: {
      orgId: globex.org.id,
      actorId: globex.users.director,
      action: "project.update",
      entityType: "Project",
      entityId: projectId,
      after: { name: "Globex secret" },
    },
  });
});

describe("audit entries read as sentences", () => {
  it("names the actor and the project, links the record, and keeps ids and versions out", async () => {
    const { events } = await listAuditEvents(readerOf(acme, true), { action: "status-update.post" });
    expect(events).toHaveLength(1);
    const [post] = events;
    const author = await db.user.findUniqueOrThrow({ where: { id: acme.users.author } });
    expect(sentenceText(post)).toBe(`${author.name} posted an update on ${projectName}: Health Unknown → At risk`);
    expect(post.sentence.find((p) => p.text === projectName)?.href).toBe(`/${acme.slug}/projects/${projectId}`);
    expect(post.record).toMatchObject({ typeLabel: "Status update", name: projectName, href: `/${acme.slug}/projects/${projectId}` });
    expect(post.actionLabel).toBe("Update posted");
    // What is read (links aside) carries no id, version or org key.
    const text = JSON.stringify({ sentence: post.sentence.map((p) => p.text), changes: post.changes });
    for (const internal of ["version", "orgId", projectId, '"id"']) expect(text).not.toContain(internal);
  });

  it("writes ids as names and money in the org's currency", async () => {
    const [edit, create] = (await listAuditEvents(readerOf(acme, true), { entity: "Position" })).events;
    expect(sentenceText(edit)).toContain("edited position Staff Platform Engineer, ");
    expect(edit.changes).toEqual(
      expect.arrayContaining([
        { field: "title", label: "Title", before: "Platform Engineer", after: "Staff Platform Engineer" },
        { field: "compensationChanged", label: "Pay changed", before: null, after: "Yes" },
      ]),
    );
    expect(create.changes).toEqual(
      expect.arrayContaining([
        { field: "annualCompCents", label: "Annual pay", before: null, after: "$185,000.00" },
        { field: "orgUnitId", label: "Unit", before: null, after: acme.unit.name },
        { field: "budgetFiscalYear", label: "Budget year", before: null, after: "2027" },
      ]),
    );
    for (const e of [edit, create]) expect(e.changes.map((c) => c.field)).not.toContain("version");
  });
});

describe("pay is withheld from readers without pay", () => {
  it("in the viewer: no pay field, no amount, and a note that something was withheld", async () => {
    const withPay = await listAuditEvents(readerOf(acme, true), { entity: "Position" });
    const without = await listAuditEvents(readerOf(acme, false), { entity: "Position" });
    expect(without.events.map((e) => e.id)).toEqual(withPay.events.map((e) => e.id));
    expect(JSON.stringify(withPay)).toContain("$185,000.00");
    const text = JSON.stringify(without);
    for (const needle of ["185,000", "18500000", "annualCompCents", "compensationChanged", "Pay changed"])
      expect(text).not.toContain(needle);
    expect(without.events.every((e) => e.payWithheld)).toBe(true);
    expect(withPay.events.some((e) => e.payWithheld)).toBe(false);
    // The rest of the edit is still there for them.
    expect(without.events.find((e) => e.action === "position.update")!.changes.map((c) => c.field)).toContain("title");
  });

  it("in the CSV export: raw fields for pay readers, pay fields left out for others", async () => {
    const member = (readsPay: boolean) => ({
      role: "DIRECTOR" as const,
      readsPay,
      org: { id: acme.org.id, slug: acme.org.slug, currency: acme.org.currency },
    });
    const params = new URLSearchParams({ entity: "Position" });
    const withPay = await new Response(exportAuditCsv(member(true), params)).text();
    expect(withPay).toContain("annualCompCents: ∅ → 18500000");
    expect(withPay).toContain("compensationChanged: ∅ → true");
    const without = await new Response(exportAuditCsv(member(false), params)).text();
    expect(without.trim().split("\r\n")).toHaveLength(withPay.trim().split("\r\n").length);
    for (const needle of ["18500000", "185,000", "annualCompCents", "compensation"]) expect(without).not.toContain(needle);
    expect(without).toContain("title: Platform Engineer → Staff Platform Engineer");
  });
});

describe("a record's History is the log filtered to it", () => {
  it("equals the audit log with the record filter, for every record type with a page", async () => {
    const person = await acme.make.person();
    const contract = await acme.make.contract();
    const records = { Project: projectId, Position: positionId, Person: person.id, Contract: contract.id, OrgUnit: acme.unit.id };
    expect(Object.keys(records).sort()).toEqual([...HISTORY_TYPES].sort());
    for (const [type, id] of Object.entries(records)) {
      const record = parseAuditFilters({ record: `${type}:${id}` }).record!;
      expect(record).toEqual({ type, id });
      const history = await getRecordHistory(readerOf(acme, true), record, {});
      const log = await listAuditEvents(readerOf(acme, true), parseAuditFilters({ record: `${type}:${id}` }));
      expect(history.entries).toEqual(log.events);
      const all: string[] = [];
      for await (const batch of auditEventBatches(readerOf(acme, true), { record })) all.push(...batch.map(({ raw }) => raw.id));
      expect(all).toEqual(log.events.map((e) => e.id));
    }
  });

  it("holds the project's own events and its updates, newest first, never another org's", async () => {
    const history = await getRecordHistory(readerOf(acme, true), { type: "Project", id: projectId }, {});
    expect(history.entries.map((e) => e.action)).toEqual(["status-update.post", "project.create"]);
    expect(JSON.stringify(history)).not.toContain("Globex secret");
    expect(history.auditLogHref).toBe(`/${acme.slug}/settings/audit?record=Project%3A${projectId}`);
    const viewer = await getRecordHistory({ ...readerOf(acme, false), role: "VIEWER" }, { type: "Project", id: projectId }, {});
    expect(viewer.auditLogHref).toBeNull();
    expect(viewer.entries.map((e) => e.id)).toEqual(history.entries.map((e) => e.id));
  });

  it("pages with ?history= and never repeats an event", async () => {
    const reader = readerOf(acme, true);
    for (let i = 0; i < 22; i++)
      await db.auditEvent.create({
        data: {
          orgId: acme.org.id,
          action: "project.update",
          entityType: "Project",
          entityId: projectId,
          before: { name: `n${i}` },
          after: { name: `n${i + 1}` },
        },
      });
    const first = await getRecordHistory(reader, { type: "Project", id: projectId }, {});
    expect(first.entries).toHaveLength(20);
    expect(first.newestHref).toBeNull();
    const cursor = new URL(first.olderHref!, "http://x").searchParams.get("history")!;
    const second = await getRecordHistory(reader, { type: "Project", id: projectId }, { history: cursor });
    expect(second.entries).toHaveLength(4);
    expect(second.olderHref).toBeNull();
    expect(second.newestHref).toBe(`/${acme.slug}/projects/${projectId}#history`);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(24);
  });

  it("refuses a record filter for a type without a page, and nonsense ids", () => {
    expect(parseAuditFilters({ record: "Membership:abc" })).toEqual({});
    expect(parseAuditFilters({ record: "Project:" })).toEqual({});
    expect(parseAuditFilters({ record: "Project:a b" })).toEqual({});
  });
});

describe("names are resolved only inside the org", () => {
  it("does not name another org's record even when an event mentions its id", async () => {
    const theirs = await globex.make.project();
    await db.auditEvent.create({
      data: {
        orgId: acme.org.id,
        actorId: acme.users.director,
        action: "dependency.add",
        entityType: "ProjectDependency",
        entityId: "dep-x",
        after: { projectId, blockerId: theirs.id },
      },
    });
    const { events } = await listAuditEvents(readerOf(acme, true), { action: "dependency.add" });
    expect(sentenceText(events[0])).toContain(`made ${projectName} depend on a removed record`);
    expect(JSON.stringify(events)).not.toContain(theirs.name);
  });
});
