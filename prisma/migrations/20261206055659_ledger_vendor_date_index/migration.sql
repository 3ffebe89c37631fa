-- The forecast sums a contracted vendor's ledger lines over the run-rate window
-- (lib/budgets/forecast-sql.ts). With the date, category and amount in the vendor index that is
-- an index-only range per vendor instead of a heap visit for every line the vendor ever had. The
-- index holds the same lines as before (those with a vendor), so an import writes no more entries;
-- the vendor readers (spend over 12 months, the vendor delete's SET NULL) use it as the old one.
DROP INDEX "ActualEntry_orgId_vendorId_idx";

CREATE INDEX "ActualEntry_orgId_vendorId_bookedOn_category_amountCents_idx" ON "ActualEntry"("orgId", "vendorId", "bookedOn", "category", "amountCents") WHERE ("vendorId" IS NOT NULL);
