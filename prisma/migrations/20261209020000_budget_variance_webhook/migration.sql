-- The budget.variance_over_threshold webhook (lib/webhooks/budget-variance.ts): which units are
-- over, and which orgs had a write that may have moved their variance since the last check.
CREATE TABLE "BudgetVarianceAlert" (
    "orgId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetVarianceAlert_pkey" PRIMARY KEY ("orgUnitId","fiscalYear")
);
CREATE INDEX "BudgetVarianceAlert_orgId_fiscalYear_idx" ON "BudgetVarianceAlert"("orgId", "fiscalYear");
ALTER TABLE "BudgetVarianceAlert" ADD CONSTRAINT "BudgetVarianceAlert_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "BudgetVarianceCheck" (
    "seq" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,

    CONSTRAINT "BudgetVarianceCheck_pkey" PRIMARY KEY ("seq")
);
CREATE INDEX "BudgetVarianceCheck_orgId_seq_idx" ON "BudgetVarianceCheck"("orgId", "seq");
ALTER TABLE "BudgetVarianceCheck" ADD CONSTRAINT "BudgetVarianceCheck_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version): every table of org data has the statement triggers.
-- Not BudgetVarianceCheck: like OrgDataChange it is a note of changes that no figure reads, and
-- noting it would make every budget write (and every check) invalidate the memoized figures again.
CREATE TRIGGER "BudgetVarianceAlert_org_change_insert" AFTER INSERT ON "BudgetVarianceAlert" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "BudgetVarianceAlert_org_change_update" AFTER UPDATE ON "BudgetVarianceAlert" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "BudgetVarianceAlert_org_change_delete" AFTER DELETE ON "BudgetVarianceAlert" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');

-- A statement that changes what the variance is made of notes its orgs (one row per org and
-- statement: an insert with no conflict, so no write waits on another's transaction).
CREATE FUNCTION keel_note_variance_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "BudgetVarianceCheck" ("orgId") SELECT DISTINCT "orgId" FROM old_rows;
  ELSE
    INSERT INTO "BudgetVarianceCheck" ("orgId") SELECT DISTINCT "orgId" FROM new_rows;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "BudgetLine_variance_insert" AFTER INSERT ON "BudgetLine" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "BudgetLine_variance_update" AFTER UPDATE ON "BudgetLine" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "BudgetLine_variance_delete" AFTER DELETE ON "BudgetLine" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "ActualEntry_variance_insert" AFTER INSERT ON "ActualEntry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "ActualEntry_variance_update" AFTER UPDATE ON "ActualEntry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "ActualEntry_variance_delete" AFTER DELETE ON "ActualEntry" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "Position_variance_insert" AFTER INSERT ON "Position" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "Position_variance_update" AFTER UPDATE ON "Position" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "Position_variance_delete" AFTER DELETE ON "Position" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "Contract_variance_insert" AFTER INSERT ON "Contract" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "Contract_variance_update" AFTER UPDATE ON "Contract" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
CREATE TRIGGER "Contract_variance_delete" AFTER DELETE ON "Contract" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_variance_inputs();
