import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

// Embedded PostgreSQL for zero-setup runs: PGlite (Postgres compiled to Wasm, from npm, so
// nothing is downloaded at run time) keeps its data under `.data/`, and pglite-socket exposes
// it on a loopback port so the app talks to it through the same pg driver and Prisma adapter
// as to a real server. PGlite has a single backend: connections are queued, so the app uses a
// pool of one connection against it (KEEL_DB_POOL_MAX=1) to keep transactions from interleaving.

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** dataDir undefined = in-memory (used by tests when no PostgreSQL server is reachable). */
export async function startEmbeddedDb(dataDir?: string, port?: number): Promise<EmbeddedDb> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (dataDir) await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  const pglite = dataDir ? await PGlite.create(path.resolve(dataDir)) : await PGlite.create();
  const listenPort = port ?? (await freePort());
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: listenPort, maxConnections: 32 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
