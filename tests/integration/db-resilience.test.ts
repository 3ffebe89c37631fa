import { randomBytes } from "node:crypto";

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { actionRegistry, defineAction } from "@/lib/action";
import { createPrismaClient, type Db } from "@/lib/db-factory";
import { DB_UNAVAILABLE_MESSAGE, dbOutageInProgress } from "@/lib/db-outage";
import { logger } from "@/lib/log";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// What happens to Keel when PostgreSQL kills its connections (a restart, a failover,
// pg_terminate_backend): the process must not crash on pg's 'error' event, dead connections
// must be dropped so the next query gets a fresh one, and a request whose connection died must
// fail cleanly with nothing half-written. `npm run loadtest` checks the same across a real
// restart under load; these are the deterministic pieces. The embedded PGlite has a single
// backend and no pg_terminate_backend to speak of, so they need the PostgreSQL server.
const embedded = process.env.KEEL_DB_POOL_MAX === "1";
const admin = testDb();

async function backendsOf(appName: string): Promise<number[]> {
  const rows = await admin.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE application_name = ${appName}`;
  return rows.map((r) => r.pid);
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  // Bounded by the test timeout; no assertion depends on how long this takes.
  while (!(await condition())) await new Promise((r) => setTimeout(r, 20));
}

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeEach(() => {
  uncaught.length = 0;
  process.on("uncaughtException", onUncaught);
  process.on("unhandledRejection", onUncaught);
});
afterEach(() => {
  process.off("uncaughtException", onUncaught);
  process.off("unhandledRejection", onUncaught);
  vi.restoreAllMocks();
});

describe.skipIf(embedded)("database connection loss", () => {
  let client: Db;
  let appName: string;
  const lost: Error[] = [];

  beforeEach(() => {
    lost.length = 0;
    appName = `keel_conn_loss_${randomBytes(4).toString("hex")}`;
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", appName);
    client = createPrismaClient(url.toString(), { onConnectionError: (e) => lost.push(e) });
  });
  afterEach(async () => {
    await client.$disconnect();
  });

  it("drops pooled connections killed while idle and answers the next queries on new ones", async () => {
    await Promise.all(Array.from({ length: 4 }, () => client.$queryRaw`SELECT 1 AS x FROM pg_sleep(0.05)`));
    const before = await backendsOf(appName);
    expect(before.length).toBeGreaterThan(0);

    await admin.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${appName}`;
    // Every killed idle connection is reported (the event that would crash an unlistened pool)…
    await until(() => lost.length >= before.length);
    expect(lost.every((e) => /terminating connection/.test(e.message))).toBe(true);

    // …and dropped: sequential and concurrent queries all succeed, on new backends only.
    for (let i = 0; i < 3; i++) expect(await client.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`).toEqual([{ n: 1 }]);
    const parallel = await Promise.all(Array.from({ length: 4 }, () => client.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`));
    expect(parallel.flat()).toEqual([{ n: 2 }, { n: 2 }, { n: 2 }, { n: 2 }]);
    const after = await backendsOf(appName);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    expect(uncaught).toEqual([]);
  });

  it("rejects a transaction whose connection dies, keeps none of its writes, and serves the next one", async () => {
    const { org } = await createOrgWithRoles(admin);
    await expect(
      client.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: org.id }, data: { name: "Half written" } });
        await tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`;
      }),
    ).rejects.toThrow(/terminating connection|connection error/);
    expect((await admin.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(org.name);

    await client.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: org.id }, data: { name: "Written" } });
    });
    expect((await admin.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Written");
    expect(uncaught).toEqual([]);
  });
});

describe.skipIf(embedded)("action pipeline when the connection dies mid-action", () => {
  // A test-only action: renames the org, audits, then (when asked) kills its own connection
  // before the transaction can commit — what a PostgreSQL restart does to an action in flight.
  const renameThenDie = defineAction({
    name: "test.connection-loss.rename",
    permission: "org:settings",
    input: z.object({ name: z.string(), die: z.boolean() }),
    async handler(ctx, input) {
      await ctx.tx.organization.update({ where: { id: ctx.org.id }, data: { name: input.name } });
      await ctx.audit({ entityType: "Organization", entityId: ctx.org.id, after: { name: input.name } });
      if (input.die) await ctx.tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`;
      return { name: input.name };
    },
  });
  afterAll(() => {
    actionRegistry.delete(renameThenDie.actionName);
  });

  beforeEach(async () => {
    await resetDb();
  });

  it("answers a clean failure (never a success), writes nothing, and the next action succeeds", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => {});
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const acme = await createOrgWithRoles(admin);
    const directorId = acme.members.director.user.id;

    const failed = await renameThenDie.run(directorId, acme.org.slug, { name: "Lost rename", die: true });
    expect(failed).toMatchObject({ ok: false, code: "INTERNAL", message: `${DB_UNAVAILABLE_MESSAGE} Nothing was saved.` });
    // Logged as the start of an outage, or counted in the one already in progress (lib/db-outage.ts).
    expect(logged.mock.calls.length > 0 || dbOutageInProgress()).toBe(true);
    expect((await admin.organization.findUniqueOrThrow({ where: { id: acme.org.id } })).name).toBe(acme.org.name);
    expect(await admin.auditEvent.count({ where: { orgId: acme.org.id } })).toBe(0);

    const ok = await renameThenDie.run(directorId, acme.org.slug, { name: "Kept rename", die: false });
    expect(ok).toEqual({ ok: true, data: { name: "Kept rename" } });
    expect((await admin.organization.findUniqueOrThrow({ where: { id: acme.org.id } })).name).toBe("Kept rename");
    expect(await admin.auditEvent.count({ where: { orgId: acme.org.id } })).toBe(1);
    expect(uncaught).toEqual([]);
  });
});
