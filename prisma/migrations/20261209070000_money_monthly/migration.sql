-- MoneyMonthly: plan and actual per org × unit × month × category, the facts every finance view
-- sums (lib/budgets/rollup-prepare.ts), one row per cell instead of a plan line and a ledger cell
-- stacked and grouped on every read. Like ActualMonthly (migration actual_monthly) it is kept
-- exact by the database itself, so every writer (actions, CSV imports and their revert, copy
-- forward, seeds, the large-org generator, tests, psql) keeps it right without knowing about it:
-- statement-level AFTER triggers on BudgetLine and ActualEntry read the statement's transition
-- tables and apply ONE aggregated delta per cell, in the writer's transaction. A cell without
-- plan line and ledger line is removed, so at every commit the table equals
--   plan:   SELECT "orgId", "orgUnitId", "month", "category", SUM("amountCents"), COUNT(*) FROM "BudgetLine" GROUP BY …
--   actual: SELECT "orgId", "orgUnitId", date_trunc('month', "bookedOn"::timestamp)::date, "category", SUM("amountCents"), COUNT(*) FROM "ActualEntry" GROUP BY …
-- joined on the cell (tests/integration/money-monthly.test.ts, over randomized writes).
--
-- Keyed by the unit that holds the money: a reorg moves no row (views sum up the tree through
-- OrgUnitClosure at read time), and people, positions and status updates are not in it.
-- It is derived data with an "orgId", so it has the data-version triggers too: a transaction that
-- writes plan or ledger lines bumps "MoneyMonthly" once more, at commit, beside the source table
-- (one bump per org, table and transaction; nothing here writes the source tables, so no loop).
--
-- Concurrency: plan and ledger writes share cells, so before touching them both take the
-- transaction advisory lock 'keel:ledger:<orgId>' (the lock ActualMonthly's triggers and
-- lib/budgets/ledger-lock.ts take): a plan import and a ledger import of one org, each writing
-- cells over several statements, then run one after the other instead of deadlocking on cells
-- they reached in different orders. Within a statement, cells are written in key order.
CREATE TABLE "MoneyMonthly" (
    "orgId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "category" "BudgetCategory" NOT NULL,
    "planCents" BIGINT NOT NULL,
    "planLines" INTEGER NOT NULL,
    "actualCents" BIGINT NOT NULL,
    "actualLines" INTEGER NOT NULL,

    CONSTRAINT "MoneyMonthly_pkey" PRIMARY KEY ("orgId","month","orgUnitId","category")
);

