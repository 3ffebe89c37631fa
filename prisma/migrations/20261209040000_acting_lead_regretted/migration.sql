-- Acting leads of org units (current and in the unit history) and whether a departure was regretted.
-- Columns on existing org tables, whose data-version triggers already cover them.
ALTER TABLE "OrgUnit" ADD COLUMN "actingLeadId" TEXT;
ALTER TABLE "OrgUnitHistory" ADD COLUMN "actingLeadId" TEXT;
ALTER TABLE "Person" ADD COLUMN "departureRegretted" BOOLEAN;

ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_actingLeadId_fkey" FOREIGN KEY ("actingLeadId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
