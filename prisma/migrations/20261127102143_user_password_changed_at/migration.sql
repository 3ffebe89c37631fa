ALTER TABLE "User" ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);
