import { beforeAll, describe, expect, it } from "vitest";

import { discoverActions, type RunnableAction } from "@/tests/support/action-discovery";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import { COLUMNS, type Column, type MatrixRow } from "@/tests/support/authz/matrix";
import { API_TOKEN_ROWS } from "@/tests/support/authz/matrix-api";
import { DELIVERY_ROWS } from "@/tests/support/authz/matrix-delivery";
import { MANAGER_ROWS } from "@/tests/support/authz/matrix-managers";
import { MONEY_ROWS } from "@/tests/support/authz/matrix-money";
import { ORG_ROWS } from "@/tests/support/authz/matrix-org";
import { PEOPLE_ROWS, PUBLIC_ROWS, SELF_ROWS } from "@/tests/support/authz/matrix-people";
import { DELIVERY_SIGNAL_ROWS } from "@/tests/support/authz/matrix-delivery-signals";
import { WEBHOOK_ROWS } from "@/tests/support/authz/matrix-webhooks";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// The authorization matrix (tests/support/authz/matrix*.ts) run against the real pipeline:
// every server action found in the source × every kind of caller. A refused cell must change
// no row of any table; an allowed one must write its audit event as that actor in that org.

const db = testDb();
const ROWS: MatrixRow[] = [
  ...DELIVERY_ROWS,
  ...PEOPLE_ROWS,
  ...MONEY_ROWS,
  ...ORG_ROWS,
  ...MANAGER_ROWS,
  ...WEBHOOK_ROWS,
  ...DELIVERY_SIGNAL_ROWS,
  ...API_TOKEN_ROWS,
];
const discovered = await discoverActions();

let acme: OrgFx;
let globex: OrgFx;

beforeAll(async () => {
  await resetDb();
  acme = await createAuthzOrg(db);
  globex = await createAuthzOrg(db);
});

describe("the matrix covers every action", () => {
  it("finds every built action (buildAction or a preset) in the source, with a literal, unique name", () => {
    const { defined, unnamed } = discovered.scan;
    expect(unnamed, "actions whose name the scan cannot read").toEqual([]);
    const names = defined.map((d) => d.name);
    const dupes = names.filter((n, i) => names.indexOf(n) !== i);
    expect(dupes, "two actions share a name (the registry would keep only one)").toEqual([]);
    expect(defined.length).toBeGreaterThan(30);
    const notLoaded = defined
      .filter((d) => !discovered.actions.has(d.name))
      .map((d) => `${d.name} (${d.file}: not exported, or not loaded)`);
    expect(notLoaded).toEqual([]);
    const notInSource = [...discovered.registered].filter((n) => !names.includes(n));
    expect(notInSource, "registered actions the source scan did not see").toEqual([]);
  });

  it("has a row for every registered action", () => {
    const rows = new Set([...ROWS.map((r) => r.action), ...PUBLIC_ROWS.map((r) => r.action), ...SELF_ROWS.map((r) => r.action)]);
    const missing = [...discovered.registered]
      .filter((name) => !rows.has(name))
      .map((name) => {
        const def = discovered.scan.defined.find((d) => d.name === name);
        if (def?.isUser) return `${name} (${def.file}): add a SelfRow to SELF_ROWS in tests/support/authz/matrix-people.ts`;
        return def?.isPublic
          ? `${name} (${def.file}): add a PublicRow to PUBLIC_ROWS in tests/support/authz/matrix-people.ts`
          : `${name} (${def?.file}): add row("${name}", "<ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN>", (fx) => ({ …valid input… })) to tests/support/authz/matrix-*.ts`;
      });
    expect(missing, "actions without a matrix row").toEqual([]);
  });

  it("has no row for an action that no longer exists, and no action twice", () => {
    const names = [...ROWS.map((r) => r.action), ...PUBLIC_ROWS.map((r) => r.action), ...SELF_ROWS.map((r) => r.action)];
    expect(
      names.filter((n) => !discovered.registered.has(n)),
      "matrix rows naming no registered action",
    ).toEqual([]);
    expect(
      names.filter((n, i) => names.indexOf(n) !== i),
      "actions with two rows",
    ).toEqual([]);
  });
});

