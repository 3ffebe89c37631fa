-- Each org's data versions, one per table (lib/figures-memo.ts memoizes dashboard figures per
-- org and the versions of the tables they read). A transaction that writes rows of a table for
-- an org bumps that (org, table) version once, AT COMMIT:
--   * every table with an "orgId" column (and Organization itself, by "id") has statement
--     triggers that note the orgs a statement wrote in "OrgDataChange" (one row per org, table
--     and transaction: the transition table is read once per statement, not a trigger per row);
--   * a deferred constraint trigger on "OrgDataChange" runs when the transaction commits: it
--     adds 1 to the (org, table) version and deletes the note. Taking the version row's lock only
--     at commit keeps writers of one org from queueing behind each other's open transactions
--     (and from deadlocking: a transaction waits for that lock only when it waits for nothing else);
--   * a user's name (shown as update authors) counts as a write of "User" in each org the user is in.
-- A rolled-back transaction bumps nothing. TRUNCATE is not noted (the app never truncates).
-- tests/integration/figures-memo.test.ts checks that every table with an "orgId" column has the
-- triggers, and each rule above.
CREATE TABLE "OrgDataVersion" (
    "orgId" TEXT NOT NULL,
    "tbl" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "OrgDataVersion_pkey" PRIMARY KEY ("orgId","tbl")
);

CREATE TABLE "OrgDataChange" (
    "orgId" TEXT NOT NULL,
    "tbl" TEXT NOT NULL,
    "txid" BIGINT NOT NULL,

    CONSTRAINT "OrgDataChange_pkey" PRIMARY KEY ("orgId","tbl","txid")
);

-- Statement trigger: note the orgs of the rows written (TG_ARGV[0] = the org column).
CREATE FUNCTION keel_note_org_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows_of text := CASE TG_OP WHEN 'INSERT' THEN format('SELECT %1$I AS o FROM new_rows', TG_ARGV[0])
                             WHEN 'DELETE' THEN format('SELECT %1$I AS o FROM old_rows', TG_ARGV[0])
                             ELSE format('SELECT %1$I AS o FROM new_rows UNION SELECT %1$I FROM old_rows', TG_ARGV[0]) END;
BEGIN
  EXECUTE format(
    'INSERT INTO "OrgDataChange" ("orgId", "tbl", "txid")
     SELECT DISTINCT x.o, %L, pg_current_xact_id()::text::bigint FROM (%s) x WHERE x.o IS NOT NULL
     ON CONFLICT DO NOTHING', TG_TABLE_NAME, rows_of);
  RETURN NULL;
END
$$;

-- Row trigger on User: a changed name is shown in each org the user belongs to.
CREATE FUNCTION keel_note_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OrgDataChange" ("orgId", "tbl", "txid")
  SELECT m."orgId", 'User', pg_current_xact_id()::text::bigint FROM "Membership" m WHERE m."userId" = NEW."id"
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- At commit: one bump per org, table and transaction.
CREATE FUNCTION keel_bump_org_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OrgDataVersion" ("orgId", "tbl", "version") VALUES (NEW."orgId", NEW."tbl", 1)
  ON CONFLICT ("orgId", "tbl") DO UPDATE SET "version" = "OrgDataVersion"."version" + 1;
  DELETE FROM "OrgDataChange" WHERE "orgId" = NEW."orgId" AND "tbl" = NEW."tbl" AND "txid" = NEW."txid";
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "OrgDataChange_bump" AFTER INSERT ON "OrgDataChange"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION keel_bump_org_version();

-- The statement triggers, on every table of org data (a table added later needs them too: the
-- test above fails until it has them).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.table_name AS tbl, CASE WHEN c.table_name = 'Organization' THEN 'id' ELSE 'orgId' END AS col
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema()
      AND ((c.column_name = 'orgId' AND c.table_name NOT IN ('OrgDataChange', 'OrgDataVersion')) OR (c.table_name = 'Organization' AND c.column_name = 'id'))
    ORDER BY 1
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change(%L)', t.tbl || '_org_change_insert', t.tbl, t.col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change(%L)', t.tbl || '_org_change_update', t.tbl, t.col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change(%L)', t.tbl || '_org_change_delete', t.tbl, t.col);
  END LOOP;
END
$$;

CREATE TRIGGER "User_org_change_name" AFTER UPDATE OF "name" ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION keel_note_user_change();
