-- Forecast assumptions as org settings (lib/budgets/forecast-sql.ts): the run-rate window and the
-- lumpy categories forecast from the plan. The defaults are the rule the forecast used before
-- (a 3-month trailing window) plus the three categories whose spend comes in lumps.
ALTER TABLE "Organization" ADD COLUMN     "forecastLumpyCategories" "BudgetCategory"[] DEFAULT ARRAY['HARDWARE', 'TRAINING', 'TRAVEL']::"BudgetCategory"[],
ADD COLUMN     "forecastRunRateMonths" INTEGER NOT NULL DEFAULT 3;

-- Guards the settings action also checks (Prisma's schema language cannot express them): a
-- window of 1 to 12 months, and a list (possibly empty) without PERSONNEL, which is forecast from
-- people and positions.
ALTER TABLE "Organization"
  ADD CONSTRAINT "Organization_forecastRunRateMonths_check" CHECK ("forecastRunRateMonths" BETWEEN 1 AND 12),
  ADD CONSTRAINT "Organization_forecastLumpyCategories_check" CHECK ("forecastLumpyCategories" IS NOT NULL AND NOT ('PERSONNEL' = ANY ("forecastLumpyCategories")));
