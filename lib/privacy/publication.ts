import "server-only";

import { refreshForecastSummary } from "@/lib/budgets/forecast-summary";
import { db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { logger } from "@/lib/log";
import { fiscalMonths, fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeDisclosure } from "@/lib/privacy/disclosure";
import { liveSpansCte, loadPaySources } from "@/lib/privacy/pay-sources";
import { DOMINANCE } from "@/lib/privacy/queries";
import { unitsToRepublish } from "@/lib/privacy/republish";

// The published forecast (docs/privacy.md rule 7, docs/figures.md "Published forecast"): readers
// without pay access see the forecast of the pay sources as last published, not as they are now,
// so one hire, departure or day passing moves nothing they can read. Publication is checked
// lazily, when such a reader reads a forecast: under a per-org lock, in one transaction, the
// units whose remainders' changes are a safe group (lib/privacy/republish.ts) get the sources of
// now. Rows are versioned, so a read pinned to a version never sees half of a publication.

export type Publication = { version: number; publishedAt: string };

/** The tables a publication reads and writes (memo versions). */
export const PUBLICATION_TABLES: readonly DataTable[] = [
  "Organization",
  "OrgUnit",
  "Person",
  "PersonAssignment",
  "Position",
  "PublishedPaySource",
  "PayPublication",
];

/** Fiscal years judged: the current one and the next two (later years are the last one's "year after"). */
const YEARS_JUDGED = 3;

/** Retired rows are kept this long for reads still pinned to the versions before (a read takes seconds). */
const KEEP_RETIRED = "10 minutes";

/** The org's current publication, publishing first when one is due (memoized per data version and day). */
export function ensurePublished(orgId: string, startMonth: number, today: Date): Promise<Publication> {
  return memoFigures(orgId, "pay-publication", [startMonth, toDateString(today)], PUBLICATION_TABLES, () =>
    publishIfDue(orgId, startMonth, today),
  );
}

/**
 * Checks and, when due, publishes; returns the publication readers now see. Repeatable read: what
 * is judged is what is copied, even if people change meanwhile. Its snapshot can predate a
 * publication that held the lock while this one waited: the version then exists already (a
 * unique violation) or its rows changed (a serialization failure), and the check runs again.
 */
export async function publishIfDue(orgId: string, startMonth: number, today: Date): Promise<Publication> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { created, ...publication } = await publishOnce(orgId, startMonth, today);
      if (created) await storePublishedForecast(orgId, today);
      return publication;
    } catch (e) {
      if (attempt >= 3 || !isConflict(e)) throw e;
    }
  }
}

/**
 * A new publication: the stored forecast (lib/budgets/forecast-summary.ts) gets its variant, in a
 * transaction of its own after the publication's (whose repeatable-read snapshot predates the
 * forecast's lock). Its failure only leaves the forecast computed on read until the worker's refresh.
 */
async function storePublishedForecast(orgId: string, today: Date): Promise<void> {
  await db
    .$transaction((tx) => refreshForecastSummary(tx, orgId, today), { timeout: 60_000, maxWait: 30_000 })
    .catch((err: unknown) =>
      logger.error({ err, event: "pay-publication.forecast-store.failed", orgId }, "storing the published forecast failed"),
    );
}

function isConflict(e: unknown): boolean {
  // A conflict found at the commit (the data-version bump) arrives as the driver adapter's own
  // error, TransactionWriteConflict, with PostgreSQL's code in its cause.
  const err = e as { code?: unknown; meta?: { code?: unknown }; message?: unknown; cause?: { originalCode?: unknown; kind?: unknown } };
  return [err.code, err.meta?.code, err.message, err.cause?.originalCode, err.cause?.kind].some(
    (v) => typeof v === "string" && /23505|40001|P2002|P2034|could not serialize|duplicate key|TransactionWriteConflict/.test(v),
  );
}

