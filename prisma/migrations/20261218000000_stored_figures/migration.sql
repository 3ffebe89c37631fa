-- Figures kept by the writers (lib/stored-figures, docs/performance.md): what the first view
-- after a write would otherwise compute from the source rows, stored again by every write that
-- can change it, in the write's own transaction.
--   * "ForecastMonthly": the forecast cells (unit × category × open month, what
--     lib/budgets/forecast-sql.ts computes); variant 0 = the live forecast, variant N > 0 = the
--     published forecast of version N (docs/privacy.md rule 7).
--   * "DeliveryTrendWeekly": active projects by health at the end of each of the last weeks, per
--     project's own unit (lib/dashboard/trend-sql.ts; a subtree sums its units' rows).
--   * "StoredFigure": what each figure's rows are of: the day they were computed for (both move
--     with the day), the formula (a hash of the figure's SQL: rows of an earlier release are not
--     read after a deploy that changes it), their bounds, and the sum of the org's data versions
--     of every table the figure reads (lib/stored-figures/state.ts says which sum). A reader uses the rows
--     only when that day is today and that sum is the current one; otherwise (a write that did not
--     store them, a day gone by) it computes the figure as before. So they are never read stale.
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

CREATE TABLE "DeliveryTrendWeekly" (
    "orgId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "health" "Health" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "DeliveryTrendWeekly_pkey" PRIMARY KEY ("orgId","orgUnitId","week","health")
);

CREATE TABLE "StoredFigure" (
    "orgId" TEXT NOT NULL,
    "figure" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "formula" TEXT NOT NULL,
    "fromMonth" DATE,
    "toMonth" DATE,
    "published" INTEGER,
    "inputsVersion" BIGINT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFigure_pkey" PRIMARY KEY ("orgId","figure")
);

ALTER TABLE "ForecastMonthly" ADD CONSTRAINT "ForecastMonthly_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DeliveryTrendWeekly" ADD CONSTRAINT "DeliveryTrendWeekly_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StoredFigure" ADD CONSTRAINT "StoredFigure_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version), as on every table of org data.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ForecastMonthly', 'DeliveryTrendWeekly', 'StoredFigure'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change(%L)', t || '_org_change_insert', t, 'orgId');
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change(%L)', t || '_org_change_update', t, 'orgId');
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change(%L)', t || '_org_change_delete', t, 'orgId');
  END LOOP;
END
$$;
