// `npm run db:seed`: the demo orgs (Acme Robotics, Globex) and their six demo logins, into the
// database named by DATABASE_URL. Safe to re-run: it does nothing once "acme" exists.
// SEED_TODAY=YYYY-MM-DD lays the demo out around another day (same day → same demo).
import { createPrismaClient } from "@/lib/db-factory";
import { demoSeedAllowed, readEnv } from "@/lib/env";
import { seedDemo } from "@/lib/seed";

// Demo logins with a published password have no place in a production database.
if (!demoSeedAllowed(readEnv())) {
  console.error(
    "keel: refusing to seed the demo org with KEEL_ENV=production (its logins share a published password); set KEEL_ALLOW_DEMO_IN_PRODUCTION=1 to do it anyway.",
  );
  process.exit(1);
}

const db = createPrismaClient(readEnv().DATABASE_URL);
const started = Date.now();
try {
  const today = process.env.SEED_TODAY ? new Date(`${process.env.SEED_TODAY}T00:00:00Z`) : undefined;
  if (today && Number.isNaN(today.getTime())) throw new Error(`SEED_TODAY must be YYYY-MM-DD, got "${process.env.SEED_TODAY}"`);
  const { seeded } = await seedDemo(db, { today, log: (line) => console.log(line) });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    seeded ? `demo data seeded in ${secs}s (password for all demo logins: keel-demo)` : "demo data already present; nothing seeded",
  );
} catch (err) {
  console.error("seed failed:", err);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
