-- The positions list sorts by title too ("Role 2" before "Role 10"): the same numeric collation
-- as the name columns (20261206140000_natural_sort_names).
ALTER TABLE "Position" ALTER COLUMN "title" TYPE TEXT COLLATE "natural";
