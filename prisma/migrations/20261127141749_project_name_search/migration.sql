CREATE INDEX "Project_orgId_name_idx" ON "Project"("orgId", "name");
