// Times the writes a user makes most, through the app's own actions, on a bench database: a plan
// cell saved (budgets.cell.set) and a status update posted (status-update.post), each with the
// stored figures its transaction refreshes (lib/stored-figures), and the refreshes alone. Prints
// the median and the largest of `runs` of each, in a warm process (one user, one at a time), and
// last a JSON line of the same rows (what `npm run bench` reads: it runs this on a copy of its
// largest database). It writes to the database: run it on a copy (CREATE DATABASE … TEMPLATE …).
//   DATABASE_URL=postgresql://…/copy npx tsx --conditions=react-server scripts/bench/time-writes.ts [runs]
import { refreshForecastSummary } from "@/lib/budgets/forecast-summary";
import { setBudgetCell } from "@/lib/budgets/set-budget-cell";
import { refreshHealthTrend } from "@/lib/dashboard/trend-summary";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { postStatusUpdate } from "@/lib/projects/post-status-update";

const runs = Number(process.argv[2] ?? 15);
const org = await db.organization.findFirstOrThrow({ where: { slug: "large" }, select: { id: true, slug: true } });
const users = await db.membership.findMany({ where: { orgId: org.id }, select: { userId: true, role: true } });
const finance = users.find((u) => u.role === "FINANCE")!.userId;
const director = users.find((u) => u.role === "DIRECTOR")!.userId;
const units = await db.orgUnit.findMany({ where: { orgId: org.id, depth: 3 }, select: { id: true }, orderBy: { code: "asc" }, take: runs });
const projects = await db.project.findMany({
  where: { orgId: org.id, status: "ACTIVE", archivedAt: null },
  select: { id: true },
  orderBy: { id: "asc" },
  take: runs,
});
const month = toDateString(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)));

const rows: { name: string; runs: number; medianMs: number; maxMs: number }[] = [];
async function time(name: string, fn: (i: number) => Promise<unknown>) {
  await fn(0); // warm: the first call compiles the process's statements
  const ms: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  rows.push({ name, runs, medianMs: Math.round(ms[Math.floor(runs / 2)]), maxMs: Math.round(ms[runs - 1]) });
  console.log(`| ${name} | ${runs} | ${rows.at(-1)!.medianMs} | ${rows.at(-1)!.maxMs} |`);
}

const ok = (r: { ok: boolean }) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
};
console.log("| write | runs | median ms | max ms |\n|---|---:|---:|---:|");
await time("plan cell saved (with the stored forecast refreshed)", async (i) =>
  ok(
    await setBudgetCell.run(finance, org.slug, {
      orgUnitId: units[i % units.length].id,
      category: "SOFTWARE",
      month,
      amount: `${1000 + i}.00`,
    }),
  ),
);
await time("status update posted (with the stored trend refreshed)", async (i) =>
  ok(
    await postStatusUpdate.run(director, org.slug, {
      projectId: projects[i % projects.length].id,
      health: "AT_RISK",
      summary: `Bench ${i}`,
      overrideReason: "Bench",
    }),
  ),
);
await time("the stored forecast's refresh alone", () => db.$transaction((tx) => refreshForecastSummary(tx, org.id), { timeout: 60_000 }));
await time("the stored trend's refresh alone", () => db.$transaction((tx) => refreshHealthTrend(tx, org.id), { timeout: 60_000 }));
await db.$disconnect();
console.log(JSON.stringify(rows));
