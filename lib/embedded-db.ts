import {
  closeSync,
  constants,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  chmodSync,
  writeSync,
} from "node:fs";
import net from "node:net";
import path from "node:path";

import { tryLock, unlock } from "fs-native-extensions";

import { serveEmbeddedDb } from "@/lib/embedded-db-server";

// Embedded PostgreSQL for zero-setup runs: PGlite (Postgres compiled to Wasm, from npm, so
// nothing is downloaded at run time) keeps its data under `.data/`, and a small server of Keel's
// own (lib/embedded-db-server.ts) exposes it on a loopback port so the app talks to it through the
// same pg driver and Prisma adapter as to a real server. PGlite has a single backend: a connection holds
// it for a whole statement or transaction while the others wait their turn, so the app uses a pool
// of one connection against it (KEEL_DB_POOL_MAX=1): more would only wait.
//
// PGlite is a library, not a server: nothing in it stops a second process from opening the same
// files, and two writers corrupt them. So the data directory is locked first (lockDataDir), its
// files are private to the user, and writes reach the disk before a commit is acknowledged.

export type EmbeddedDb = { url: string; dataDir: string | null; stop: () => Promise<void> };

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

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number | null,
  ) {
    super(
      `${dir} is in use by another Keel process${holderPid ? ` (pid ${holderPid})` : ""}: stop that one first, or set KEEL_DATA_DIR to a different directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

type DataDirLock = { file: string; release: () => void };

/**
 * An exclusive OS lock on `dir/keel.lock`, held until release() or until the process ends (the
 * kernel drops it then, even after kill -9, so a crash never leaves a stale lock to clean up).
 * fs-native-extensions takes an open-file-description lock (Linux F_OFD_SETLK; flock on macOS,
 * LockFileEx on Windows): unlike a pid file it cannot go stale, and unlike a POSIX record lock
 * it also conflicts within one process. The pid written into the file only names the holder in
 * the refusal; the lock, not the file's content, is what counts. Not for network file systems.
 */
function lockDataDir(dir: string): DataDirLock {
  const abs = path.resolve(dir);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  const file = path.join(abs, "keel.lock");
  const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  let locked = false;
  try {
    locked = tryLock(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!locked) {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    closeSync(fd);
    throw new DataDirLockedError(abs, Number.isFinite(pid) ? pid : null);
  }
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`, 0);
  fsyncSync(fd);
  let held = true;
  return {
    file,
    release: () => {
      if (!held) return;
      held = false;
      unlock(fd);
      closeSync(fd);
    },
  };
}

/** Directories 0700 and files 0600 under `dir` (data left by an older Keel was world-readable); returns how many changed. */
function tightenModes(dir: string): number {
  let changed = 0;
  const visit = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) {
      chmodSync(p, want);
      changed++;
    }
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(path.resolve(dir));
  return changed;
}

type EmscriptenFs = { filesystems?: { NODEFS?: { stream_ops: Record<string, unknown> } } };

/**
 * PGlite starts PostgreSQL with fsync off, and its Emscripten file layer ignores fsync anyway.
 * We start it with fsync on and wal_sync_method=fsync (fdatasync is a no-op in that layer) and
 * give the layer a real fsync, so a commit is on disk when it is acknowledged.
 */
function enableFsync(pglite: unknown): boolean {
  const fs = (pglite as { mod?: { FS?: EmscriptenFs } }).mod?.FS;
  const ops = fs?.filesystems?.NODEFS?.stream_ops;
  if (!ops) return false;
  ops.fsync = (stream: { nfd?: number }) => {
    if (stream.nfd !== undefined) fsyncSync(stream.nfd);
    return 0;
  };
  return true;
}

/**
 * dataDir undefined = in-memory (used by tests when no PostgreSQL server is reachable). With a
 * dataDir, `lockDir` (default: dataDir's parent, Keel's KEEL_DATA_DIR) is locked first, and a
 * DataDirLockedError is thrown before PGlite reads a byte when another process holds it.
 */
export async function startEmbeddedDb(dataDir?: string, port?: number, lockDir?: string): Promise<EmbeddedDb> {
  const { PGlite } = await import("@electric-sql/pglite");
  let lock: DataDirLock | null = null;
  let pglite: InstanceType<typeof PGlite>;
  if (dataDir) {
    const abs = path.resolve(dataDir);
    // Files PostgreSQL creates from now on (WAL segments, new relations) are the user's alone.
    process.umask(0o077);
    lock = lockDataDir(lockDir ?? path.dirname(abs));
    try {
      tightenModes(path.dirname(lock.file));
      const startParams = [...PGlite.defaultStartParams.filter((p) => p !== "-F"), "-c", "fsync=on", "-c", "wal_sync_method=fsync"];
      pglite = await PGlite.create(abs, { startParams });
      if (!enableFsync(pglite))
        throw new Error(
          "this PGlite version has no file layer Keel knows how to make durable; pin @electric-sql/pglite as package.json does",
        );
      tightenModes(path.dirname(lock.file));
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await PGlite.create();
  }
  const listenPort = port ?? (await freePort());
  const server = await serveEmbeddedDb(pglite, { host: "127.0.0.1", port: listenPort, maxConnections: 32 });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable`,
    dataDir: dataDir ? path.resolve(dataDir) : null,
    stop: async () => {
      try {
        await server.stop();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
