-- The audit log by actor: the log's "who" filter (newest first), its list of actors, and the
-- names of people the log mentions (lib/audit/queries.ts resolveNames: a user is named when they
-- acted in the org). Without it, that last check read the whole org's log once per user of the
-- database who is not a member: 4 s per 1,000-event batch of the export at 300,000 events and
-- 100 such users (docs/performance.md).
CREATE INDEX "AuditEvent_orgId_actorId_at_idx" ON "AuditEvent"("orgId", "actorId", "at");
