import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DataDirLockedError, freePort, startEmbeddedDb } from "@/lib/embedded-db";
import { serveEmbeddedDb, type EmbeddedDbServer } from "@/lib/embedded-db-server";

// The embedded database's guarantees (lib/embedded-db.ts), in process: one opener per data
// directory, private files (also those an older Keel left open to all), fsync really on; and its
// server's (lib/embedded-db-server.ts): one connection's statement or transaction at a time.
// tests/process/lifecycle.test.ts checks the same across two real `npm start` processes.

const root = mkdtempSync(path.join(tmpdir(), "keel-embedded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function modes(dir: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = lstatSync(p);
    if ((st.mode & 0o077) !== 0) out.push(`${path.relative(dir, p)} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p)) visit(path.join(p, n));
  };
  visit(dir);
  return out;
}

describe("embedded database", () => {
  it("opens a data directory once, with private files and fsync on; the lock goes with stop()", async () => {
    const dir = path.join(root, "data");
    // What an older Keel left behind: world-readable and writable.
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    writeFileSync(path.join(dir, "auth-secret"), "old", { mode: 0o666 });
    chmodSync(path.join(dir, "auth-secret"), 0o666);

    const first = await startEmbeddedDb(path.join(dir, "pglite"), undefined, dir);
    try {
      expect(modes(dir)).toEqual([]);
      const err = await startEmbeddedDb(path.join(dir, "pglite"), undefined, dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toBe(
        `${dir} is in use by another Keel process (pid ${process.pid}): stop that one first, or set KEEL_DATA_DIR to a different directory.`,
      );

      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      try {
        const settings = await client.query<{ name: string; setting: string }>(
          `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method') ORDER BY name`,
        );
        expect(settings.rows).toEqual([
          { name: "fsync", setting: "on" },
          { name: "wal_sync_method", setting: "fsync" },
        ]);
        await client.query("CREATE TABLE kept (x int)");
        await client.query("INSERT INTO kept VALUES (42)");
      } finally {
        await client.end();
      }
    } finally {
      await first.stop();
    }

    const again = await startEmbeddedDb(path.join(dir, "pglite"), undefined, dir);
    const client = new pg.Client({ connectionString: again.url });
    await client.connect();
    try {
      expect((await client.query("SELECT x FROM kept")).rows).toEqual([{ x: 42 }]);
    } finally {
      await client.end();
      await again.stop();
    }
    expect(modes(dir)).toEqual([]);
  });
});

describe("several connections on the one PGlite backend", () => {
  // PGlite has one backend; every connection's statements run on it. A connection's extended-
  // protocol sequence (Parse … Sync) and its open transaction must not meet another connection's
  // messages: an interleaved Parse replaces the unnamed statement another connection is about
  // to Bind ("bind message supplies 3 parameters, but prepared statement "" requires 4"), and a
  // statement run inside another connection's transaction sees (and commits or loses) its rows.
  it("keeps each connection's statements and transactions whole", async () => {
    const dir = path.join(root, "concurrent");
    const embedded = await startEmbeddedDb(path.join(dir, "pglite"), undefined, dir);
    const clients = Array.from({ length: 5 }, () => new pg.Client({ connectionString: embedded.url }));
    try {
      await Promise.all(clients.map((c) => c.connect()));
      const [writer, ...readers] = clients;
      await writer.query("CREATE TABLE batch (n int NOT NULL, i int NOT NULL)");
      const BATCH = 3;
      const ROUNDS = 60;
      const errors: unknown[] = [];
      const wrong: string[] = [];
      // The writer inserts BATCH rows per transaction, each row through its own parameterised
      // statement, and reads its own uncommitted rows back.
      const write = async () => {
        for (let n = 0; n < ROUNDS; n++) {
          await writer.query("BEGIN");
          for (let i = 0; i < BATCH; i++) await writer.query("INSERT INTO batch (n, i) VALUES ($1, $2)", [n, i]);
          const mine = await writer.query<{ c: number }>("SELECT count(*)::int AS c FROM batch WHERE n = $1", [n]);
          if (mine.rows[0].c !== BATCH) wrong.push(`writer saw ${mine.rows[0].c} rows of its batch ${n}`);
          await writer.query(n % 5 === 4 ? "ROLLBACK" : "COMMIT");
        }
      };
      // Each reader sends statements with a parameter count of its own (2, 3, 4, 5) and checks
      // it gets its own values back, and that it never sees a batch half written.
      const read = async (client: pg.Client, k: number) => {
        const params = Array.from({ length: k + 2 }, (_, j) => j);
        const cols = params.map((_, j) => `$${j + 1}::int AS c${j}`).join(", ");
        for (let round = 0; round < ROUNDS * 2; round++) {
          const values = params.map((j) => k * 1000 + round * 10 + j);
          const { rows } = await client.query<Record<string, number>>(`SELECT ${cols}`, values);
          const got = params.map((j) => rows[0]?.[`c${j}`]);
          if (JSON.stringify(got) !== JSON.stringify(values)) wrong.push(`reader ${k} sent ${values} got ${got}`);
          const seen = await client.query<{ c: number }>("SELECT count(*)::int AS c FROM batch WHERE i < $1", [BATCH]);
          if (seen.rows[0].c % BATCH !== 0) wrong.push(`reader ${k} saw ${seen.rows[0].c} rows: a batch half written`);
        }
      };
      await Promise.all([write(), ...readers.map((c, k) => read(c, k))].map((p) => p.catch((e: unknown) => errors.push(e))));
      expect(errors.map((e) => (e as Error).message)).toEqual([]);
      expect(wrong).toEqual([]);
      // Committed: every fifth batch rolled back.
      const { rows } = await readers[0].query<{ c: number }>("SELECT count(*)::int AS c FROM batch");
      expect(rows[0].c).toBe((ROUNDS - ROUNDS / 5) * BATCH);
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => {})));
      await embedded.stop();
    }
  });
});

