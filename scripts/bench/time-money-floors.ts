// Times the money queries of the dashboard and finance SQL floors (scripts/bench/floors/)
// one at a time (concurrency 1, jit=off as the bench's floor pool) and prints a digest of their
// rows, so a rewrite of the floor SQL can be checked for equal output on a bench database.
//   DATABASE_URL=postgresql://…/keel_bench_s1 npx tsx scripts/bench/time-money-floors.ts [runs]
import { createHash } from "node:crypto";
import pg from "pg";
import { fiscalQuarterRange, fiscalPeriod, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { type FloorInput, pageFloors } from "./floors";

const runs = Number(process.argv[2] ?? 5);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: "-c jit=off" });
await client.connect();
const org = (await client.query(`SELECT id, "fiscalYearStartMonth" AS m FROM "Organization" WHERE slug = 'large'`)).rows[0];
const dept = (await client.query(`SELECT id FROM "OrgUnit" WHERE "orgId" = $1 AND depth = 2 ORDER BY code LIMIT 1`, [org.id])).rows[0];
const project = (
  await client.query(`SELECT id FROM "Project" WHERE "orgId" = $1 AND status = 'ACTIVE' AND "archivedAt" IS NULL ORDER BY id LIMIT 1`, [
    org.id,
  ])
).rows[0];
const now = new Date();
const fp = fiscalPeriod(now, org.m);
const fy = fiscalYearRange(fp.fiscalYear, org.m);
const qr = fiscalQuarterRange(fp.fiscalYear, fp.quarter, org.m);
const f: FloorInput = {
  orgId: org.id,
  deptId: dept.id,
  projectId: project.id,
  today: toDateString(now),
  qStart: toDateString(qr.start),
  qEnd: toDateString(qr.end),
  fyStart: toDateString(fy.start),
  fyEnd: toDateString(fy.end),
};
const floors = pageFloors(f);
const targets = {
  "dashboard-org money": floors["dashboard-org"][4],
  "dashboard-dept money": floors["dashboard-dept"][4],
  "finance-year rollup": floors["finance-year"][0],
};
for (const [name, q] of Object.entries(targets)) {
  const times: number[] = [];
  let digest = "";
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = await client.query(q.text, q.values);
    if (i > 0) times.push(performance.now() - t0); // the first run warms the cache
    const rows = r.rows.map((x) => JSON.stringify(Object.values(x))).sort();
    digest = createHash("sha256").update(rows.join("\n")).digest("hex").slice(0, 12);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(22)} median ${times[times.length >> 1].toFixed(0)} ms  min ${times[0].toFixed(0)} ms  (${runs} runs)  rows digest ${digest}`,
  );
}
await client.end();
