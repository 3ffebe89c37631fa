import "server-only";

import { createHash } from "node:crypto";

import { db, type Tx } from "@/lib/db";
import type { DataTable } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";

// What a stored figure's rows are of (table StoredFigure, migration stored_figures): the day they
// were computed for, the formula they were computed by (a hash of the figure's SQL, so rows stored
// by an earlier release are not read after a deploy that changes it), the figure's own bounds
// (months, publication), and the sum of the org's data versions of the tables the figure reads.
// The versions bump at commit, one per (org, table) written (migration org_data_version).
//
// The sum recorded is the one committed when the refresh began (read under the figure's lock,
// before the figure is computed) plus one per table this transaction wrote itself. A writer that
// commits while the figure is being computed — one that does not store the figure, such as a seed
// or psql — may or may not be in the rows, but its bump is not in the sum: after it the figure reads
// as stale, never as current and wrong. lib/stored-figures/index.ts says which figures are stored.

export type StoredFigureName = "forecast" | "health-trend" | "heads";

/** A stored figure: its name, the tables it reads and the hash of the SQL it is computed by. */
export type StoredFigureSpec = { name: StoredFigureName; tables: readonly DataTable[]; formula: string };

/** A stored figure's bounds, as its refresh wrote them. */
export type StoredBounds = { fromMonth: Date | null; toMonth: Date | null; published: number | null };

/** The hash of the statements a figure is computed by (their text, without parameters). */
export function formulaOf(...statements: Prisma.Sql[]): string {
  const h = createHash("sha256");
  for (const s of statements) h.update(s.strings.join("\u0000")).update("\u0001");
  return h.digest("hex").slice(0, 16);
}

const versionSum = (orgId: Prisma.Sql | string, tables: readonly DataTable[]) => Prisma.sql`
  (SELECT COALESCE(SUM(v."version"), 0) FROM "OrgDataVersion" v WHERE v."orgId" = ${orgId} AND v."tbl" = ANY (${tables as string[]}::text[]))`;

/** SQL: whether the org's stored `spec` is of `today`, of its formula and of the org's current data (for a reader that checks it in the statement that reads the rows). */
export function isCurrentSql(orgId: Prisma.Sql | string, spec: StoredFigureSpec, today: Date): Prisma.Sql {
  // Its own alias: `orgId` may be a column of the caller's statement.
  return Prisma.sql`EXISTS (SELECT 1 FROM "StoredFigure" sf_cur WHERE sf_cur."orgId" = ${orgId} AND sf_cur."figure" = ${spec.name}
    AND sf_cur."day" = ${toDateString(today)}::date AND sf_cur."formula" = ${spec.formula} AND sf_cur."inputsVersion" = ${versionSum(orgId, spec.tables)})`;
}

/**
 * Takes the org's lock for storing `spec` (held to the commit: refreshes of one org run in turn),
 * then reads, in one statement, the committed version sum the refresh will build on and the stored
 * bounds when the stored rows are current (else null).
 */
export async function beginRefresh(
  tx: Tx,
  orgId: string,
  spec: StoredFigureSpec,
  today: Date,
): Promise<{ base: bigint; current: StoredBounds | null }> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`keel:stored-figure:${spec.name}:${orgId}`}))::text`;
  const [r] = await tx.$queryRaw<
    { base: bigint; current: boolean; fromMonth: Date | null; toMonth: Date | null; published: number | null }[]
  >`
    SELECT b."base", s."orgId" IS NOT NULL AND s."day" = ${toDateString(today)}::date AND s."formula" = ${spec.formula}
             AND s."inputsVersion" = b."base" AS "current",
           s."fromMonth", s."toMonth", s."published"
    FROM (SELECT ${versionSum(orgId, spec.tables)} AS "base") b
    LEFT JOIN "StoredFigure" s ON s."orgId" = ${orgId} AND s."figure" = ${spec.name}`;
  return { base: r.base, current: r.current ? { fromMonth: r.fromMonth, toMonth: r.toMonth, published: r.published } : null };
}

/** Records that `spec`'s rows are of `today`, of `base` (from beginRefresh) and of this transaction's own writes. */
export async function writeStoredState(
  tx: Tx,
  orgId: string,
  spec: StoredFigureSpec,
  base: bigint,
  today: Date,
  bounds: Partial<StoredBounds> = {},
): Promise<void> {
  const d = (x: Date | null | undefined) => (x ? toDateString(x) : null);
  await tx.$executeRaw`
    INSERT INTO "StoredFigure" ("orgId", "figure", "day", "formula", "fromMonth", "toMonth", "published", "inputsVersion", "refreshedAt")
    VALUES (${orgId}, ${spec.name}, ${toDateString(today)}::date, ${spec.formula}, ${d(bounds.fromMonth)}::date, ${d(bounds.toMonth)}::date,
            ${bounds.published ?? null}::int,
            ${base}::bigint + (SELECT COUNT(*) FROM "OrgDataChange" c WHERE c."orgId" = ${orgId}
              AND c."txid" = pg_current_xact_id()::text::bigint AND c."tbl" = ANY (${spec.tables as string[]}::text[])),
            now())
    ON CONFLICT ("orgId", "figure") DO UPDATE SET "day" = EXCLUDED."day", "formula" = EXCLUDED."formula", "fromMonth" = EXCLUDED."fromMonth",
      "toMonth" = EXCLUDED."toMonth", "published" = EXCLUDED."published", "inputsVersion" = EXCLUDED."inputsVersion",
      "refreshedAt" = EXCLUDED."refreshedAt"`;
}

/** The stored figure's bounds when its rows are current (of today, its formula, the org's data); else null. One statement. */
export async function currentStoredState(orgId: string, spec: StoredFigureSpec, today: Date): Promise<StoredBounds | null> {
  const [s] = await db.$queryRaw<StoredBounds[]>`
    SELECT s."fromMonth", s."toMonth", s."published" FROM "StoredFigure" s
    WHERE s."orgId" = ${orgId} AND s."figure" = ${spec.name} AND ${isCurrentSql(orgId, spec, today)}`;
  return s ?? null;
}

/** The tables of `tables` this transaction wrote for the org (their changes are noted until the commit). */
export async function tablesWrittenInTx(tx: Tx, orgId: string, tables: readonly DataTable[]): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ tbl: string }[]>`
    SELECT "tbl" FROM "OrgDataChange" WHERE "orgId" = ${orgId} AND "txid" = pg_current_xact_id()::text::bigint AND "tbl" = ANY (${tables as string[]}::text[])`;
  return new Set(rows.map((r) => r.tbl));
}

/** Orgs whose stored `spec` is missing, of another day, of another formula or of older data. */
export async function orgsWithStaleFigure(
  client: { $queryRaw: typeof db.$queryRaw },
  spec: StoredFigureSpec,
  today: Date,
): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Organization" o WHERE NOT ${isCurrentSql(Prisma.sql`o."id"`, spec, today)} ORDER BY o."id"`;
  return rows.map((r) => r.id);
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
