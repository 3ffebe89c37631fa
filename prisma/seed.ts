// `npm run db:seed`: the demo orgs (Acme Robotics, Globex) and their six demo logins, into the
// database named by DATABASE_URL. Safe to re-run: it does nothing once "acme" exists.
// SEED_TODAY=YYYY-MM-DD lays the demo out around another day (same day → same demo).
import { createPrismaClient } from "@/lib/db-factory";
import { seedDemo } from "@/lib/seed";

const db = createPrismaClient(process.env.DATABASE_URL);
const started = Date.now();
try {
  const today = process.env.SEED_TODAY ? new Date(`${process.env.SEED_TODAY}T00:00:00Z`) : undefined;
  if (today && Number.isNaN(today.getTime())) throw new Error(`SEED_TODAY must be YYYY-MM-DD, got "${process.env.SEED_TODAY}"`);
  const { seeded } = await seedDemo(db, { today, log: (line) => console.log(line) });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(seeded ? `demo data seeded in ${secs}s (password for all demo logins: keel-demo)` : "demo data already present; nothing seeded");
} catch (err) {
  console.error("seed failed:", err);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
