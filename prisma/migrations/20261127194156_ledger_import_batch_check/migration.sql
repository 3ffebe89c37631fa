-- The ledger's link to its import batch, checked once per statement instead of once per line.
-- As a declarative foreign key, ActualEntry.importBatchId cost one RI check per line written
-- (a cached-plan SELECT … FOR KEY SHARE per row): ~12% of the database's CPU in a 100,000-line
-- import, where every line names the same batch, created earlier in the same transaction.
-- These triggers keep what the key gave, and a little more:
--   * every statement that writes lines checks the DISTINCT batches it names (a handful, not a
--     row each) and locks them FOR KEY SHARE like a key's check does, so a concurrent delete of
--     the batch waits for the writer (and then takes the lines along, below). The batch must
--     also belong to the line's org (the key only checked that it exists);
--   * deleting a batch deletes its lines (the key's ON DELETE CASCADE; the app never deletes
--     batches: a revert marks them REVERTED);
--   * a batch's id never changes (the key had ON UPDATE CASCADE; nothing updates ids).
-- tests/integration/actual-monthly.test.ts ("import batch link") proves each of them.
ALTER TABLE "ActualEntry" DROP CONSTRAINT "ActualEntry_importBatchId_fkey";

CREATE FUNCTION keel_actual_import_batch_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  PERFORM 1 FROM "ImportBatch" b
  WHERE b."id" IN (SELECT "importBatchId" FROM new_rows WHERE "importBatchId" IS NOT NULL)
  ORDER BY b."id" FOR KEY SHARE;
  SELECT n."orgId", n."importBatchId" INTO bad
  FROM (SELECT DISTINCT "orgId", "importBatchId" FROM new_rows WHERE "importBatchId" IS NOT NULL) n
  WHERE NOT EXISTS (SELECT 1 FROM "ImportBatch" b WHERE b."id" = n."importBatchId" AND b."orgId" = n."orgId")
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger line names import batch "%", which is not a batch of its organization "%"', bad."importBatchId", bad."orgId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'ActualEntry', COLUMN = 'importBatchId';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ActualEntry_import_batch_insert" AFTER INSERT ON "ActualEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_actual_import_batch_check();
CREATE TRIGGER "ActualEntry_import_batch_update" AFTER UPDATE ON "ActualEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_actual_import_batch_check();

CREATE FUNCTION keel_import_batch_delete_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ActualEntry" e USING old_rows o WHERE e."orgId" = o."orgId" AND e."importBatchId" = o."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "ImportBatch_delete_lines" AFTER DELETE ON "ImportBatch"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_import_batch_delete_lines();

CREATE FUNCTION keel_import_batch_id_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an import batch''s id cannot change (ledger lines refer to it)' USING ERRCODE = 'foreign_key_violation', TABLE = 'ImportBatch', COLUMN = 'id';
END
$$;

CREATE TRIGGER "ImportBatch_id_fixed" BEFORE UPDATE OF "id" ON "ImportBatch"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION keel_import_batch_id_fixed();
