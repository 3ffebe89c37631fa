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
type Store = { entries: LRUCache<string, Entry>; inflight: Map<string, Promise<unknown>> };
// Computations in flight: concurrent requests for the same figures at the same version share one.
const figures: Store = { entries: new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: MAX_AGE_MS }), inflight: new Map() };
// Rendered panels (memoRendered): larger than figures, so fewer of them.
const rendered: Store = { entries: new LRUCache<string, Entry>({ max: 200, ttl: MAX_AGE_MS }), inflight: new Map() };

/** A table of org data (the model names are the table names). */
export type DataTable = Prisma.ModelName;

/** What a memoized value is filed under: the org, the computation's name and key, the tables it reads. */
type MemoId = { orgId: string; name: string; key: unknown[]; tables: readonly DataTable[] };

// What a restore changes (see above), and per org the versions last seen and a generation that
// moves when they went backwards (it is part of every entry's id).
let seenIdentity: string | null = null;
const lastSeen = new Map<string, ReadonlyMap<string, bigint>>();
const generations = new Map<string, number>();

function noteVersions(orgId: string, identity: string, versions: ReadonlyMap<string, bigint>) {
  if (seenIdentity !== null && seenIdentity !== identity) {
    logger.info({ event: "figures-memo.reset" }, "the database was replaced or restarted (a restore?): memoized figures forgotten");
    clearFiguresMemo();
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
export function memoFigures<T>(
  orgId: string,
  name: string,
  key: unknown[],
  tables: readonly DataTable[],
  compute: () => Promise<T>,
): Promise<T> {
  return memoIn(figures, deepFreeze, { orgId, name, key, tables }, compute);
}

/**
 * The tables a rendered panel may read: every table of org data, but not the audit log and the
 * machinery written without any figure changing (API tokens' last use, webhook deliveries, SSO
 * settings, invitations). A panel keyed on them reads none of those.
 */
export const RENDERED_TABLES: readonly DataTable[] = [
  "ActualEntry",
  "ActualMonthly",
  "Allocation",
  "BudgetLine",
  "Contract",
  "ImportBatch",
  "Initiative",
  "ManagerNote",
  "Membership",
  "Milestone",
  "MoneyMonthly",
  "Organization",
  "OrgUnit",
  "OrgUnitClosure",
  "OrgUnitHistory",
  "PayPublication",
  "Person",
  "PersonAssignment",
  "Position",
  "Project",
  "ProjectDependency",
  "PublishedPaySource",
  "Reorg",
  "StatusUpdate",
  "User",
  "Vendor",
];

/**
 * A rendered panel (the React elements a server component returns) for this org, `name` and
 * `key`, reused while no table of RENDERED_TABLES has been written: a repeat view skips the
 * panel's reads and its rendering. `key` must hold everything else the output depends on — its
 * parameters, the day, what the reader may see (pay, permissions; the reader themself when the
 * panel is theirs). Elements are not frozen (React may annotate them in development), and no
 * caller may change them.
 */
export function memoRendered<T>(orgId: string, name: string, key: unknown[], compute: () => Promise<T>): Promise<T> {
  return memoIn(rendered, (v) => v, { orgId, name, key, tables: RENDERED_TABLES }, compute);
}

async function memoIn<T>(
  store: Store,
  seal: <V>(value: V) => V,
  { orgId, name, key, tables }: MemoId,
  compute: () => Promise<T>,
): Promise<T> {
  if (readEnv().KEEL_FIGURES_MEMO === "off") return compute();
  const version = await orgDataVersion(orgId, tables);
  const id = JSON.stringify([orgId, generations.get(orgId) ?? 0, name, ...key]);
  const hit = store.entries.get(id);
  if (hit && hit.version >= version) return hit.value as T;
  const flightId = `${id}@${version}`;
  const running = store.inflight.get(flightId);
  if (running) return running as Promise<T>;
  const p = compute().then((value) => {
    const sealed = seal(value);
    const current = store.entries.get(id);
    if (!current || current.version <= version) store.entries.set(id, { version, value: sealed });
    return sealed;
  });
  store.inflight.set(flightId, p);
  try {
    return await p;
  } finally {
    store.inflight.delete(flightId);
  }
}

/** Forgets every memoized figure (tests; a process that changed data without the triggers). */
export function clearFiguresMemo(): void {
  figures.entries.clear();
  rendered.entries.clear();
  lastSeen.clear();
}
