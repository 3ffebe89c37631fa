import { beforeAll, describe, expect, it } from "vitest";

import { API_SCOPES } from "@/lib/api/scopes";
import { createApiToken } from "@/tests/factories/api";
import { callApi } from "@/tests/support/api-client";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import { resetDb, testDb } from "@/tests/support/db";

// The REST API's writes beyond status updates and project status: the actuals import (JSON rows
// or a CSV body, through the UI's import action) and If-Match updates of positions (through the
// UI's edit action). Who may call them is in the matrix (tests/integration/api-v1.test.ts).

const db = testDb();
let acme: OrgFx;
let finance: string;
let director: string;

beforeAll(async () => {
  await resetDb();
  acme = await createAuthzOrg(db);
  finance = (await createApiToken(db, { orgId: acme.org.id, kind: "PERSONAL", userId: acme.users.finance, scopes: [...API_SCOPES] }))
    .secret;
  director = (await createApiToken(db, { orgId: acme.org.id, kind: "PERSONAL", userId: acme.users.director, scopes: [...API_SCOPES] }))
    .secret;
});

const row = (over: Record<string, string> = {}) => ({
  date: "2026-04-01",
  costCentreCode: acme.unit.code,
  category: "SOFTWARE",
  amount: "100.00",
  ...over,
});
const ledgerCount = () => db.actualEntry.count({ where: { orgId: acme.org.id } });

