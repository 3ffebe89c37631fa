// Child process of the bench: imports a ledger CSV through the app's own import action
// (importActuals, the same code the upload page runs) and prints {ms, inserted, peakRssMb} as
// JSON (cpuMs: this process's own CPU time during the import, steadier than ms on a busy machine).
// A child of its own so that its peak RSS is the import's, not the bench's.
// The import is timed in a warm process, as the server runs it: the Prisma client has connected
// and compiled its first query before (one read of the org; 0.4–0.8 s of a cold process, reported
// apart as warmupMs, which figures up to 2026-11-27 included in ms).
// Run: node --conditions=react-server --import tsx scripts/bench/import-child.ts <csv> <org> <userId>
import { copyFile, mkdir } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";

import { importActuals } from "@/lib/budgets/import-actuals";
import { discardUpload, uploadPath } from "@/lib/budgets/upload";
import { db } from "@/lib/db";

const [csv, org, userId] = process.argv.slice(2);
const id = randomBytes(16).toString("hex");
await mkdir(path.dirname(uploadPath(id)), { recursive: true, mode: 0o700 });
await copyFile(csv, uploadPath(id));
const w = performance.now();
await db.organization.findFirst({ where: { slug: org }, select: { id: true } });
const warmupMs = performance.now() - w;
const t = performance.now();
const cpu0 = process.cpuUsage();
const result = await importActuals.run(userId, org, { uploadId: id, fileName: path.basename(csv) });
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
// As the upload route does after an import: the temp copy (7.7 MB here) is not kept.
await discardUpload(id);
await db.$disconnect();
if (!result.ok) {
  console.error(JSON.stringify(result));
  process.exit(1);
}
const data = result.data as { batchId: string; insertedCount: number };
console.log(
  JSON.stringify({
    ms,
    inserted: data.insertedCount,
    batchId: data.batchId,
    warmupMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
