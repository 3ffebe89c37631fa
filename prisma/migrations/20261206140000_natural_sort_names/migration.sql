-- Names with numbers sort as people read them ("Team 2" before "Team 10", "Project 1001" before
-- "Project 10000"): an ICU collation with numeric ordering on the name columns the lists sort
-- by, so every ORDER BY "name" (Prisma's included) and the (orgId, name) indexes use it.
-- Deterministic, so equality, uniqueness and LIKE/ILIKE behave as before.
CREATE COLLATION IF NOT EXISTS "natural" (provider = icu, locale = 'und-u-kn-true');

ALTER TABLE "OrgUnit" ALTER COLUMN "name" TYPE TEXT COLLATE "natural";
ALTER TABLE "Person" ALTER COLUMN "name" TYPE TEXT COLLATE "natural";
ALTER TABLE "Project" ALTER COLUMN "name" TYPE TEXT COLLATE "natural";
ALTER TABLE "Initiative" ALTER COLUMN "name" TYPE TEXT COLLATE "natural";
ALTER TABLE "Vendor" ALTER COLUMN "name" TYPE TEXT COLLATE "natural";
ALTER TABLE "Contract" ALTER COLUMN "name" TYPE TEXT COLLATE "natural";
ALTER TABLE "Milestone" ALTER COLUMN "name" TYPE TEXT COLLATE "natural";