function publishOnce(orgId: string, startMonth: number, today: Date): Promise<Publication & { created: boolean }> {
  return db.$transaction(
    async (tx) => {
      // The lock and the latest publication in one statement (the snapshot is the statement's either way).
      const [head] = await tx.$queryRaw<{ version: number; publishedAt: Date | null }[]>`
        WITH l AS (SELECT pg_advisory_xact_lock(hashtext(${`keel:pay-publication:${orgId}`})) AS "locked")
        SELECT COALESCE(p."version", 0)::int AS "version", p."publishedAt"
        FROM l LEFT JOIN LATERAL (
          SELECT "version", "publishedAt" FROM "PayPublication" WHERE "orgId" = ${orgId} ORDER BY "version" DESC LIMIT 1
        ) p ON true`;
      let units: string[] | null = null;
      if (head.version > 0) {
        const fy = fiscalYearOf(today, startMonth);
        const years = Array.from({ length: YEARS_JUDGED }, (_, i) => fy + i);
        const from = new Date(Date.UTC(fiscalYearRange(fy, startMonth).start.getUTCFullYear() - 1, startMonth - 1, 1));
        const last = fiscalYearRange(fy + YEARS_JUDGED - 1, startMonth).end;
        const to = new Date(Date.UTC(last.getUTCFullYear() + 1, last.getUTCMonth() + 1, 0));
        const [live, published] = await Promise.all([
          loadPaySources(orgId, { from, to }, today, { client: tx }),
          loadPaySources(orgId, { from, to }, today, { client: tx, published: head.version }),
        ]);
        units = [
          ...unitsToRepublish({
            units: live.units,
            live: live.sources,
            published: published.sources,
            years: years.map((y) => fiscalMonths(y, startMonth).map(toDateString)),
            disclosureOf: (yearMonths) =>
              computeDisclosure({
                units: live.units,
                sources: published.sources,
                yearMonths,
                minGroup: live.minGroup,
                dominance: DOMINANCE,
              }),
            minGroup: live.minGroup,
            dominance: DOMINANCE,
          }),
        ];
        if (units.length === 0) return { version: head.version, publishedAt: head.publishedAt!.toISOString(), created: false };
      }
      const version = head.version + 1;
      // The first publication takes every source; later ones the units judged above.
      const inUnits = units === null ? Prisma.sql`true` : Prisma.sql`"orgUnitId" = ANY (${units}::text[])`;
      await tx.$executeRaw`
        UPDATE "PublishedPaySource" SET "retiredIn" = ${version}
        WHERE "orgId" = ${orgId} AND "retiredIn" IS NULL AND ${inUnits}`;
      await tx.$executeRaw`
        WITH ${liveSpansCte(orgId, today)}
        INSERT INTO "PublishedPaySource" ("orgId", "orgUnitId", "sourceKey", "fromDay", "toDay", "annualCompCents", "multiplier", "version")
        SELECT ${orgId}, s."orgUnitId", s."sourceKey", s."fromDay", s."toDay", s."comp", s."mult", ${version}
        FROM spans s WHERE (s."toDay" IS NULL OR s."toDay" >= s."fromDay") AND ${inUnits}`;
      await tx.$executeRaw`
        DELETE FROM "PublishedPaySource" WHERE "orgId" = ${orgId} AND "retiredIn" IN (
          SELECT "version" FROM "PayPublication" WHERE "orgId" = ${orgId} AND "publishedAt" < now() - ${KEEP_RETIRED}::interval)`;
      const [p] = await tx.$queryRaw<{ publishedAt: Date }[]>`
        INSERT INTO "PayPublication" ("orgId", "version", "units")
        VALUES (${orgId}, ${version}, ${units?.length ?? (await tx.orgUnit.count({ where: { orgId } }))})
        RETURNING "publishedAt"`;
      return { version, publishedAt: p.publishedAt.toISOString(), created: true };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000, maxWait: 30_000 },
  );
}
