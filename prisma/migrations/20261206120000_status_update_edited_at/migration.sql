ALTER TABLE "StatusUpdate" ADD COLUMN     "editedAt" TIMESTAMP(3);
