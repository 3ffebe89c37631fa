-- Webhooks: when the milestone.missed event was written for a milestone (announced once).
ALTER TABLE "Milestone" ADD COLUMN     "missedAnnouncedAt" TIMESTAMP(3);
