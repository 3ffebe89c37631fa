CREATE INDEX "Person_orgId_name_idx" ON "Person"("orgId", "name");
