-- Data versions (migration org_data_version): every table of org data has the statement triggers.
-- The webhook, API token and single sign-on tables came without them (figures-memo test).

CREATE TRIGGER "WebhookEndpoint_org_change_insert" AFTER INSERT ON "WebhookEndpoint" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookEndpoint_org_change_update" AFTER UPDATE ON "WebhookEndpoint" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookEndpoint_org_change_delete" AFTER DELETE ON "WebhookEndpoint" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookDelivery_org_change_insert" AFTER INSERT ON "WebhookDelivery" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookDelivery_org_change_update" AFTER UPDATE ON "WebhookDelivery" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookDelivery_org_change_delete" AFTER DELETE ON "WebhookDelivery" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookAttempt_org_change_insert" AFTER INSERT ON "WebhookAttempt" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookAttempt_org_change_update" AFTER UPDATE ON "WebhookAttempt" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "WebhookAttempt_org_change_delete" AFTER DELETE ON "WebhookAttempt" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ApiToken_org_change_insert" AFTER INSERT ON "ApiToken" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ApiToken_org_change_update" AFTER UPDATE ON "ApiToken" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "ApiToken_org_change_delete" AFTER DELETE ON "ApiToken" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "OrgSso_org_change_insert" AFTER INSERT ON "OrgSso" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "OrgSso_org_change_update" AFTER UPDATE ON "OrgSso" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "OrgSso_org_change_delete" AFTER DELETE ON "OrgSso" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "SsoDomain_org_change_insert" AFTER INSERT ON "SsoDomain" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "SsoDomain_org_change_update" AFTER UPDATE ON "SsoDomain" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "SsoDomain_org_change_delete" AFTER DELETE ON "SsoDomain" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
