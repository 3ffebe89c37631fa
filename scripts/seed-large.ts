// `npm run db:seed:large [-- --scale 0.1|1|10] [--small-orgs 20] [--today YYYY-MM-DD]`: a large org
// (slug "large") and small tenant orgs, into a fresh database named by DATABASE_URL (migrated
// first). Logins: director@large.example, finance@…, manager@…, viewer@…, admin@… (password keel-demo).
import { seedLarge } from "@/lib/seed-large";
import { allPlans, expectedCounts } from "@/lib/seed-large/plan";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
const scale = Number(arg("scale") ?? "1");
const smallOrgs = Number(arg("small-orgs") ?? "20");
const todayArg = arg("today");
const today = todayArg ? new Date(`${todayArg}T00:00:00Z`) : undefined;
if (today && Number.isNaN(today.getTime())) throw new Error(`--today must be YYYY-MM-DD, got ${todayArg}`);

const [large] = allPlans({ scale, smallOrgs });
console.log(
  `generating scale ${scale}: ${Object.entries(expectedCounts(large))
    .map(([k, v]) => `${v} ${k}`)
    .join(", ")} + ${smallOrgs} small orgs`,
);
try {
  const { seconds, timings } = await seedLarge(url, { scale, smallOrgs, today, log: (l) => console.log(l) });
  for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${t.label.padEnd(34)} ${(t.ms / 1000).toFixed(1)}s`);
  console.log(`generated in ${seconds.toFixed(1)}s (logins: director@large.example etc., password keel-demo)`);
} catch (err) {
  console.error("large seed failed:", err);
  process.exitCode = 1;
}
