import { beforeAll, describe, expect, it, vi } from "vitest";

import { changesToText, diffAudit } from "@/lib/audit/diff";
import { AUDIT_CSV_HEADER, exportAuditCsv } from "@/lib/audit/export";
import { parseAuditFilters } from "@/lib/audit/filters";
import { sentenceText } from "@/lib/audit/present";
import { auditEventBatches } from "@/lib/audit/queries";
import { linesScope } from "@/lib/budgets/lines";
import { linesCsvStream } from "@/lib/budgets/lines-export";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { toCsv } from "@/lib/csv-write";
import { projectCells, PROJECTS_CSV_HEADER } from "@/lib/projects/csv";
import { exportProjectsCsv } from "@/lib/projects/export";
import { listProjects, parseProjectFilters, parseProjectSort, PROJECT_SORT_KEYS } from "@/lib/projects/queries";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The CSV exports stream (issue 23): rows are read from PostgreSQL a batch at a time and written
// as the download is read, so memory holds a batch however large the org. Proven here: for every
// batch size the streamed CSV is byte for byte the CSV of the whole list read at once (what the
// exports sent before they streamed); the header arrives before any batch and each batch is its
// own chunk; a reader that stops early ends the reads; and the routes still refuse a stranger,
// another org's member and a role without the permission.

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
}));

process.env.AUTH_SECRET ??= "exports-stream-test-secret-0123456789abcdef";

const { encodeSession } = await import("@/lib/auth/session-cookie");
const { startSession } = await import("@/lib/auth/sessions");
const projectsRoute = await import("@/app/(app)/[org]/projects/export/route");
const auditRoute = await import("@/app/(app)/[org]/settings/audit/export/route");
const linesRoute = await import("@/app/(app)/[org]/budgets/lines/export/route");

const db = testDb();
const NOW = new Date("2026-11-20T12:00:00Z");
const d = (s: string) => new Date(`${s}T00:00:00Z`);
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const globex = await createOrgWithRoles(db);
  const lead = await db.person.create({
    data: {
      orgId: acme.org.id,
      orgUnitId: acme.units.teamA.id,
      name: "Lead =1+1",
      title: "Lead",
      level: "M1",
      startDate: d("2024-01-01"),
      annualCompCents: 0n,
    },
  });
  const initiative = await db.initiative.create({
    data: { orgId: acme.org.id, orgUnitId: acme.units.deptA.id, name: 'Init, "quoted"', fiscalYear: 2027 },
  });
  const teams = [acme.units.teamA.id, acme.units.teamB.id];
  // 53 projects: repeated names, missing leads, initiatives, dates and budgets, so that every sort
  // has ties and empty values that batches must continue across.
  await db.project.createMany({
    data: Array.from({ length: 53 }, (_, i) => ({
      orgId: acme.org.id,
      orgUnitId: teams[i % 2],
      name: i % 9 === 0 ? "Same name" : `Project ${(i * 17) % 53}`,
      leadId: i % 3 === 0 ? null : lead.id,
      initiativeId: i % 4 === 0 ? null : initiative.id,
      status: (["PLANNED", "ACTIVE", "PAUSED"] as const)[i % 3],
      health: (["ON_TRACK", "AT_RISK", "UNKNOWN"] as const)[i % 3],
      lastUpdateAt: i % 5 === 0 ? null : new Date(Date.UTC(2026, 10, 1 + (i % 9))),
      targetDate: i % 6 === 0 ? null : d(`2027-0${1 + (i % 8)}-01`),
      budgetCents: i % 7 === 0 ? null : BigInt((i % 11) * 250_000),
    })),
  });
  await db.project.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({ orgId: globex.org.id, orgUnitId: globex.units.teamA.id, name: `Project ${i}` })),
  });
  // 41 audit events, three at each instant: the keyset (at, id) must continue inside a tie.
  const actor = acme.members.director.user.id;
  await db.auditEvent.createMany({
    data: Array.from({ length: 41 }, (_, i) => ({
      orgId: acme.org.id,
      actorId: i % 4 === 0 ? null : actor,
      action: i % 2 ? "project.update" : "contracts.update",
      entityType: i % 2 ? "Project" : "Contract",
      entityId: `e${i}`,
      before: i % 3 ? { name: `Old, "${i}"` } : undefined,
      after: { name: `=New ${i}\nline`, amountCents: i * 100 },
      at: new Date(Date.UTC(2026, 9, 1, 0, Math.floor(i / 3))),
    })),
  });
  await db.auditEvent.create({
    data: { orgId: globex.org.id, action: "contracts.update", entityType: "Contract", entityId: "g1", after: { name: "Globex secret" } },
  });
  // 37 ledger lines of acme in 2026 (same day for several: the unit code and id break ties).
  await db.actualEntry.createMany({
    data: Array.from({ length: 37 }, (_, i) => ({
      orgId: acme.org.id,
      orgUnitId: teams[i % 2],
      bookedOn: d(`2026-0${1 + (i % 4)}-1${i % 3}`),
      category: (["CLOUD", "SOFTWARE", "PERSONNEL"] as const)[i % 3],
      amountCents: BigInt(i * 1234 - 9000),
      memo: i % 5 ? `Memo ${i}` : '@risk, "memo"',
    })),
  });
  await db.actualEntry.create({
    data: {
      orgId: globex.org.id,
      orgUnitId: globex.units.teamA.id,
      bookedOn: d("2026-02-01"),
      category: "CLOUD",
      amountCents: 1n,
      memo: "Globex secret",
    },
  });
  return { acme, globex };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

