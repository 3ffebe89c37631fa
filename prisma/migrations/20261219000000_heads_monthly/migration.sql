-- Heads kept by the writers (lib/headcount/heads-summary.ts, as the figures of migration
-- stored_figures): what the headcount plan vs actual counts, per person's or position's own unit
-- × month of the current and next fiscal years; a subtree sums its units' rows. The hiring plan's
-- positions held by, or backfilling, someone in post on the fiscal year's first day are kept under
-- that person's unit ('' = none): a reader whose subtree holds that person does not count them.
CREATE TABLE "HeadsMonthly" (
    "orgId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "heldUnitId" TEXT NOT NULL,
    "backfilledUnitId" TEXT NOT NULL,
    "inPost" INTEGER NOT NULL,
    "joiners" INTEGER NOT NULL,
    "departures" INTEGER NOT NULL,
    "dayOne" INTEGER NOT NULL,
    "starts" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "planAdds" INTEGER NOT NULL,

    CONSTRAINT "HeadsMonthly_pkey" PRIMARY KEY ("orgId","month","orgUnitId","heldUnitId","backfilledUnitId")
);

ALTER TABLE "HeadsMonthly" ADD CONSTRAINT "HeadsMonthly_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version), as on every table of org data.
CREATE TRIGGER "HeadsMonthly_org_change_insert" AFTER INSERT ON "HeadsMonthly" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "HeadsMonthly_org_change_update" AFTER UPDATE ON "HeadsMonthly" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "HeadsMonthly_org_change_delete" AFTER DELETE ON "HeadsMonthly" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
