import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClients, type Db } from "@/lib/db-factory";
import { provisionTestDb, type TestDb } from "@/tests/support/test-db";

// DATABASE_REPLICA_URL: two throwaway databases stand in for a primary and its read replica. The
// "replica" holds a marker row the primary does not, so every read proves where it went: reads
// through the replica client see the marker, the primary client (writes, transactions,
// read-your-writes paths) never does, and without a replica URL both are the primary.

let primaryDb: TestDb;
let replicaDbInfo: TestDb;
let clients: { primary: Db; replica: Db };

beforeAll(async () => {
  primaryDb = await provisionTestDb("primary");
  replicaDbInfo = await provisionTestDb("replica");
  const seed = (url: string, name: string) => {
    const c = createPrismaClients(url, undefined).primary;
    return c.organization.create({ data: { id: "org_marker", name, slug: "marker" } }).finally(() => c.$disconnect());
  };
  await seed(primaryDb.url, "on the primary");
  await seed(replicaDbInfo.url, "on the replica");
  clients = createPrismaClients(primaryDb.url, replicaDbInfo.url);
});

afterAll(async () => {
  await clients?.primary.$disconnect();
  await clients?.replica.$disconnect();
  await primaryDb?.drop();
  await replicaDbInfo?.drop();
});

describe("read replica (DATABASE_REPLICA_URL)", () => {
  it("sends replica reads to the replica, model and raw queries alike", async () => {
    expect((await clients.replica.organization.findUniqueOrThrow({ where: { slug: "marker" } })).name).toBe("on the replica");
    const [row] = await clients.replica.$queryRaw<{ name: string }[]>`SELECT name FROM "Organization" WHERE slug = 'marker'`;
    expect(row.name).toBe("on the replica");
  });

  it("keeps writes, transactions and primary reads on the primary", async () => {
    expect((await clients.primary.organization.findUniqueOrThrow({ where: { slug: "marker" } })).name).toBe("on the primary");
    await clients.primary.organization.update({ where: { slug: "marker" }, data: { name: "written" } });
    const inTx = await clients.primary.$transaction((tx) => tx.organization.findUniqueOrThrow({ where: { slug: "marker" } }));
    expect(inTx.name).toBe("written");
    // The write went to the primary only: the replica (no real replication here) still has its marker.
    expect((await clients.replica.organization.findUniqueOrThrow({ where: { slug: "marker" } })).name).toBe("on the replica");
  });

  it("without a replica URL, replica reads are primary reads", async () => {
    const only = createPrismaClients(primaryDb.url, undefined);
    try {
      expect(only.replica).toBe(only.primary);
      expect((await only.replica.organization.findUniqueOrThrow({ where: { slug: "marker" } })).name).toBe("written");
    } finally {
      await only.primary.$disconnect();
    }
  });

  it("the dashboard figures read through the replica when one is configured", async () => {
    const testUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = primaryDb.url;
    process.env.DATABASE_REPLICA_URL = replicaDbInfo.url;
    const globals = globalThis as { keelPrisma?: Db; keelReplica?: Db };
    globals.keelPrisma = globals.keelReplica = undefined;
    const { getDashboardScope } = await import("@/lib/dashboard/director");
    const replica = createPrismaClients(replicaDbInfo.url, undefined).primary;
    try {
      await replica.orgUnit.create({
        data: { id: "unit_on_replica", orgId: "org_marker", kind: "TEAM", name: "Replica team", code: "R1" },
      });
      const scope = await getDashboardScope("org_marker", null);
      expect(scope?.subtreeIds).toEqual(["unit_on_replica"]);
    } finally {
      await replica.$disconnect();
      delete process.env.DATABASE_REPLICA_URL;
      process.env.DATABASE_URL = testUrl;
      const g = globalThis as { keelPrisma?: Db; keelReplica?: Db };
      await g.keelPrisma?.$disconnect();
      g.keelPrisma = g.keelReplica = undefined;
    }
  });
});
