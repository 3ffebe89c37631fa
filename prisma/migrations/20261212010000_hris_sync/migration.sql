-- A person's employee id in the org's HRIS, what a people sync matches by (lib/people/hris/).
-- A column on an existing org table, whose data-version trigger already covers it.
ALTER TABLE "Person" ADD COLUMN "hrisEmployeeId" TEXT;

CREATE UNIQUE INDEX "Person_orgId_hrisEmployeeId_key" ON "Person"("orgId", "hrisEmployeeId");
