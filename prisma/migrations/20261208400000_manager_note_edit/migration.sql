-- Development notes: goals can be marked done, notes and goals edited (issue 21).
-- AlterTable
ALTER TABLE "ManagerNote" ADD COLUMN     "doneOn" DATE,
ADD COLUMN     "editedAt" TIMESTAMP(3);
