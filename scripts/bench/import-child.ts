// Child process of the bench: imports a ledger CSV through the app's own import action
// (importActuals, the same code the upload page runs; with a mapping file, importMappedActuals,
// the ledger-export wizard's import) and prints {ms, inserted, peakRssMb, peakHeapMb} as JSON
// (cpuMs: this process's own CPU time during the import, steadier than ms on a busy machine).
// A child of its own so that its peak RSS is the import's, not the bench's. The heap is sampled
// while the import runs (the highest V8 heap used seen), garbage not yet collected included.
// The import is timed in a warm process, as the server runs it: the Prisma client has connected
// and compiled its first query before (one read of the org; 0.4–0.8 s of a cold process, reported
// apart as warmupMs, which figures up to 2026-11-27 included in ms).
// Run: node --conditions=react-server --import tsx scripts/bench/import-child.ts <csv> <org> <userId> [<mapping.json>]
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";

import { importActuals } from "@/lib/budgets/import-actuals";
import { discardUpload, uploadPath } from "@/lib/budgets/upload";
import { db } from "@/lib/db";
import { importMappedActuals } from "@/lib/imports/import-mapped-actuals";

const [csv, org, userId, mappingFile] = process.argv.slice(2);
const id = randomBytes(16).toString("hex");
await mkdir(path.dirname(uploadPath(id)), { recursive: true, mode: 0o700 });
await copyFile(csv, uploadPath(id));
const mapping = mappingFile ? JSON.parse(await readFile(mappingFile, "utf8")) : null;
const w = performance.now();
await db.organization.findFirst({ where: { slug: org }, select: { id: true } });
const warmupMs = performance.now() - w;
let peakHeap = 0;
let peakLive = 0;
const sample = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
// With --expose-gc: the heap still live after a full collection, every 2 s (what the import
// holds, as opposed to garbage V8 has not collected yet).
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
// What the warm process holds before the import: the import's own memory is the peak less this.
const baseLive = process.memoryUsage().heapUsed;
const live = gc
  ? setInterval(() => {
      gc();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }, 2000)
  : null;
const t = performance.now();
const cpu0 = process.cpuUsage();
const input = { uploadId: id, fileName: path.basename(csv) };
const result = mapping ? await importMappedActuals.run(userId, org, { ...input, mapping }) : await importActuals.run(userId, org, input);
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
clearInterval(sample);
if (live) clearInterval(live);
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
    peakHeapMb: peakHeap / 1024 / 1024,
    peakLiveHeapMb: gc ? peakLive / 1024 / 1024 : null,
    baseLiveHeapMb: gc ? baseLive / 1024 / 1024 : null,
  }),
);