/** A bare protocol client, to leave the backend mid-sequence or mid-transaction and vanish. */
async function rawClient(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let got = Buffer.alloc(0);
  socket.on("data", (d) => (got = Buffer.concat([got, d])));
  socket.on("error", () => {});
  const frame = (type: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(type, 0);
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  /** Until the backend has sent a message of `type` (or ReadyForQuery with this status) since the last call; what it sent. */
  const until = async (type: string, status?: string) => {
    for (;;) {
      for (let o = 0; o + 5 <= got.length; o += 1 + got.readInt32BE(o + 1)) {
        if (got[o] === type.charCodeAt(0) && (!status || got[o + 5] === status.charCodeAt(0))) {
          const sent = got;
          got = Buffer.alloc(0);
          return sent;
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4);
  socket.write(Buffer.concat([startup, params]));
  await until("Z", "I");
  return {
    query: (sql: string, status: string) => {
      socket.write(frame("Q", Buffer.from(`${sql}\0`)));
      return until("Z", status);
    },
    /** Parse with no Sync after it: the sequence stays open. */
    parse: (sql: string) => socket.write(frame("P", Buffer.from(`\0${sql}\0\0\0`))),
    until,
    destroy: () => socket.destroy(),
  };
}

describe("the embedded database's server (lib/embedded-db-server.ts)", () => {
  // One PGlite, served directly, so that a test can make PGlite itself fail.
  let db: PGlite;
  let server: EmbeddedDbServer;
  let port: number;
  let failNextParse = false;
  const clients: pg.Client[] = [];
  const client = async () => {
    const c = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    c.on("error", () => {});
    clients.push(c);
    await c.connect();
    return c;
  };

  beforeAll(async () => {
    db = await PGlite.create();
    const exec = db.execProtocolRawStream.bind(db);
    db.execProtocolRawStream = async (message, options) => {
      if (failNextParse && message[0] === 0x50) {
        failNextParse = false;
        throw new Error("PGlite failed");
      }
      return exec(message, options);
    };
    port = await freePort();
    server = await serveEmbeddedDb(db, { host: "127.0.0.1", port, maxConnections: 16 });
    await db.exec("CREATE TABLE held (x int)");
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await server.stop();
    await db.close();
  });

  it("runs another connection's statement after a transaction, not inside it; one that goes away is rolled back", async () => {
    const [a, b] = [await client(), await client()];
    await a.query("BEGIN");
    await a.query("INSERT INTO held VALUES ($1)", [1]);
    // Sent while a's transaction is open: it waits, so it cannot see a's uncommitted row.
    const during = b.query<{ c: number }>("SELECT count(*)::int AS c FROM held WHERE x > $1", [0]);
    await a.query("ROLLBACK");
    expect((await during).rows).toEqual([{ c: 0 }]);

    const raw = await rawClient(port);
    await raw.query("BEGIN", "T");
    await raw.query("INSERT INTO held VALUES (2)", "T");
    const after = b.query<{ c: number }>("SELECT count(*)::int AS c FROM held WHERE x > $1", [0]);
    raw.destroy();
    expect((await after).rows).toEqual([{ c: 0 }]);
    // The backend is idle again, not left in the vanished connection's transaction.
    await b.query("INSERT INTO held VALUES ($1)", [3]);
    expect((await (await client()).query("SELECT x FROM held")).rows).toEqual([{ x: 3 }]);
  });

  it("ends a sequence its connection left open (an error waiting for Sync) before the next connection's", async () => {
    const b = await client();
    const raw = await rawClient(port);
    // The backend answers a failed Parse and then skips every message up to the next Sync.
    raw.parse("SELEC 1");
    await raw.until("E");
    const pending = b.query<{ a: number; b: string }>("SELECT $1::int AS a, $2::text AS b", [1, "two"]);
    raw.destroy();
    expect((await pending).rows).toEqual([{ a: 1, b: "two" }]);
  });

  it("takes a message that arrives in many chunks, while other connections' messages arrive", async () => {
    const [a, b] = [await client(), await client()];
    const big = "x".repeat(3_000_000);
    const [long, short] = await Promise.all([
      a.query<{ n: number }>("SELECT length($1::text) AS n", [big]),
      b.query<{ n: number }>("SELECT $1::int AS n", [7]),
    ]);
    expect(long.rows).toEqual([{ n: 3_000_000 }]);
    expect(short.rows).toEqual([{ n: 7 }]);
  });

  it("ends only the connection PGlite failed on; the others go on", async () => {
    const [a, b] = [await client(), await client()];
    failNextParse = true;
    await expect(a.query("SELECT $1::int AS n", [1])).rejects.toThrow();
    expect((await b.query("SELECT $1::int AS n", [2])).rows).toEqual([{ n: 2 }]);
    expect((await (await client()).query("SELECT $1::int AS n", [3])).rows).toEqual([{ n: 3 }]);
  });

  // PGlite cannot take a COPY from the client: it answers CopyInResponse, then fails for good and
  // stops the whole Node process (the event loop with it). So the server never lets one through.
  it("refuses COPY FROM STDIN with an error and goes on; COPY TO STDOUT works", async () => {
    const [a, b] = [await client(), await client()];
    const refused = { code: "0A000", message: expect.stringContaining("COPY FROM STDIN is not supported") };
    await expect(a.query("COPY held FROM STDIN")).rejects.toMatchObject(refused);
    // A named statement: pg sends Parse, Bind, Execute, Sync.
    await expect(a.query({ name: "copy-in", text: "/* psql */ copy held (x) from\n  stdin with (format csv)" })).rejects.toMatchObject(
      refused,
    );
    await expect(a.query("SELECT 1; COPY held FROM STDIN")).rejects.toMatchObject(refused);
    // Inside a transaction the error aborts it, as PostgreSQL's would.
    await a.query("BEGIN");
    await expect(a.query("COPY held FROM STDIN")).rejects.toMatchObject(refused);
    await expect(a.query("SELECT 1")).rejects.toMatchObject({ code: "25P02" });
    await a.query("ROLLBACK");
    // The words alone, in a literal, a quoted name or a comment, are not a COPY.
    const words = await a.query<{ s: string }>(`SELECT 'copy held from stdin' AS s -- copy held from stdin`);
    expect(words.rows).toEqual([{ s: "copy held from stdin" }]);

    expect((await a.query("SELECT $1::int AS n", [1])).rows).toEqual([{ n: 1 }]);
    expect((await b.query("SELECT $1::int AS n", [2])).rows).toEqual([{ n: 2 }]);
    expect((await (await client()).query("SELECT 3 AS n")).rows).toEqual([{ n: 3 }]);

    const raw = await rawClient(port);
    const out = await raw.query("COPY (SELECT 7 AS x UNION ALL SELECT 8) TO STDOUT", "I");
    raw.destroy();
    const copyData: string[] = [];
    for (let o = 0; o + 5 <= out.length; o += 1 + out.readInt32BE(o + 1))
      if (out[o] === 0x64) copyData.push(out.toString("utf8", o + 5, o + 1 + out.readInt32BE(o + 1)));
    expect(copyData).toEqual(["7\n", "8\n"]);
  });
});
