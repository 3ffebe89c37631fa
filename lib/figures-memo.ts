import "server-only";

import { LRUCache } from "lru-cache";
import { cache } from "react";

import { replicaDb as db } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import type { Prisma } from "@/lib/generated/prisma/client";

// Dashboard figures memoized per org and data version.
//
// A director's dashboard aggregates the whole org: its money statement and delivery trend grow
// with the org's data. The figures change only
// when the rows they read do, or when the day does: every transaction that writes an org's rows
// bumps the org's version of each table written, at commit (database triggers, migration
// org_data_version — whatever wrote the rows: an action, an import, a seed, psql). So a result
// computed at versions v stays exact until one of the tables it reads moves, and a page reads the
// org's versions (one small query per request) instead of recomputing the figures. A status
// update moves "StatusUpdate" and "Project", not the budget tables: the money figures stay.
//
// Exactness: the versions are read BEFORE the figures are computed — through replicaDb, and the
// figures through it or the primary, which is never behind it — so the figures are at least as
// new as the version they are filed under (the sum of the versions of the tables read, which
// only grows); a reader that sees version v takes an entry filed under v or later. Every key
// holds what the computation depends on beside the org's rows: parameters, the viewer where it
// matters, and the day (never the time of day: callers key by day).
// tests/integration/figures-memo.test.ts checks that each memoized computation reads no table
// beyond those it names, and after writes compares every figure with a fresh computation.
//
// With several read replicas (DATABASE_REPLICA_URL with commas) two reads may reach replicas that
// lag differently, so an entry is also dropped after MAX_AGE_MS: it can then lag by as much as the
// replicas do, never longer than that. With one replica or none, entries are exact.
//
// KEEL_FIGURES_MEMO=off computes every figure on every request (the bench's "after a write" rows:
// what the first viewer after a change waits for).
//
// Per process: each instance behind a load balancer fills its own cache (a cold entry costs what
// the page cost before); the versions live in the database, so instances never disagree.
//
// Restores: a backup brings back older versions, and once written to again the numbers can climb
// back to those an entry was filed under, with different data. So every read of the versions also
// reads the database's identity (cluster id, database oid, the file of the version table, and
// the server's start time when there is at most one replica: a restore of any kind recreates,
// truncates or restarts one of these), and any change of it forgets every entry; versions lower
// than this process saw before for an org forget that org's entries (restore.test.ts).

const MAX_ENTRIES = 500;
const MAX_AGE_MS = 10 * 60_000;

type Entry = { version: bigint; value: unknown };
const entries = new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: MAX_AGE_MS });
// Computations in flight: concurrent requests for the same figures at the same version share one.
const inflight = new Map<string, Promise<unknown>>();

/** A table of org data (the model names are the table names). */
export type DataTable = Prisma.ModelName;

// What a restore changes (see above), and per org the versions last seen and a generation that
// moves when they went backwards (it is part of every entry's id).
let seenIdentity: string | null = null;
const lastSeen = new Map<string, ReadonlyMap<string, bigint>>();
const generations = new Map<string, number>();

function noteVersions(orgId: string, identity: string, versions: ReadonlyMap<string, bigint>) {
  if (seenIdentity !== null && seenIdentity !== identity) {
    logger.info({ event: "figures-memo.reset" }, "the database was replaced or restarted (a restore?): memoized figures forgotten");
    entries.clear();
    lastSeen.clear();
  }
  seenIdentity = identity;
  const before = lastSeen.get(orgId);
  if (before && [...before].some(([tbl, v]) => (versions.get(tbl) ?? 0n) < v)) {
    logger.info(
      { event: "figures-memo.reset", orgId },
      "an org's data versions went backwards (a restore?): its memoized figures forgotten",
    );
    generations.set(orgId, (generations.get(orgId) ?? 0) + 1);
  }
  lastSeen.set(orgId, versions);
}

/** The org's version of each table written so far (absent: never written); read once per request. */
const orgDataVersions = cache(async (orgId: string): Promise<ReadonlyMap<string, bigint>> => {
  // The server's start time only with at most one replica: several replicas start at different times.
  const withStart = (readEnv().DATABASE_REPLICA_URL ?? "").split(",").filter((u) => u.trim()).length <= 1;
  const rows = await db.$queryRaw<{ tbl: string | null; version: bigint | null; identity: string }[]>`
    SELECT v."tbl", v."version", i.identity
    FROM (SELECT concat_ws(':', (SELECT system_identifier FROM pg_control_system()), (SELECT oid FROM pg_database WHERE datname = current_database()),
                           pg_relation_filenode('"OrgDataVersion"'), CASE WHEN ${withStart} THEN pg_postmaster_start_time()::text END) AS identity) i
    LEFT JOIN "OrgDataVersion" v ON v."orgId" = ${orgId}`;
  const versions = new Map(rows.filter((r) => r.tbl !== null).map((r) => [r.tbl!, r.version!]));
  noteVersions(orgId, rows[0].identity, versions);
  return versions;
});

/** The org's data version for a set of tables: grows whenever one of them is written. */
export async function orgDataVersion(orgId: string, tables: readonly DataTable[]): Promise<bigint> {
  const versions = await orgDataVersions(orgId);
  return tables.reduce((sum, t) => sum + (versions.get(t) ?? 0n), 0n);
}

/** Freezes a memoized value: it is shared by every request, so no caller may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * `compute()`'s result for this org, `name` and `key`, from the memo when it was computed at the
 * org's current version of `tables` (or later). The result is frozen. `tables` must name every
 * table the computation reads; `key` everything else it depends on (JSON; dates as day strings).
 */
export async function memoFigures<T>(
  orgId: string,
  name: string,
  key: unknown[],
  tables: readonly DataTable[],
  compute: () => Promise<T>,
): Promise<T> {
  if (readEnv().KEEL_FIGURES_MEMO === "off") return compute();
  const version = await orgDataVersion(orgId, tables);
  const id = JSON.stringify([orgId, generations.get(orgId) ?? 0, name, ...key]);
  const hit = entries.get(id);
  if (hit && hit.version >= version) return hit.value as T;
  const flightId = `${id}@${version}`;
  const running = inflight.get(flightId);
  if (running) return running as Promise<T>;
  const p = compute().then((value) => {
    const frozen = deepFreeze(value);
    const current = entries.get(id);
    if (!current || current.version <= version) entries.set(id, { version, value: frozen });
    return frozen;
  });
  inflight.set(flightId, p);
  try {
    return await p;
  } finally {
    inflight.delete(flightId);
  }
}

/** Forgets every memoized figure (tests; a process that changed data without the triggers). */
export function clearFiguresMemo(): void {
  entries.clear();
  lastSeen.clear();
}
