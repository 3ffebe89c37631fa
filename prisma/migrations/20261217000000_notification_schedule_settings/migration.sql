-- Notifications (docs/notifications.md): each reader's digest day and hour, and the org's
-- "position open too long" threshold in days.
ALTER TABLE "User" ADD COLUMN     "digestHour" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "digestWeekday" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Organization" ADD COLUMN     "positionOpenAlertDays" INTEGER NOT NULL DEFAULT 45;