const text = (s: ReadableStream<Uint8Array> | null) => new Response(s).text();

/** The stream's chunks, decoded, as the reader receives them. */
async function chunks(s: ReadableStream<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  const decoder = new TextDecoder();
  const reader = s.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(decoder.decode(r.value));
  return out;
}

const lineCount = (csv: string) => csv.split("\r\n").length - 1;

describe("projects export", () => {
  const sorts = PROJECT_SORT_KEYS.flatMap((key) => (["asc", "desc"] as const).map((dir) => `sort=${key}&dir=${dir}`));

  it.each([...sorts, "status=ACTIVE&sort=lead&dir=desc", "q=same"])(
    "%s: any batch size streams the CSV of the whole list",
    async (query) => {
      const sp = Object.fromEntries(new URLSearchParams(query));
      const whole = await listProjects(w.acme.org.id, parseProjectFilters(sp), NOW, { sort: parseProjectSort(sp) });
      const expected = toCsv(PROJECTS_CSV_HEADER, whole.map(projectCells));
      expect(whole.length).toBeGreaterThan(query.startsWith("q=") ? 5 : 10);
      for (const batch of [1, 4, 1000]) {
        expect(await text(exportProjectsCsv(w.acme.org, new URLSearchParams(query), NOW, batch)), `batch ${batch}`).toBe(expected);
      }
    },
  );

  it("sends the header first and then one chunk per batch", async () => {
    const parts = await chunks(exportProjectsCsv(w.acme.org, new URLSearchParams(), NOW, 10));
    expect(parts[0]).toBe(`${PROJECTS_CSV_HEADER.join(",")}\r\n`);
    expect(parts.slice(1).map(lineCount)).toEqual([10, 10, 10, 10, 10, 3]);
  });

  it("another org's export holds none of acme's projects", async () => {
    expect(lineCount(await text(exportProjectsCsv(w.globex.org, new URLSearchParams(), NOW, 2)))).toBe(1 + 5);
  });
});

describe("audit export", () => {
  const director = () => ({
    role: "DIRECTOR" as const,
    readsPay: true,
    org: { id: w.acme.org.id, slug: w.acme.org.slug, currency: w.acme.org.currency },
  });
  // The export's columns, written out here from the whole trail read in one batch.
  const expectedCsv = async (query: string) => {
    const rows: (string | null)[][] = [];
    for await (const batch of auditEventBatches(director(), parseAuditFilters(new URLSearchParams(query)), 10_000)) {
      for (const { raw: e, entry } of batch) {
        rows.push([
          e.at.toISOString(),
          e.actor?.email ?? "",
          e.actor?.name ?? "",
          e.action,
          e.entityType,
          e.entityId,
          changesToText(diffAudit(e.before, e.after)),
          sentenceText(entry),
        ]);
      }
    }
    return toCsv(AUDIT_CSV_HEADER, rows);
  };

  it.each(["", "entity=Project", "action=contracts.update"])(
    "'%s': any batch size streams the whole trail, newest first",
    async (query) => {
      const expected = await expectedCsv(query);
      expect(lineCount(expected)).toBeGreaterThan(20);
      for (const batch of [1, 2, 3, 7, 1000])
        expect(await text(exportAuditCsv(director(), new URLSearchParams(query), batch)), `batch ${batch}`).toBe(expected);
      expect(expected).not.toContain("Globex secret");
      // A cell with quotes, commas and a line break is one quoted cell.
      if (!query) expect(expected).toContain(`"name: Old, ""2"" → =New 2\nline; amountCents: ∅ → 200"`);
    },
  );

  it("sends the header first and then one chunk per batch; a reader that stops early ends the reads", async () => {
    const parts = await chunks(exportAuditCsv(director(), new URLSearchParams(), 20)!);
    expect(parts[0]).toBe(`${AUDIT_CSV_HEADER.join(",")}\r\n`);
    expect(parts.length).toBe(1 + 3);
    const reader = exportAuditCsv(director(), new URLSearchParams(), 5)!.getReader();
    expect((await reader.read()).done).toBe(false);
    expect((await reader.read()).done).toBe(false);
    await expect(reader.cancel()).resolves.toBeUndefined();
  });

  it("is null for a role without audit:read", () => {
    for (const role of ["MANAGER", "FINANCE", "VIEWER"] as const)
      expect(exportAuditCsv({ ...director(), role }, new URLSearchParams())).toBeNull();
  });
});

