CREATE TYPE "ReorgStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'APPLIED', 'CANCELLED', 'FAILED');


CREATE TABLE "Reorg" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "ReorgStatus" NOT NULL DEFAULT 'DRAFT',
    "steps" JSONB NOT NULL DEFAULT '[]',
    "unitIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "effectiveOn" DATE,
    "impact" JSONB,
    "failure" TEXT,
    "createdById" TEXT NOT NULL,
    "scheduledById" TEXT,
    "appliedById" TEXT,
    "appliedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reorg_pkey" PRIMARY KEY ("id")
);


CREATE INDEX "Reorg_orgId_status_idx" ON "Reorg"("orgId", "status");


CREATE INDEX "Reorg_status_effectiveOn_idx" ON "Reorg"("status", "effectiveOn");


ALTER TABLE "Reorg" ADD CONSTRAINT "Reorg_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version): every table of org data has the statement triggers.
CREATE TRIGGER "Reorg_org_change_insert" AFTER INSERT ON "Reorg" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "Reorg_org_change_update" AFTER UPDATE ON "Reorg" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "Reorg_org_change_delete" AFTER DELETE ON "Reorg" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
