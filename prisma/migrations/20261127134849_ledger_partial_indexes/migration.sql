DROP INDEX "ActualEntry_orgId_importBatchId_idx";


DROP INDEX "ActualEntry_orgId_orgUnitId_bookedOn_idx";


DROP INDEX "ActualEntry_orgId_projectId_idx";


DROP INDEX "ActualEntry_orgId_vendorId_idx";


CREATE INDEX "ActualEntry_orgId_importBatchId_idx" ON "ActualEntry"("orgId", "importBatchId") WHERE ("importBatchId" IS NOT NULL);


CREATE INDEX "ActualEntry_orgId_projectId_idx" ON "ActualEntry"("orgId", "projectId") WHERE ("projectId" IS NOT NULL);


CREATE INDEX "ActualEntry_orgId_vendorId_idx" ON "ActualEntry"("orgId", "vendorId") WHERE ("vendorId" IS NOT NULL);
