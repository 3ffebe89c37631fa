-- Pay privacy settings of an org (docs/privacy.md) and estimated backfill pay.
ALTER TABLE "Organization" ADD COLUMN "payMinGroupSize" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN "financeReadsPay" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Organization" ADD CONSTRAINT "Organization_payMinGroupSize_check" CHECK ("payMinGroupSize" BETWEEN 3 AND 50);

ALTER TABLE "Position" ADD COLUMN "compIsEstimate" BOOLEAN NOT NULL DEFAULT false;
