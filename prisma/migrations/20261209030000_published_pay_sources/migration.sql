-- Published forecast (docs/privacy.md): the pay sources readers without pay access are shown
-- the forecast of, replaced only by publications that change a group of sources at once.

CREATE TABLE "PublishedPaySource" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDay" DATE,
    "annualCompCents" BIGINT NOT NULL,
    "multiplier" DECIMAL(6,4) NOT NULL,
    "version" INTEGER NOT NULL,
    "retiredIn" INTEGER,

    CONSTRAINT "PublishedPaySource_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PayPublication" (
    "orgId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "units" INTEGER NOT NULL,

    CONSTRAINT "PayPublication_pkey" PRIMARY KEY ("orgId","version")
);

CREATE INDEX "PublishedPaySource_orgId_version_idx" ON "PublishedPaySource"("orgId", "version");

ALTER TABLE "PublishedPaySource" ADD CONSTRAINT "PublishedPaySource_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PayPublication" ADD CONSTRAINT "PayPublication_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version): a publication moves the memoized figures.
CREATE TRIGGER "PublishedPaySource_org_change_insert" AFTER INSERT ON "PublishedPaySource" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "PublishedPaySource_org_change_update" AFTER UPDATE ON "PublishedPaySource" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "PublishedPaySource_org_change_delete" AFTER DELETE ON "PublishedPaySource" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "PayPublication_org_change_insert" AFTER INSERT ON "PayPublication" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "PayPublication_org_change_update" AFTER UPDATE ON "PayPublication" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "PayPublication_org_change_delete" AFTER DELETE ON "PayPublication" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
