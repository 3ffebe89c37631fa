import "server-only";

import { db, type Tx } from "@/lib/db";
import type { DataTable } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";

// What a stored figure's rows are of (table StoredFigure, migration stored_figures): the day they
// were computed for, the sum of the org's data versions of the tables the figure reads as they are
// once the storing transaction has committed, and the figure's own bounds (months, publication).
// The versions bump at commit, one per (org, table) written (migration org_data_version), so a
// reader compares that sum with the current one: equal means no write since, by anyone.
// lib/stored-figures/index.ts says which figures are stored and who stores them.

export type StoredFigureName = "forecast" | "health-trend";

/** A stored figure's bounds, as its refresh wrote them. */
export type StoredBounds = { fromMonth: Date | null; toMonth: Date | null; published: number | null };

const versionSum = (orgId: Prisma.Sql | string, tables: readonly DataTable[]) => Prisma.sql`
  (SELECT COALESCE(SUM(v."version"), 0) FROM "OrgDataVersion" v WHERE v."orgId" = ${orgId} AND v."tbl" = ANY (${tables as string[]}::text[]))`;

/** Records that `figure`'s rows are of `today` and of the data as this transaction will commit it. */
export async function writeStoredState(
  tx: Tx,
  orgId: string,
  figure: StoredFigureName,
  tables: readonly DataTable[],
  today: Date,
  bounds: Partial<StoredBounds> = {},
): Promise<void> {
  const d = (x: Date | null | undefined) => (x ? toDateString(x) : null);
  // Tables written by this transaction (noted under its id in OrgDataChange) bump once each at commit.
  await tx.$executeRaw`
    INSERT INTO "StoredFigure" ("orgId", "figure", "day", "fromMonth", "toMonth", "published", "inputsVersion", "refreshedAt")
    VALUES (${orgId}, ${figure}, ${toDateString(today)}::date, ${d(bounds.fromMonth)}::date, ${d(bounds.toMonth)}::date, ${bounds.published ?? null}::int,
            ${versionSum(orgId, tables)} + (SELECT COUNT(*) FROM "OrgDataChange" c WHERE c."orgId" = ${orgId}
              AND c."txid" = pg_current_xact_id()::text::bigint AND c."tbl" = ANY (${tables as string[]}::text[])),
            now())
    ON CONFLICT ("orgId", "figure") DO UPDATE SET "day" = EXCLUDED."day", "fromMonth" = EXCLUDED."fromMonth", "toMonth" = EXCLUDED."toMonth",
      "published" = EXCLUDED."published", "inputsVersion" = EXCLUDED."inputsVersion", "refreshedAt" = EXCLUDED."refreshedAt"`;
}

/** The stored figure's bounds when its rows are of `today` and of the org's current data; else null (compute it). One statement. */
export async function currentStoredState(
  orgId: string,
  figure: StoredFigureName,
  tables: readonly DataTable[],
  today: Date,
  /** The client the figure's rows are then read through (a replica is never ahead of itself). */
  client: { $queryRaw: typeof db.$queryRaw } = db,
): Promise<StoredBounds | null> {
  const [s] = await client.$queryRaw<StoredBounds[]>`
    SELECT s."fromMonth", s."toMonth", s."published" FROM "StoredFigure" s
    WHERE s."orgId" = ${orgId} AND s."figure" = ${figure} AND s."day" = ${toDateString(today)}::date
      AND s."inputsVersion" = ${versionSum(Prisma.sql`s."orgId"`, tables)}`;
  return s ?? null;
}

/** The tables of `tables` this transaction wrote for the org (their changes are noted until the commit). */
export async function tablesWrittenInTx(tx: Tx, orgId: string, tables: readonly DataTable[]): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ tbl: string }[]>`
    SELECT "tbl" FROM "OrgDataChange" WHERE "orgId" = ${orgId} AND "txid" = pg_current_xact_id()::text::bigint AND "tbl" = ANY (${tables as string[]}::text[])`;
  return new Set(rows.map((r) => r.tbl));
}

/** Orgs whose `figure` is missing, of another day or of older data. */
export async function orgsWithStaleFigure(
  client: { $queryRaw: typeof db.$queryRaw },
  figure: StoredFigureName,
  tables: readonly DataTable[],
  today: Date,
): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Organization" o LEFT JOIN "StoredFigure" s ON s."orgId" = o."id" AND s."figure" = ${figure}
    WHERE s."orgId" IS NULL OR s."day" <> ${toDateString(today)}::date OR s."inputsVersion" <> ${versionSum(Prisma.sql`o."id"`, tables)}
    ORDER BY o."id"`;
  return rows.map((r) => r.id);
}

/** Takes the org's lock for storing `figure`, held to the commit: refreshes of one org run in turn, each seeing the ones before. */
export async function lockStoredFigure(tx: Tx, orgId: string, figure: StoredFigureName): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`keel:stored-figure:${figure}:${orgId}`}))::text`;
}

// What a plan cell's action tells the refresh: the months of the plan lines it wrote. A write of
// plan lines alone changes only the forecast of their months (lib/budgets/forecast-sql.ts: the plan,
// whether a month is planned, and a commitment's excess are per month), so the forecast is stored
// again for those months only. Keyed by the transaction; an action that writes plan lines without
// saying which months gets the whole refresh.
const planMonths = new WeakMap<object, Date[]>();

/** Notes, for this transaction, the months of plan lines written (the refresh then stores those months only). */
export function notePlanMonths(tx: Tx, months: Date[]): void {
  planMonths.set(tx, [...(planMonths.get(tx) ?? []), ...months]);
}

/** The plan months this transaction's action noted (null: none noted). */
export function notedPlanMonths(tx: Tx): Date[] | null {
  return planMonths.get(tx) ?? null;
}
