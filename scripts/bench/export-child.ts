// Child process of the bench: one CSV export of the large org through the app's own export
// builders (the code the export routes run), read to the end as a client would, and prints
// {ms, firstRowsMs, bytes, lines, rssBeforeMb, peakRssMb} as JSON. A child of its own so that its
// peak RSS is the export's. `batch` is the export's batch size; "whole" reads everything in one
// batch, as the exports did before they streamed, for comparison.
// Run: node --conditions=react-server --import tsx scripts/bench/export-child.ts <projects|audit|lines> <org> <query> [batch|whole]
import { exportAuditCsv } from "@/lib/audit/export";
import { linesScope } from "@/lib/budgets/lines";
import { linesCsvStream } from "@/lib/budgets/lines-export";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { db } from "@/lib/db";
import { exportProjectsCsv } from "@/lib/projects/export";

const [kind, slug, query, batchArg] = process.argv.slice(2);
const batch = batchArg === "whole" ? 10_000_000 : batchArg ? Number(batchArg) : undefined;
// Warm, as the server is: the client has connected and compiled a first query.
const org = await db.organization.findFirstOrThrow({
  where: { slug },
  select: { id: true, slug: true, currency: true, fiscalYearStartMonth: true },
});
const params = new URLSearchParams(query);
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;

const t = performance.now();
const stream =
  kind === "projects"
    ? exportProjectsCsv(org, params, new Date(), batch)
    : kind === "audit"
      ? exportAuditCsv({ role: "ADMIN", readsPay: true, org }, params, batch)!
      : linesCsvStream(linesScope(org.id, { readsPay: true }, parseLinesParams(params, org.fiscalYearStartMonth).filters), true, batch);
const reader = stream.getReader();
let bytes = 0;
let lines = 0;
let chunks = 0;
let firstRowsMs = NaN;
for (let r = await reader.read(); !r.done; r = await reader.read()) {
  // The first chunk is the header; the second holds the first rows read from the database.
  if (++chunks === 2) firstRowsMs = performance.now() - t;
  bytes += r.value.byteLength;
  for (const b of r.value) if (b === 10) lines++;
}
const ms = performance.now() - t;
await db.$disconnect();
console.log(JSON.stringify({ ms, firstRowsMs, bytes, lines, rssBeforeMb, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
