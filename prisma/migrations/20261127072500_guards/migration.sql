-- Guards Prisma's schema language cannot express. Prisma ignores rules, functions and CHECK
-- constraints when diffing, so they do not show up as drift.

-- AuditEvent is append-only: the audit trail must not be rewritten by any code path.
-- Written as rules over a SQL function (not a PL/pgSQL trigger) because some migration tools
-- split scripts at semicolons and would break a function body. The cast error carries the message.
-- (TRUNCATE, used only by tests to reset a throwaway database, is not affected.)
CREATE FUNCTION keel_refuse(msg text) RETURNS boolean LANGUAGE sql AS 'SELECT (''refused: '' || msg)::boolean';
CREATE RULE "AuditEvent_no_update" AS ON UPDATE TO "AuditEvent" DO INSTEAD SELECT keel_refuse('AuditEvent is append-only');
CREATE RULE "AuditEvent_no_delete" AS ON DELETE TO "AuditEvent" DO INSTEAD SELECT keel_refuse('AuditEvent is append-only');

ALTER TABLE "Organization"
  ADD CONSTRAINT "Organization_fiscalYearStartMonth_check" CHECK ("fiscalYearStartMonth" BETWEEN 1 AND 12),
  ADD CONSTRAINT "Organization_updateGraceDays_check" CHECK ("updateGraceDays" BETWEEN 0 AND 30),
  ADD CONSTRAINT "Organization_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');

ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_not_own_parent_check" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "Allocation"
  ADD CONSTRAINT "Allocation_percent_check" CHECK ("percent" BETWEEN 1 AND 100),
  ADD CONSTRAINT "Allocation_target_check" CHECK (("personId" IS NULL) <> ("positionId" IS NULL));
ALTER TABLE "ProjectDependency" ADD CONSTRAINT "ProjectDependency_not_self_check" CHECK ("blockerId" <> "blockedId");
