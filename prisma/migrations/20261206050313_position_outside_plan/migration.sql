-- A requisition opened outside the hiring plan: it is an open position (and, once filled, a head
-- in post) but never a planned head, so a unit can show above its plan (lib/headcount/plan.ts).
-- Existing positions stay in the plan, as they were counted before.
ALTER TABLE "Position" ADD COLUMN "outsidePlan" BOOLEAN NOT NULL DEFAULT false;
