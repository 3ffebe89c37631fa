CREATE TABLE "ActualMonthly" (
    "orgId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "category" "BudgetCategory" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "lineCount" INTEGER NOT NULL,

    CONSTRAINT "ActualMonthly_pkey" PRIMARY KEY ("orgId","month","orgUnitId","category")
);


ALTER TABLE "ActualMonthly" ADD CONSTRAINT "ActualMonthly_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ActualMonthly is kept exact by the database itself, so every writer of ledger lines (the CSV
-- import, its revert, the seeds, the large-org generator, tests, a psql session) keeps it
-- right without knowing about it: statement-level AFTER triggers on ActualEntry read the
-- statement's transition tables (only the rows it really inserted, updated or deleted: lines
-- skipped by ON CONFLICT DO NOTHING are not in NEW TABLE) and apply ONE aggregated delta per
-- cell. A cell whose lineCount reaches 0 is removed, so the table equals
--   SELECT "orgId", month, "orgUnitId", category, SUM("amountCents"), COUNT(*) FROM "ActualEntry" GROUP BY …
-- at every commit (tests/integration/actual-monthly.test.ts).
--
-- Concurrency: a transaction that changes the summary of an org first takes the transaction
-- advisory lock 'keel:ledger:<orgId>' (lib/budgets/ledger-lock.ts takes the same one), so two
-- imports into one org run one after the other instead of deadlocking on summary cells across
-- their batches; other orgs are not affected. Within a statement, cells are written in key order.
-- Months are computed on timestamp (not timestamptz), so the session time zone cannot matter.
CREATE FUNCTION keel_actual_monthly_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "ActualMonthly";
  ELSIF TG_OP = 'INSERT' THEN
    FOR org IN SELECT DISTINCT "orgId" FROM new_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(hashtext('keel:ledger:' || org));
    END LOOP;
    INSERT INTO "ActualMonthly" AS m ("orgId", "month", "orgUnitId", "category", "amountCents", "lineCount")
    SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date, "orgUnitId", "category", SUM("amountCents"), COUNT(*)
    FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("orgId", "month", "orgUnitId", "category") DO UPDATE
      SET "amountCents" = m."amountCents" + EXCLUDED."amountCents", "lineCount" = m."lineCount" + EXCLUDED."lineCount";
  ELSIF TG_OP = 'DELETE' THEN
    FOR org IN SELECT DISTINCT "orgId" FROM old_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(hashtext('keel:ledger:' || org));
    END LOOP;
    -- Only existing cells are decremented (a deleted line's cell exists); never inserted.
    UPDATE "ActualMonthly" m SET "amountCents" = m."amountCents" - d."amountCents", "lineCount" = m."lineCount" - d."lineCount"
    FROM (SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date AS "month", "orgUnitId", "category",
                 SUM("amountCents") AS "amountCents", COUNT(*) AS "lineCount"
          FROM old_rows GROUP BY 1, 2, 3, 4) d
    WHERE m."orgId" = d."orgId" AND m."month" = d."month" AND m."orgUnitId" = d."orgUnitId" AND m."category" = d."category";
    DELETE FROM "ActualMonthly" m USING (SELECT DISTINCT "orgId", date_trunc('month', "bookedOn"::timestamp)::date AS "month", "orgUnitId", "category" FROM old_rows) d
    WHERE m."orgId" = d."orgId" AND m."month" = d."month" AND m."orgUnitId" = d."orgUnitId" AND m."category" = d."category" AND m."lineCount" = 0;
  ELSE -- UPDATE: the old lines leave their cells, the new ones join theirs; unchanged cells are skipped
    -- (an update that only touches vendorId, projectId or memo does not take the lock at all).
    FOR org IN
      SELECT DISTINCT d."orgId" FROM (
        SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date AS "month", "orgUnitId", "category", -"amountCents" AS "a", -1 AS "n" FROM old_rows
        UNION ALL
        SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date, "orgUnitId", "category", "amountCents", 1 FROM new_rows
      ) d GROUP BY d."orgId", d."month", d."orgUnitId", d."category" HAVING SUM(d."a") <> 0 OR SUM(d."n") <> 0 ORDER BY 1
    LOOP
      PERFORM pg_advisory_xact_lock(hashtext('keel:ledger:' || org));
    END LOOP;
    INSERT INTO "ActualMonthly" AS m ("orgId", "month", "orgUnitId", "category", "amountCents", "lineCount")
    SELECT d."orgId", d."month", d."orgUnitId", d."category", SUM(d."a"), SUM(d."n") FROM (
      SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date AS "month", "orgUnitId", "category", -"amountCents" AS "a", -1 AS "n" FROM old_rows
      UNION ALL
      SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date, "orgUnitId", "category", "amountCents", 1 FROM new_rows
    ) d GROUP BY 1, 2, 3, 4 HAVING SUM(d."a") <> 0 OR SUM(d."n") <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("orgId", "month", "orgUnitId", "category") DO UPDATE
      SET "amountCents" = m."amountCents" + EXCLUDED."amountCents", "lineCount" = m."lineCount" + EXCLUDED."lineCount";
    DELETE FROM "ActualMonthly" m USING (SELECT DISTINCT "orgId", date_trunc('month', "bookedOn"::timestamp)::date AS "month", "orgUnitId", "category" FROM old_rows) d
    WHERE m."orgId" = d."orgId" AND m."month" = d."month" AND m."orgUnitId" = d."orgUnitId" AND m."category" = d."category" AND m."lineCount" = 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ActualEntry_monthly_insert" AFTER INSERT ON "ActualEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_actual_monthly_sync();
CREATE TRIGGER "ActualEntry_monthly_update" AFTER UPDATE ON "ActualEntry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_actual_monthly_sync();
CREATE TRIGGER "ActualEntry_monthly_delete" AFTER DELETE ON "ActualEntry"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_actual_monthly_sync();
CREATE TRIGGER "ActualEntry_monthly_truncate" AFTER TRUNCATE ON "ActualEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION keel_actual_monthly_sync();

-- Back-fill from the ledger as it is.
INSERT INTO "ActualMonthly" ("orgId", "month", "orgUnitId", "category", "amountCents", "lineCount")
SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date, "orgUnitId", "category", SUM("amountCents"), COUNT(*)
FROM "ActualEntry" GROUP BY 1, 2, 3, 4;