function callerFor(column: Column, row: MatrixRow): { userId: string | null; fx: OrgFx } {
  switch (column) {
    case "ADMIN":
      return { userId: acme.users.admin, fx: acme };
    case "DIRECTOR":
      return { userId: acme.users.director, fx: acme };
    case "MGR_IN":
      return { userId: acme.users.managerIn, fx: acme };
    case "MGR_OUT":
      return { userId: acme.users.managerOut, fx: acme };
    case "FINANCE":
      return { userId: acme.users.finance, fx: acme };
    case "VIEWER":
      return { userId: acme.users.viewer, fx: acme };
    case "OTHER_ORG":
      return { userId: globex.users.director, fx: acme };
    case "ANON":
      return { userId: null, fx: acme };
    case "FOREIGN": {
      // The first role allowed by this row, sending ids that belong to the other org.
      const allowed = (["DIRECTOR", "ADMIN", "FINANCE", "MGR_IN"] as const).find((c) => row.expect[c] === "ok");
      if (!allowed) throw new Error(`Matrix row ${row.action}: FOREIGN needs an allowed role`);
      return { userId: callerFor(allowed, row).userId, fx: globex };
    }
  }
}

const action = (name: string): RunnableAction => {
  const a = discovered.actions.get(name);
  if (!a) throw new Error(`No action ${name}`);
  return a;
};

for (const row of ROWS) {
  describe(row.action, () => {
    for (const column of COLUMNS) {
      const expected = row.expect[column];
      if (expected === "skip") continue;
      it(`${column} → ${expected}`, async () => {
        const { userId, fx } = callerFor(column, row);
        const input = await row.input(fx, userId);
        const before = await tableFingerprints();
        const auditsBefore = await db.auditEvent.count({ where: { orgId: acme.org.id, actorId: userId ?? undefined } });
        const result = await action(row.action).run(userId, acme.slug, input);
        const where = `${row.action} as ${column}: ${JSON.stringify(result)}`;
        if (expected === "ok") {
          expect(result.ok, where).toBe(true);
          const audits = await db.auditEvent.count({ where: { orgId: acme.org.id, actorId: userId! } });
          expect(audits, `${where}: no audit event by this actor in this org`).toBeGreaterThan(auditsBefore);
        } else {
          expect(result, where).toMatchObject({ ok: false, code: expected });
          expect(await tableFingerprints(), `${where}: a refused call changed rows`).toEqual(before);
        }
      });
    }
  });
}

for (const row of PUBLIC_ROWS) {
  describe(`${row.action} (public)`, () => {
    it("succeeds with real authority in the input", async () => {
      const result = await action(row.action).run(null, "", await row.valid(acme));
      expect(result.ok, JSON.stringify(result)).toBe(true);
    });
    it(`refuses forged authority with ${row.forgedOutcome} and writes nothing`, async () => {
      const input = await row.forged(acme);
      const before = await tableFingerprints();
      const result = await action(row.action).run(null, "", input);
      expect(result).toMatchObject({ ok: false, code: row.forgedOutcome });
      expect(await tableFingerprints()).toEqual(before);
    });
  });
}

// User-level actions: every signed-in user (of any org, any role) may act on their own account
// and only on it; without a session nothing happens.
for (const row of SELF_ROWS) {
  describe(`${row.action} (own account)`, () => {
    const callers = ["ADMIN", "DIRECTOR", "MGR_IN", "MGR_OUT", "FINANCE", "VIEWER", "OTHER_ORG"] as const;
    for (const column of callers) {
      it(`${column} → ok, on their own account only`, async () => {
        const { userId } = callerFor(column, ROWS[0]);
        const input = await row.valid(acme, userId!);
        const others = () =>
          db.user.findMany({
            where: { id: { not: userId! } },
            select: { id: true, passwordHash: true, updatedAt: true },
            orderBy: { id: "asc" },
          });
        const othersBefore = await others();
        const auditsBefore = await db.auditEvent.count({ where: { actorId: userId! } });
        const result = await action(row.action).run(userId, acme.slug, input);
        expect(result.ok, JSON.stringify(result)).toBe(true);
        expect(await others(), "another user's account changed").toEqual(othersBefore);
        expect(await db.auditEvent.count({ where: { actorId: userId! } })).toBeGreaterThan(auditsBefore);
      });
    }
    it("ANON → UNAUTHENTICATED and writes nothing", async () => {
      const input = await row.valid(acme, acme.users.viewer);
      const before = await tableFingerprints();
      const result = await action(row.action).run(null, acme.slug, input);
      expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
      expect(await tableFingerprints()).toEqual(before);
    });
  });
}
