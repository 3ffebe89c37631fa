-- Private development notes and goals about managers (issue 21, the director's managers).
CREATE TYPE "ManagerNoteKind" AS ENUM ('NOTE', 'GOAL');


CREATE TABLE "ManagerNote" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" "ManagerNoteKind" NOT NULL DEFAULT 'NOTE',
    "body" TEXT NOT NULL,
    "checkInOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManagerNote_pkey" PRIMARY KEY ("id")
);


CREATE INDEX "ManagerNote_orgId_managerId_createdAt_idx" ON "ManagerNote"("orgId", "managerId", "createdAt");


ALTER TABLE "ManagerNote" ADD CONSTRAINT "ManagerNote_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "ManagerNote" ADD CONSTRAINT "ManagerNote_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "ManagerNote" ADD CONSTRAINT "ManagerNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Guards Prisma's schema language cannot express (not seen as drift).
ALTER TABLE "ManagerNote" ADD CONSTRAINT "ManagerNote_body_check" CHECK (length("body") BETWEEN 1 AND 4000);

-- Data versions (migration org_data_version): every table of org data has the statement triggers.
CREATE TRIGGER "ManagerNote_org_change_insert" AFTER INSERT ON "ManagerNote" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ManagerNote_org_change_update" AFTER UPDATE ON "ManagerNote" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ManagerNote_org_change_delete" AFTER DELETE ON "ManagerNote" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
