ALTER TABLE "Position" ADD COLUMN     "compBandMaxCents" BIGINT,
ADD COLUMN     "compBandMinCents" BIGINT;