describe("ledger lines export", () => {
  // In date order each batch reads only the dates it can reach (lib/budgets/lines-sql.ts
  // dateWindow); several lines share each date, so batches end inside a day.
  it.each([
    ["", 37],
    ["dir=desc", 37],
    ["cat=CLOUD&dir=desc", 13],
    ["cat=SOFTWARE", 12],
    ["sort=amount&dir=desc", 37],
    ["sort=memo", 37],
    ["sort=unit&dir=desc", 37],
  ])("'%s': any batch size streams every line", async (query, count) => {
    const { filters } = parseLinesParams(new URLSearchParams(`from=2026-01&to=2026-12&${query}`), 1, NOW);
    const scope = linesScope(w.acme.org.id, { readsPay: true }, filters);
    const expected = await text(linesCsvStream(scope, true, 100_000));
    expect(lineCount(expected)).toBe(1 + count);
    for (const batch of [1, 2, 5, count - 1, count])
      expect(await text(linesCsvStream(scope, true, batch)), `batch ${batch}`).toBe(expected);
  });

  it("sends the header first and then one chunk per batch", async () => {
    const { filters } = parseLinesParams(new URLSearchParams("from=2026-01&to=2026-12"), 1, NOW);
    const parts = await chunks(linesCsvStream(linesScope(w.acme.org.id, { readsPay: true }, filters), true, 10));
    expect(parts.slice(1).map(lineCount)).toEqual([10, 10, 10, 7]);
  });
});

describe("export routes", () => {
  type Route = { GET: (request: Request, ctx: { params: Promise<{ org: string }> }) => Promise<Response> };
  const signIn = async (userId: string | null) => {
    cookie =
      userId === null
        ? undefined
        : await encodeSession({ sub: userId, sid: await startSession(db, userId), authAt: Date.now(), lastSeen: Date.now() });
  };
  const get = (route: Route, slug: string, path: string) =>
    route.GET(new Request(`http://keel.test/${slug}/${path}`), { params: Promise.resolve({ org: slug }) });
  const routes: [string, Route, string][] = [
    ["projects", projectsRoute, "projects/export"],
    ["audit", auditRoute, "settings/audit/export"],
    ["ledger lines", linesRoute, "budgets/lines/export?from=2026-01&to=2026-12"],
  ];

  it.each(routes)("%s: a director gets the streamed CSV as a download", async (_, route, path) => {
    await signIn(w.acme.members.director.user.id);
    const res = await get(route, w.acme.org.slug, path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.text();
    expect(lineCount(body)).toBeGreaterThan(30);
    expect(body).not.toContain("Globex secret");
  });

  it.each(routes)("%s: 401 without a session, 404 for another org's member and an unknown org", async (_, route, path) => {
    await signIn(null);
    expect((await get(route, w.acme.org.slug, path)).status).toBe(401);
    await signIn(w.globex.members.director.user.id);
    const foreign = await get(route, w.acme.org.slug, path);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ ok: false, code: "NOT_FOUND", message: "Not found." });
    expect((await get(route, "no-such-org", path)).status).toBe(404);
  });

  it("audit: 404 for the org's members without audit:read, as for a non-member", async () => {
    for (const role of ["manager", "finance", "viewer"] as const) {
      await signIn(w.acme.members[role].user.id);
      expect((await get(auditRoute, w.acme.org.slug, "settings/audit/export")).status, role).toBe(404);
    }
  });

  it("ledger lines: another org's unit is a 404, not an empty file", async () => {
    await signIn(w.acme.members.director.user.id);
    expect((await get(linesRoute, w.acme.org.slug, `budgets/lines/export?unit=${w.globex.units.teamA.id}`)).status).toBe(404);
  });
});
