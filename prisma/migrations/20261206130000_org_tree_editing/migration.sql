ALTER TYPE "OrgUnitKind" ADD VALUE 'OTHER';


ALTER TABLE "OrgUnit" ADD COLUMN     "closedOn" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;


ALTER TABLE "Organization" ADD COLUMN     "spanMax" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "spanMin" INTEGER NOT NULL DEFAULT 3;


CREATE TABLE "OrgUnitHistory" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "OrgUnitKind" NOT NULL,
    "leadId" TEXT,
    "change" TEXT NOT NULL,
    "successorId" TEXT,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgUnitHistory_pkey" PRIMARY KEY ("id")
);


CREATE INDEX "OrgUnitHistory_orgId_unitId_effectiveFrom_idx" ON "OrgUnitHistory"("orgId", "unitId", "effectiveFrom");


CREATE INDEX "OrgUnitHistory_orgId_parentId_idx" ON "OrgUnitHistory"("orgId", "parentId");


ALTER TABLE "OrgUnitHistory" ADD CONSTRAINT "OrgUnitHistory_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "OrgUnitHistory" ADD CONSTRAINT "OrgUnitHistory_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards Prisma's schema language cannot express (not seen as drift).
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_span_check" CHECK ("spanMin" BETWEEN 0 AND 50 AND "spanMax" BETWEEN 1 AND 100 AND "spanMin" < "spanMax");
ALTER TABLE "OrgUnitHistory" ADD CONSTRAINT "OrgUnitHistory_period_check" CHECK ("effectiveTo" IS NULL OR "effectiveTo" >= "effectiveFrom");

-- Data versions (migration org_data_version): every table of org data has the statement triggers.
CREATE TRIGGER "OrgUnitHistory_org_change_insert" AFTER INSERT ON "OrgUnitHistory" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "OrgUnitHistory_org_change_update" AFTER UPDATE ON "OrgUnitHistory" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "OrgUnitHistory_org_change_delete" AFTER DELETE ON "OrgUnitHistory" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');

-- A closed unit keeps what it held when it closed (departed people, done projects, its ledger)
-- but nothing new may be put into it, by any code path: a row entering a closed unit (insert,
-- or an update that changes its unit) is refused. The message starts with "keel_unit_closed:"
-- and names the unit; lib/action.ts turns it into a validation message. The ledger is not
-- guarded: an invoice may still arrive for a cost centre after it closed.
CREATE FUNCTION keel_refuse_closed_unit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  closed_name text;
BEGIN
  SELECT u."name" || ' (' || u."code" || ')' INTO closed_name FROM "OrgUnit" u WHERE u."id" = NEW."orgUnitId" AND u."closedOn" IS NOT NULL;
  IF closed_name IS NOT NULL THEN
    RAISE EXCEPTION 'keel_unit_closed:%', closed_name USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Person', 'Position', 'Project', 'Initiative', 'Contract', 'BudgetLine'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION keel_refuse_closed_unit()', t || '_open_unit_insert', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OF "orgUnitId" ON %I FOR EACH ROW WHEN (NEW."orgUnitId" IS DISTINCT FROM OLD."orgUnitId") EXECUTE FUNCTION keel_refuse_closed_unit()', t || '_open_unit_update', t);
  END LOOP;
END
$$;

-- Units that exist before history is kept start with one period from the day they were created.
INSERT INTO "OrgUnitHistory" ("id", "orgId", "unitId", "parentId", "name", "code", "kind", "leadId", "change", "effectiveFrom")
SELECT 'h' || md5(u."id"), u."orgId", u."id", u."parentId", u."name", u."code", u."kind", u."leadId", 'created', u."createdAt"::date
FROM "OrgUnit" u;
