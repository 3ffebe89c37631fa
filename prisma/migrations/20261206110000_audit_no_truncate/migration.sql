-- AuditEvent is append-only. Rules refuse UPDATE and DELETE (20261127072500_guards), but
-- TRUNCATE bypasses rules: a statement trigger refuses it, including a TRUNCATE … CASCADE from a
-- table AuditEvent references. The tables' owner can still drop the trigger and the rules, so in
-- production Keel should connect as a role that does not own them (docs/operations.md).
-- A superuser can skip triggers with session_replication_role = replica (the test suite's reset
-- does so on its throwaway database).
CREATE FUNCTION keel_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE is refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION keel_refuse_truncate();
