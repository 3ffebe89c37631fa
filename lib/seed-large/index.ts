import pg from "pg";

import { hashPassword } from "@/lib/auth/password";
import { fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { migrate } from "@/lib/migrate";
import { dropForBulkLoad, restoreAfterBulkLoad } from "@/lib/seed-large/bulk";
import { context, lit, SQL_FUNCTIONS } from "@/lib/seed-large/context";
import { allPlans, LARGE_SLUG, type LargeSeedOptions, PLAN_FISCAL_YEARS } from "@/lib/seed-large/plan";
import { moneyStatements } from "@/lib/seed-large/sql-money";
import { orgStatements, orgUsers } from "@/lib/seed-large/sql-org";
import { workStatements } from "@/lib/seed-large/sql-work";

// The large-org generator behind `npm run db:seed:large`: migrates the database, then writes
// one large org and N small ones with set-based INSERT … SELECT over generate_series, every
// value derived from the row number by a stable hash (same scale and day → same rows, same ids).
// One transaction; the big tables lose their indexes and foreign keys during the load (bulk.ts). The demo password (keel-demo) is hashed once and shared.

const LARGE_PASSWORD = "keel-demo";

const BULK_TABLES = ["ActualEntry", "StatusUpdate", "BudgetLine", "Milestone"];

export type LargeSeedResult = { seconds: number; timings: { label: string; ms: number }[] };

export async function seedLarge(connectionString: string, opts: LargeSeedOptions): Promise<LargeSeedResult> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  await migrate(connectionString);
  const today = opts.today ?? new Date();
  const fy = fiscalYearOf(today, 1);
  const todayIso = toDateString(today);
  const planStart = toDateString(fiscalYearRange(fy - PLAN_FISCAL_YEARS + 1, 1).start);
  const passwordHash = await hashPassword(LARGE_PASSWORD);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const timings = new Map<string, number>();
  const run = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    await client.query(sql, params);
    timings.set(label, (timings.get(label) ?? 0) + Date.now() - t);
  };
  try {
    const { rows } = await client.query(`SELECT 1 FROM "Organization" WHERE slug = $1`, [LARGE_SLUG]);
    if (rows.length > 0) throw new Error(`org "${LARGE_SLUG}" already exists: generate into a fresh database`);
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("BEGIN");
    for (const f of SQL_FUNCTIONS) await client.query(f);
    const t0 = Date.now();
    const saved = await dropForBulkLoad(client, BULK_TABLES);
    timings.set("drop indexes", Date.now() - t0);
    for (const plan of allPlans(opts)) {
      const ctx = context(plan, todayIso, planStart);
      const [org, ...rest] = orgStatements(ctx);
      await run(org.label, org.sql);
      for (const s of rest) await run(s.label, s.sql);
      const users = orgUsers(ctx);
      await run(
        "users",
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
                          SELECT id, email, name, $4, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, email, name)`,
        [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name), passwordHash],
      );
      await run(
        "users",
        `INSERT INTO "Membership" (id, "orgId", "userId", role, "scopeUnitId", "updatedAt")
                          SELECT 'm_' || u.id, ${lit(ctx.orgId)}, u.id, u.role::"Role", u.scope, now()
                          FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, role, scope)`,
        [users.map((u) => u.id), users.map((u) => u.role), users.map((u) => u.scopeUnitId)],
      );
      await run("users", `UPDATE "Person" SET "userId" = $1 WHERE id = $2`, [`${plan.tag}_user_director`, `${plan.tag}_p1`]);
      for (const s of [...workStatements(ctx, fy), ...moneyStatements(ctx)]) await run(s.label, s.sql);
      await client.query("DROP TABLE lg_proj");
      if (plan.slug === LARGE_SLUG) log(`large org written in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
    const t1 = Date.now();
    await restoreAfterBulkLoad(client, saved);
    timings.set("rebuild indexes and foreign keys", Date.now() - t1);
    await client.query("COMMIT");
    // VACUUM sets the visibility map, so index-only scans work at once (autovacuum would, later).
    await run("vacuum analyze", "VACUUM ANALYZE");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  return { seconds: (Date.now() - started) / 1000, timings: [...timings].map(([label, ms]) => ({ label, ms })) };
}
