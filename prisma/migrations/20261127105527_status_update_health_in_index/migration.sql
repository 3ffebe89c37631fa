-- The dashboard trend reads the health of each project's latest update as of each of 12 days:
-- with health in the index that is an index-only scan instead of a heap fetch per probe.
DROP INDEX "StatusUpdate_orgId_projectId_createdAt_idx";


CREATE INDEX "StatusUpdate_orgId_projectId_createdAt_health_idx" ON "StatusUpdate"("orgId", "projectId", "createdAt", "health");