describe("POST /actuals/imports", () => {
  it("imports JSON rows through the UI's action: lines, audit, import.completed webhook", async () => {
    await db.webhookEndpoint.create({
      data: { orgId: acme.org.id, url: "https://hooks.example.com/imports", events: ["import.completed"], secretSealed: "v1.x.x.x" },
    });
    const before = await ledgerCount();
    const res = await callApi("POST", "/actuals/imports", finance, {
      body: { fileName: "march.json", rows: [row({ vendor: "Acme Cloud", memo: 'Seats, "pro" plan\nQ2' }), row({ amount: "-20.5" })] },
    });
    expect(res.status).toBe(201);
    const result = await res.json();
    expect(result).toMatchObject({ rowCount: 2, insertedCount: 2, skippedCount: 0, newVendorCount: 1 });
    expect(await ledgerCount()).toBe(before + 2);
    const lines = await db.actualEntry.findMany({ where: { importBatchId: result.batchId }, orderBy: { id: "asc" } });
    expect(lines.map((l) => l.amountCents)).toEqual([10_000n, -2_050n]);
    expect(lines[0].memo).toBe('Seats, "pro" plan\nQ2');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: acme.org.id, entityId: result.batchId } });
    expect(audit).toMatchObject({ action: "actuals.import", actorId: acme.users.finance });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { orgId: acme.org.id, eventType: "import.completed" } });
    expect(delivery.payload).toMatchObject({ data: { kind: "ACTUALS", fileName: "march.json", batchId: result.batchId } });
  });

  it("a bad row refuses the whole batch with a problem naming each row and field; nothing written", async () => {
    const before = await ledgerCount();
    const res = await callApi("POST", "/actuals/imports", finance, {
      body: { rows: [row(), row({ amount: "12,3x" }), row({ costCentreCode: "NOPE", date: "2026-02-30" })] },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["rows[1].amount", "rows[2].costCentreCode", "rows[2].date"]);
    expect(await ledgerCount()).toBe(before);
  });

  it("names unknown and missing fields before anything runs, and refuses a JSON number as money", async () => {
    const res = await callApi("POST", "/actuals/imports", finance, {
      body: { rows: [{ ...row(), colour: "red" }, { ...row(), amount: 12.5 }, { date: "2026-04-01" }] },
    });
    expect(res.status).toBe(422);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["rows.0.colour", "rows.1.amount", "rows.2.costCentreCode"]));
    const empty = await callApi("POST", "/actuals/imports", finance, { body: { rows: [] } });
    expect(empty.status).toBe(422);
  });

  it("takes the CSV file as a text/csv body, and names a bad line by its row number", async () => {
    const csv = `date,costcentrecode,category,amount,vendor,memo,externalreference\n2026-05-01,${acme.unit.code},TRAVEL,40.00,,Taxi,api-csv-1\n`;
    const ok = await callApi("POST", "/actuals/imports", finance, {
      body: csv,
      headers: { "content-type": "text/csv" },
      query: { name: "may.csv" },
    });
    expect(ok.status).toBe(201);
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: (await ok.json()).batchId } });
    expect(batch.fileName).toBe("may.csv");
    // The same external reference again adds nothing: the import's own 409.
    expect((await callApi("POST", "/actuals/imports", finance, { body: csv, headers: { "content-type": "text/csv" } })).status).toBe(409);
    const bad = await callApi("POST", "/actuals/imports", finance, {
      body: `date,costcentrecode,category,amount,vendor,memo,externalreference\n2026-05-01,${acme.unit.code},TRAVEL,1,,,\n2026-13-01,${acme.unit.code},TRAVEL,1,,,\n`,
      headers: { "content-type": "text/csv" },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(["row 3.date"]);
    const header = await callApi("POST", "/actuals/imports", finance, {
      body: "date,amount\n2026-05-01,1\n",
      headers: { "content-type": "text/csv" },
    });
    expect(header.status).toBe(422);
    expect((await header.json()).errors[0].field).toBe("file");
  });

  it("refuses another content type with 415, and malformed JSON with 400", async () => {
    const xml = await callApi("POST", "/actuals/imports", finance, { body: "<rows/>", headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
    expect((await callApi("POST", "/actuals/imports", finance, { body: "{rows:" })).status).toBe(400);
  });

  it("Idempotency-Key: a retry replays the result and imports nothing again", async () => {
    const headers = { "idempotency-key": `imp-${acme.uid()}` };
    const body = { rows: [row({ memo: "once" })] };
    const first = await callApi("POST", "/actuals/imports", finance, { body, headers });
    expect(first.status).toBe(201);
    const before = await ledgerCount();
    const again = await callApi("POST", "/actuals/imports", finance, { body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await ledgerCount()).toBe(before);
  });
});

describe("PATCH /positions/{id}", () => {
  it("changes the fields sent through the UI's action, keeps the rest and the pay; stale 409, none 428", async () => {
    const position = await acme.make.position();
    await db.position.update({
      where: { id: position.id },
      data: { targetStartDate: new Date("2027-02-01T00:00:00Z"), budgetFiscalQuarter: 3 },
    });
    const got = await callApi("GET", "/positions/{id}", director, { params: { id: position.id } });
    const etag = got.headers.get("etag")!;
    expect(etag).toBe(`"${(await got.json()).version}"`);
    const ok = await callApi("PATCH", "/positions/{id}", director, {
      params: { id: position.id },
      headers: { "if-match": etag },
      body: { title: "Staff Engineer", budgetFiscalQuarter: null },
    });
    expect(ok.status).toBe(200);
    const after = await db.position.findUniqueOrThrow({ where: { id: position.id } });
    expect(after).toMatchObject({ title: "Staff Engineer", level: "IC3", budgetFiscalQuarter: null, annualCompCents: 15_000_000n });
    expect(after.targetStartDate?.toISOString().slice(0, 10)).toBe("2027-02-01");
    expect(ok.headers.get("etag")).toBe(`"${after.version}"`);
    expect(await db.auditEvent.count({ where: { entityId: position.id, action: "position.update", actorId: acme.users.director } })).toBe(
      1,
    );

    const stale = await callApi("PATCH", "/positions/{id}", director, {
      params: { id: position.id },
      headers: { "if-match": etag },
      body: { title: "Principal Engineer" },
    });
    expect(stale.status).toBe(409);
    const none = await callApi("PATCH", "/positions/{id}", director, { params: { id: position.id }, body: { title: "Principal" } });
    expect(none.status).toBe(428);
    expect((await db.position.findUniqueOrThrow({ where: { id: position.id } })).title).toBe("Staff Engineer");
  });

  it("never takes pay, and the action's own rules answer with the field", async () => {
    const position = await acme.make.position();
    const pay = await callApi("PATCH", "/positions/{id}", director, {
      params: { id: position.id },
      headers: { "if-match": '"1"' },
      body: { annualCompCents: "1" },
    });
    expect(pay.status).toBe(422);
    expect((await pay.json()).errors.map((e: { field: string }) => e.field)).toEqual(["annualCompCents"]);
    const short = await callApi("PATCH", "/positions/{id}", director, {
      params: { id: position.id },
      headers: { "if-match": '"1"' },
      body: { title: "X" },
    });
    expect(short.status).toBe(422);
    expect((await short.json()).errors.map((e: { field: string }) => e.field)).toEqual(["title"]);
    expect((await db.position.findUniqueOrThrow({ where: { id: position.id } })).version).toBe(1);
  });
});
