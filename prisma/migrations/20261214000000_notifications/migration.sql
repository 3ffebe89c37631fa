-- Notifications (lib/notifications, docs/notifications.md): the per-channel outbox and send log,
-- the users' preferences, time zone, quiet hours and Slack webhook.
CREATE TYPE "NotificationKind" AS ENUM ('UPDATE_DUE', 'STALE_ESCALATION', 'ACK_REQUESTED', 'DIRECTOR_DIGEST', 'IMPORT_RESULT', 'POSITION_OPEN');
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL', 'SLACK');
CREATE TYPE "NotificationState" AS ENUM ('PENDING', 'QUEUED', 'SENT', 'FAILED', 'SKIPPED');
ALTER TABLE "User" ADD COLUMN     "quietEndHour" INTEGER,
ADD COLUMN     "quietStartHour" INTEGER,
ADD COLUMN     "slackWebhookUrl" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "href" TEXT,
    "state" "NotificationState" NOT NULL DEFAULT 'PENDING',
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind","channel")
);
CREATE INDEX "Notification_state_notBefore_idx" ON "Notification"("state", "notBefore");
CREATE INDEX "Notification_orgId_userId_channel_createdAt_idx" ON "Notification"("orgId", "userId", "channel", "createdAt");
CREATE UNIQUE INDEX "Notification_userId_kind_channel_dedupeKey_key" ON "Notification"("userId", "kind", "channel", "dedupeKey");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Org data version (migration org_data_version): Notification is org data, read by no panel.
CREATE TRIGGER "Notification_org_change_insert" AFTER INSERT ON "Notification" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "Notification_org_change_update" AFTER UPDATE ON "Notification" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
CREATE TRIGGER "Notification_org_change_delete" AFTER DELETE ON "Notification" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_note_org_change('orgId');
