ALTER TABLE "Person" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;


ALTER TABLE "Position" ADD COLUMN     "vacantFrom" DATE;


CREATE TABLE "PersonAssignment" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "managerId" TEXT,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonAssignment_pkey" PRIMARY KEY ("id")
);


CREATE INDEX "PersonAssignment_orgId_personId_effectiveFrom_idx" ON "PersonAssignment"("orgId", "personId", "effectiveFrom");


CREATE INDEX "PersonAssignment_orgId_orgUnitId_idx" ON "PersonAssignment"("orgId", "orgUnitId");


ALTER TABLE "PersonAssignment" ADD CONSTRAINT "PersonAssignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "PersonAssignment" ADD CONSTRAINT "PersonAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "PersonAssignment" ADD CONSTRAINT "PersonAssignment_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


ALTER TABLE "PersonAssignment" ADD CONSTRAINT "PersonAssignment_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
