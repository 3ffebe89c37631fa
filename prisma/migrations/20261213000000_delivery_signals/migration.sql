-- Delivery signals (issue 25 item 3): a project's tracker/code-host sources, their items, daily
-- done/total snapshots, the sync log and milestone ↔ epic links.
CREATE TYPE "DeliverySourceKind" AS ENUM ('JIRA', 'LINEAR', 'GITHUB');


CREATE TYPE "DeliveryItemKind" AS ENUM ('ISSUE', 'PULL_REQUEST');


CREATE TYPE "DeliverySyncState" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED');


CREATE TABLE "DeliverySource" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" "DeliverySourceKind" NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT '',
    "tokenSealed" TEXT,
    "cursor" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliverySource_pkey" PRIMARY KEY ("id")
);


CREATE TABLE "DeliveryItem" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "kind" "DeliveryItemKind" NOT NULL,
    "externalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL,
    "epicKey" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "DeliveryItem_pkey" PRIMARY KEY ("id")
);


CREATE TABLE "DeliverySnapshot" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL,

    CONSTRAINT "DeliverySnapshot_pkey" PRIMARY KEY ("id")
);


CREATE TABLE "DeliverySyncLog" (
    "id" UUID NOT NULL,
    "orgId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "state" "DeliverySyncState" NOT NULL DEFAULT 'PENDING',
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DeliverySyncLog_pkey" PRIMARY KEY ("id")
);


CREATE TABLE "DeliveryEpicLink" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "epicKey" TEXT NOT NULL,

    CONSTRAINT "DeliveryEpicLink_pkey" PRIMARY KEY ("id")
);


CREATE UNIQUE INDEX "DeliverySource_orgId_projectId_kind_key" ON "DeliverySource"("orgId", "projectId", "kind");


CREATE INDEX "DeliveryItem_orgId_projectId_kind_doneAt_idx" ON "DeliveryItem"("orgId", "projectId", "kind", "doneAt");


CREATE UNIQUE INDEX "DeliveryItem_sourceId_externalId_key" ON "DeliveryItem"("sourceId", "externalId");


CREATE UNIQUE INDEX "DeliverySnapshot_orgId_projectId_day_key" ON "DeliverySnapshot"("orgId", "projectId", "day");


CREATE INDEX "DeliverySyncLog_orgId_projectId_createdAt_idx" ON "DeliverySyncLog"("orgId", "projectId", "createdAt");


CREATE INDEX "DeliverySyncLog_state_createdAt_idx" ON "DeliverySyncLog"("state", "createdAt");


CREATE UNIQUE INDEX "DeliveryEpicLink_milestoneId_key" ON "DeliveryEpicLink"("milestoneId");


CREATE INDEX "DeliveryEpicLink_orgId_projectId_idx" ON "DeliveryEpicLink"("orgId", "projectId");


ALTER TABLE "DeliverySource" ADD CONSTRAINT "DeliverySource_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliverySource" ADD CONSTRAINT "DeliverySource_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliveryItem" ADD CONSTRAINT "DeliveryItem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliveryItem" ADD CONSTRAINT "DeliveryItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliveryItem" ADD CONSTRAINT "DeliveryItem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "DeliverySource"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliverySnapshot" ADD CONSTRAINT "DeliverySnapshot_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliverySnapshot" ADD CONSTRAINT "DeliverySnapshot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliverySyncLog" ADD CONSTRAINT "DeliverySyncLog_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliverySyncLog" ADD CONSTRAINT "DeliverySyncLog_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliverySyncLog" ADD CONSTRAINT "DeliverySyncLog_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "DeliverySource"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliveryEpicLink" ADD CONSTRAINT "DeliveryEpicLink_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliveryEpicLink" ADD CONSTRAINT "DeliveryEpicLink_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "DeliveryEpicLink" ADD CONSTRAINT "DeliveryEpicLink_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version): every table of org data has the statement triggers.
CREATE TRIGGER "DeliverySource_org_change_insert" AFTER INSERT ON "DeliverySource" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySource_org_change_update" AFTER UPDATE ON "DeliverySource" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySource_org_change_delete" AFTER DELETE ON "DeliverySource" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliveryItem_org_change_insert" AFTER INSERT ON "DeliveryItem" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliveryItem_org_change_update" AFTER UPDATE ON "DeliveryItem" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliveryItem_org_change_delete" AFTER DELETE ON "DeliveryItem" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySnapshot_org_change_insert" AFTER INSERT ON "DeliverySnapshot" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySnapshot_org_change_update" AFTER UPDATE ON "DeliverySnapshot" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySnapshot_org_change_delete" AFTER DELETE ON "DeliverySnapshot" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySyncLog_org_change_insert" AFTER INSERT ON "DeliverySyncLog" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySyncLog_org_change_update" AFTER UPDATE ON "DeliverySyncLog" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliverySyncLog_org_change_delete" AFTER DELETE ON "DeliverySyncLog" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliveryEpicLink_org_change_insert" AFTER INSERT ON "DeliveryEpicLink" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliveryEpicLink_org_change_update" AFTER UPDATE ON "DeliveryEpicLink" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "DeliveryEpicLink_org_change_delete" AFTER DELETE ON "DeliveryEpicLink" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
