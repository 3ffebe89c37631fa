// Times the writes a user makes most, through the app's own actions, on a bench database: a plan
// cell saved (budgets.cell.set) and a status update posted (status-update.post), each with the
// stored figures its transaction refreshes (lib/stored-figures), and each stored figure's refresh alone. Prints
// the median and the largest of `runs` of each, in a warm process (one user, one at a time), and
// last a JSON line of the same rows (what `npm run bench` reads: it runs this on a copy of its
// largest database). It writes to the database: run it on a copy (CREATE DATABASE … TEMPLATE …).
//   DATABASE_URL=postgresql://…/copy npx tsx --conditions=react-server scripts/bench/time-writes.ts [runs]
import { refreshForecastSummary } from "@/lib/budgets/forecast-summary";
import { refreshHealthTrend } from "@/lib/dashboard/trend-summary";
import { db } from "@/lib/db";
import { refreshHeads } from "@/lib/headcount/heads-summary";

import { benchWriters } from "./writers";

const runs = Number(process.argv[2] ?? 15);
const w = await benchWriters(runs);

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

console.log("| write | runs | median ms | max ms |\n|---|---:|---:|---:|");
await time("plan cell saved (with the stored forecast refreshed)", w.plan);
await time("status update posted (with the stored trend refreshed)", w.status);
await time("the stored forecast's refresh alone", () => db.$transaction((tx) => refreshForecastSummary(tx, w.orgId), { timeout: 60_000 }));
await time("the stored trend's refresh alone", () => db.$transaction((tx) => refreshHealthTrend(tx, w.orgId), { timeout: 60_000 }));
// What a write of people, positions or the org's settings adds (nothing changed: the rows are compared, none written).
await time("the stored heads' refresh alone", () => db.$transaction((tx) => refreshHeads(tx, w.orgId), { timeout: 60_000 }));
await db.$disconnect();
console.log(JSON.stringify(rows));
