import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { DataDirLockedError, startEmbeddedDb } from "@/lib/embedded-db";

// The embedded database's guarantees (lib/embedded-db.ts), in process: one opener per data
// directory, private files (also those an older Keel left open to all), fsync really on.
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
