-- A manager's assignment history: when someone first reported to them (lib/org-health/queries.ts
-- newManagers, on the dashboards' people panel and org health). Without it each manager's
-- earliest period read the org's whole history: 217 ms for the large org's 800 managers, 11 ms with it.
CREATE INDEX "PersonAssignment_orgId_managerId_effectiveFrom_idx" ON "PersonAssignment"("orgId", "managerId", "effectiveFrom");
