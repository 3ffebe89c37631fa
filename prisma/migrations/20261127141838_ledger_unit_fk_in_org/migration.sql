ALTER TABLE "ActualEntry" DROP CONSTRAINT "ActualEntry_orgId_fkey";


ALTER TABLE "ActualEntry" DROP CONSTRAINT "ActualEntry_orgUnitId_fkey";


CREATE UNIQUE INDEX "OrgUnit_orgId_id_key" ON "OrgUnit"("orgId", "id");


ALTER TABLE "ActualEntry" ADD CONSTRAINT "ActualEntry_orgId_orgUnitId_fkey" FOREIGN KEY ("orgId", "orgUnitId") REFERENCES "OrgUnit"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
