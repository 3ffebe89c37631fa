-- Saved import mappings (lib/imports/): per org, import kind and file shape (header signature).

CREATE TABLE "ImportMapping" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "signature" TEXT NOT NULL,
    "header" JSONB NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ImportMapping_orgId_kind_signature_key" ON "ImportMapping"("orgId", "kind", "signature");

ALTER TABLE "ImportMapping" ADD CONSTRAINT "ImportMapping_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data versions (migration org_data_version): org data, though no panel reads it.
CREATE TRIGGER "ImportMapping_org_change_insert" AFTER INSERT ON "ImportMapping" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ImportMapping_org_change_update" AFTER UPDATE ON "ImportMapping" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ImportMapping_org_change_delete" AFTER DELETE ON "ImportMapping" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
