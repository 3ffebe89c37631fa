-- The forecast maintained by the writers (lib/budgets/forecast-summary.ts, docs/performance.md):
-- the forecast cells (unit × category × open month, what lib/budgets/forecast-sql.ts computes)
-- stored by every write that can change them, in the write's own transaction, so a finance view
-- reads them instead of computing the forecast from people, positions, contracts and the ledger.
--   * variant 0 = the live forecast; variant N > 0 = the published forecast of version N
--     (docs/privacy.md rule 7), which readers without pay access read.
--   * "ForecastSummary" says what the cells are of: the day they were computed for (the forecast
--     moves with the day), the months they cover, the published version, and the sum of the org's
--     data versions of every table the forecast reads as they are once the writing transaction
--     has committed. A reader uses the cells only when that day is today and that sum is the
--     current one; otherwise (a write that did not refresh them, a day gone by) it computes the
--     forecast as before. So the cells are never read stale.
CREATE TABLE "ForecastMonthly" (
    "orgId" TEXT NOT NULL,
    "variant" INTEGER NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "category" "BudgetCategory" NOT NULL,
    "month" DATE NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "ForecastMonthly_pkey" PRIMARY KEY ("orgId","variant","month","orgUnitId","category")
);

CREATE TABLE "ForecastSummary" (
    "orgId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "fromMonth" DATE NOT NULL,
    "toMonth" DATE NOT NULL,
    "published" INTEGER,
    "inputsVersion" BIGINT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForecastSummary_pkey" PRIMARY KEY ("orgId")
);

ALTER TABLE "ForecastMonthly" ADD CONSTRAINT "ForecastMonthly_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ForecastSummary" ADD CONSTRAINT "ForecastSummary_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version), as on every table of org data.
CREATE TRIGGER "ForecastMonthly_org_change_insert" AFTER INSERT ON "ForecastMonthly" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ForecastMonthly_org_change_update" AFTER UPDATE ON "ForecastMonthly" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ForecastMonthly_org_change_delete" AFTER DELETE ON "ForecastMonthly" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ForecastSummary_org_change_insert" AFTER INSERT ON "ForecastSummary" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ForecastSummary_org_change_update" AFTER UPDATE ON "ForecastSummary" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ForecastSummary_org_change_delete" AFTER DELETE ON "ForecastSummary" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
