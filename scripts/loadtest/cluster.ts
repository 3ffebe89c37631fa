import { execFile, execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { promisify } from "node:util";

// The load test restarts PostgreSQL in the middle of the run, so it must never touch a cluster
// that anyone else uses (on this machine: 15/main at 5432, where other test runs live). It runs
// its own Debian cluster (pg_createcluster/pg_ctlcluster), created on first use with trust auth
// on loopback. On a machine without the Debian wrappers, point it at any PostgreSQL you may
// restart: LOADTEST_PG_ADMIN_URL and LOADTEST_PG_RESTART_CMD (e.g. `pg_ctl -D … restart -m fast`).

export type Cluster = {
  adminUrl: string;
  label: string;
  /** Asynchronous, so the sessions keep running while PostgreSQL goes down and comes back. */
  restart: () => Promise<void>;
  /** Stops the cluster if this run started it. */
  release: () => void;
};

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const runAsync = async (cmd: string, args: string[]) => {
  await promisify(execFile)(cmd, args);
};

export function hasDebianWrappers(): boolean {
  return spawnSync("pg_lsclusters", ["-h"], { stdio: "ignore" }).status === 0;
}

type Row = { version: string; name: string; port: number; status: string };

function listClusters(): Row[] {
  return run("pg_lsclusters", ["-h"])
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [version, name, port, status] = line.trim().split(/\s+/);
      return { version, name, port: Number(port), status };
    });
}

function newestInstalledVersion(): string {
  const dir = "/usr/lib/postgresql";
  const versions = existsSync(dir) ? readdirSync(dir).filter((v) => /^\d+$/.test(v)) : [];
  if (versions.length === 0) throw new Error("No PostgreSQL server installed under /usr/lib/postgresql.");
  return versions.sort((a, b) => Number(b) - Number(a))[0];
}

export function prepareCluster(log: (s: string) => void): Cluster {
  const customRestart = process.env.LOADTEST_PG_RESTART_CMD;
  const customUrl = process.env.LOADTEST_PG_ADMIN_URL;
  if (customUrl || customRestart) {
    if (!customUrl || !customRestart) throw new Error("Set both LOADTEST_PG_ADMIN_URL and LOADTEST_PG_RESTART_CMD, or neither.");
    return {
      adminUrl: customUrl,
      label: `${new URL(customUrl).host} (restart: ${customRestart})`,
      restart: () => runAsync("sh", ["-c", customRestart]),
      release: () => {},
    };
  }
  if (!hasDebianWrappers()) {
    throw new Error(
      "pg_lsclusters/pg_ctlcluster not found. Set LOADTEST_PG_ADMIN_URL (a PostgreSQL you may restart) and LOADTEST_PG_RESTART_CMD.",
    );
  }
  const name = process.env.LOADTEST_PG_CLUSTER ?? "keelload";
  const port = Number(process.env.LOADTEST_PG_PORT) || 5433;
  if (name === "main") throw new Error("Refusing to restart the 'main' cluster: other test runs use it. Pick another LOADTEST_PG_CLUSTER.");
  let row = listClusters().find((c) => c.name === name);
  if (row && row.port !== port && process.env.LOADTEST_PG_PORT) {
    throw new Error(`Cluster ${row.version}/${name} listens on ${row.port}, not LOADTEST_PG_PORT=${port}.`);
  }
  if (!row) {
    const version = process.env.LOADTEST_PG_VERSION ?? newestInstalledVersion();
    if (listClusters().some((c) => c.port === port)) throw new Error(`Port ${port} is taken by another cluster: set LOADTEST_PG_PORT.`);
    log(`creating PostgreSQL cluster ${version}/${name} on port ${port} (trust auth, loopback only)…`);
    // listen_addresses stays at its default (localhost); manual start-conf: not started at boot.
    run("pg_createcluster", [version, name, "--port", String(port), "--start-conf", "manual", "--", "--auth=trust"]);
    row = listClusters().find((c) => c.name === name)!;
  }
  const { version } = row;
  const ctl = (action: string) => run("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, action]);
  const startedHere = row.status !== "online";
  if (startedHere) {
    log(`starting PostgreSQL cluster ${version}/${name}…`);
    ctl("start");
  }
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${row.port}/postgres`,
    label: `${version}/${name} on 127.0.0.1:${row.port}`,
    restart: () => runAsync("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, "restart"]),
    release: () => {
      if (startedHere) ctl("stop");
    },
  };
}
