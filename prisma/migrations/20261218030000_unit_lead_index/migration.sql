-- The unit a manager leads (lib/managers/team.ts teamUnitSql: their team), looked up once per
-- manager by the dashboards' "managers needing support" and the managers list. Without it each
-- lookup scanned the org's units: at the large org's 500 managers, 110 of that list's 142 ms.
CREATE INDEX "OrgUnit_orgId_leadId_idx" ON "OrgUnit"("orgId", "leadId");