ALTER TABLE "MoneyMonthly" ADD CONSTRAINT "MoneyMonthly_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The statements applying the deltas of `src` (SQL text over the transition tables: org, unit,
-- month, category, plan, plan lines, actual, actual lines per row; old rows negated): one upsert
-- in key order (so concurrent writers lock cells in the same order), then the emptied cells go.
-- A delta that only removes lines is applied to an existing cell only: a cascade from a deleted
-- organization never re-creates a row of it. The trigger function EXECUTEs these itself:
-- transition tables are visible to its own statements, not to a function it calls.
CREATE FUNCTION keel_money_monthly_apply_sql(src text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN ARRAY[format($q$
    INSERT INTO "MoneyMonthly" AS m ("orgId", "orgUnitId", "month", "category", "planCents", "planLines", "actualCents", "actualLines")
    SELECT d.* FROM (
      SELECT x."orgId", x."orgUnitId", x."month", x."category", SUM(x."plan")::bigint, SUM(x."pl")::int AS "pl", SUM(x."act")::bigint, SUM(x."al")::int AS "al"
      FROM (%s) x("orgId", "orgUnitId", "month", "category", "plan", "pl", "act", "al")
      GROUP BY 1, 2, 3, 4
      HAVING SUM(x."plan") <> 0 OR SUM(x."pl") <> 0 OR SUM(x."act") <> 0 OR SUM(x."al") <> 0
    ) d
    WHERE d."pl" > 0 OR d."al" > 0
       OR EXISTS (SELECT 1 FROM "MoneyMonthly" e WHERE e."orgId" = d."orgId" AND e."month" = d."month" AND e."orgUnitId" = d."orgUnitId" AND e."category" = d."category")
    ORDER BY d."orgId", d."month", d."orgUnitId", d."category"
    ON CONFLICT ("orgId", "month", "orgUnitId", "category") DO UPDATE
      SET "planCents" = m."planCents" + EXCLUDED."planCents", "planLines" = m."planLines" + EXCLUDED."planLines",
          "actualCents" = m."actualCents" + EXCLUDED."actualCents", "actualLines" = m."actualLines" + EXCLUDED."actualLines"$q$, src),
  format($q$
    DELETE FROM "MoneyMonthly" m
    USING (SELECT DISTINCT x."orgId", x."orgUnitId", x."month", x."category" FROM (%s) x("orgId", "orgUnitId", "month", "category", "plan", "pl", "act", "al")) d
    WHERE m."orgId" = d."orgId" AND m."month" = d."month" AND m."orgUnitId" = d."orgUnitId" AND m."category" = d."category"
      AND m."planLines" = 0 AND m."actualLines" = 0$q$, src)];
END
$$;

-- Statement trigger on BudgetLine (TG_ARGV[0] = 'plan') or ActualEntry ('actual').
CREATE FUNCTION keel_money_monthly_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plan boolean := TG_ARGV[0] = 'plan';
  cell_new text := CASE WHEN plan
    THEN 'SELECT "orgId", "orgUnitId", "month", "category", "amountCents", 1, 0::bigint, 0 FROM new_rows'
    ELSE 'SELECT "orgId", "orgUnitId", date_trunc(''month'', "bookedOn"::timestamp)::date, "category", 0::bigint, 0, "amountCents", 1 FROM new_rows' END;
  cell_old text := CASE WHEN plan
    THEN 'SELECT "orgId", "orgUnitId", "month", "category", -"amountCents", -1, 0::bigint, 0 FROM old_rows'
    ELSE 'SELECT "orgId", "orgUnitId", date_trunc(''month'', "bookedOn"::timestamp)::date, "category", 0::bigint, 0, -"amountCents", -1 FROM old_rows' END;
  src text;
  org text;
  stmt text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    IF plan THEN
      UPDATE "MoneyMonthly" SET "planCents" = 0, "planLines" = 0 WHERE "planLines" <> 0;
    ELSE
      UPDATE "MoneyMonthly" SET "actualCents" = 0, "actualLines" = 0 WHERE "actualLines" <> 0;
    END IF;
    DELETE FROM "MoneyMonthly" WHERE "planLines" = 0 AND "actualLines" = 0;
    RETURN NULL;
  END IF;
  src := CASE TG_OP WHEN 'INSERT' THEN cell_new WHEN 'DELETE' THEN cell_old ELSE cell_old || ' UNION ALL ' || cell_new END;
  -- The lock of each org whose cells change, before any cell (see the top of this migration); an
  -- update that moves no money (a memo, a vendor, updatedAt) takes none.
  FOR org IN EXECUTE CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT DISTINCT "orgId" FROM new_rows ORDER BY 1'
    WHEN 'DELETE' THEN 'SELECT DISTINCT "orgId" FROM old_rows ORDER BY 1'
    ELSE format('SELECT DISTINCT x."orgId" FROM (%s) x("orgId", "orgUnitId", "month", "category", "plan", "pl", "act", "al")
                 GROUP BY x."orgId", x."orgUnitId", x."month", x."category"
                 HAVING SUM(x."plan") <> 0 OR SUM(x."pl") <> 0 OR SUM(x."act") <> 0 OR SUM(x."al") <> 0 ORDER BY 1', src) END
  LOOP
    PERFORM pg_advisory_xact_lock(hashtext('keel:ledger:' || org));
  END LOOP;
  -- (An insert empties no cell: the second statement, the removal of emptied cells, is skipped.)
  FOREACH stmt IN ARRAY (keel_money_monthly_apply_sql(src))[1:CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE 2 END]
  LOOP
    EXECUTE stmt;
  END LOOP;
  RETURN NULL;
END
$$;

-- Recomputes the rows of one org (NULL: every org) from the source tables: the back-fill below,
-- and a repair for data written with the triggers disabled.
CREATE FUNCTION keel_money_monthly_rebuild(org text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "MoneyMonthly" WHERE org IS NULL OR "orgId" = org;
  INSERT INTO "MoneyMonthly" ("orgId", "orgUnitId", "month", "category", "planCents", "planLines", "actualCents", "actualLines")
  SELECT x."orgId", x."orgUnitId", x."month", x."category", SUM(x."plan"), SUM(x."pl"), SUM(x."act"), SUM(x."al")
  FROM (
    SELECT "orgId", "orgUnitId", "month", "category", "amountCents" AS "plan", 1 AS "pl", 0::bigint AS "act", 0 AS "al"
    FROM "BudgetLine" WHERE org IS NULL OR "orgId" = org
    UNION ALL
    SELECT "orgId", "orgUnitId", date_trunc('month', "bookedOn"::timestamp)::date, "category", 0, 0, "amountCents", 1
    FROM "ActualEntry" WHERE org IS NULL OR "orgId" = org
  ) x
  GROUP BY 1, 2, 3, 4;
END
$$;

CREATE TRIGGER "BudgetLine_money_insert" AFTER INSERT ON "BudgetLine"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('plan');
CREATE TRIGGER "BudgetLine_money_update" AFTER UPDATE ON "BudgetLine"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('plan');
CREATE TRIGGER "BudgetLine_money_delete" AFTER DELETE ON "BudgetLine"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('plan');
CREATE TRIGGER "BudgetLine_money_truncate" AFTER TRUNCATE ON "BudgetLine"
  FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('plan');
CREATE TRIGGER "ActualEntry_money_insert" AFTER INSERT ON "ActualEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('actual');
CREATE TRIGGER "ActualEntry_money_update" AFTER UPDATE ON "ActualEntry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('actual');
CREATE TRIGGER "ActualEntry_money_delete" AFTER DELETE ON "ActualEntry"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('actual');
CREATE TRIGGER "ActualEntry_money_truncate" AFTER TRUNCATE ON "ActualEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION keel_money_monthly_sync('actual');

-- Data versions (migration org_data_version).
CREATE TRIGGER "MoneyMonthly_org_change_insert" AFTER INSERT ON "MoneyMonthly" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "MoneyMonthly_org_change_update" AFTER UPDATE ON "MoneyMonthly" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "MoneyMonthly_org_change_delete" AFTER DELETE ON "MoneyMonthly" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');

-- Back-fill from the tables as they are.
SELECT keel_money_monthly_rebuild(NULL);
