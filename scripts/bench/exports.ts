import { spawn } from "node:child_process";
import { once } from "node:events";

import pg from "pg";

// The exports of the bench (issue 23): each CSV export of the large org read to the end in a
// child process of its own (export-child.ts): total time, time to the first rows, size and peak
// RSS. Exports stream, so their memory should not grow with their size: the ledger lines are
// exported for one fiscal year and for three, and each export is also read in one batch ("whole",
// as before they streamed) for comparison.

export type ExportRow = {
  label: string;
  kind: string;
  query: string;
  batch: string;
  ms: number;
  firstRowsMs: number;
  bytes: number;
  lines: number;
  rssBeforeMb: number;
  peakRssMb: number;
};

/**
 * The generated org has no audit trail; the issue measured one of 300,000 events. Added once per
 * database (ids "bench-audit-…", so a rerun adds none), 300,000 × scale, three per minute.
 */
async function ensureAuditEvents(url: string, count: number): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `WITH o AS (SELECT id FROM "Organization" WHERE slug = 'large'),
            us AS (SELECT array_agg(m."userId" ORDER BY m."userId") AS a FROM "Membership" m, o WHERE m."orgId" = o.id)
       INSERT INTO "AuditEvent" (id, "orgId", "actorId", action, "entityType", "entityId", before, after, at)
       SELECT 'bench-audit-' || g, o.id, us.a[1 + g % array_length(us.a, 1)],
              (ARRAY['project.update', 'budgets.cell.set', 'person.update', 'contracts.update'])[1 + g % 4],
              (ARRAY['Project', 'BudgetLine', 'Person', 'Contract'])[1 + g % 4], 'bench-entity-' || (g % 9973),
              CASE WHEN g % 3 = 0 THEN NULL ELSE jsonb_build_object('name', 'Before ' || g, 'amountCents', g * 13) END,
              jsonb_build_object('name', 'After ' || g, 'amountCents', g * 17, 'note', 'changed by the bench'),
              timestamp '2024-01-01' + (g / 3) * interval '1 minute'
       FROM generate_series(1, $1::int) g, o, us
       WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a.id = 'bench-audit-' || g)`,
      [count],
    );
    // Without statistics for the new rows the planner reads every remaining event per batch.
    await c.query(`ANALYZE "AuditEvent"`);
  } finally {
    await c.end();
  }
}

async function child(
  url: string,
  kind: string,
  query: string,
  batch: string,
): Promise<Omit<ExportRow, "label" | "kind" | "query" | "batch">> {
  const p = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench/export-child.ts", kind, "large", query, batch],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let stdout = "";
  p.stdout.on("data", (d) => (stdout += d));
  const [code] = await once(p, "exit");
  if (code !== 0) throw new Error(`export child (${kind} ${query}) exited ${code}`);
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

/** Every export at its default batch size, the ledger lines over three years too, and each read whole. */
export async function benchExports(url: string, scale: number, fiscalYear: number, log: (s: string) => void): Promise<ExportRow[]> {
  log(`exports: audit trail of ${Math.round(300_000 * scale)} events …`);
  await ensureAuditEvents(url, Math.round(300_000 * scale));
  const specs: [string, string, string][] = [
    ["projects, the whole list", "projects", ""],
    ["audit log, every event", "audit", ""],
    ["ledger lines, this fiscal year", "lines", ""],
    ["ledger lines, three fiscal years", "lines", `from=${fiscalYear - 2}-01&to=${fiscalYear}-12`],
  ];
  const out: ExportRow[] = [];
  for (const [label, kind, query] of specs) {
    for (const batch of ["", "whole"]) {
      if (batch === "whole" && label.includes("three")) continue;
      const r = await child(url, kind, query, batch);
      log(
        `exports: ${label}${batch ? " (whole)" : ""}: ${(r.ms / 1000).toFixed(1)} s, ${(r.bytes / 2 ** 20).toFixed(1)} MB, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
      );
      out.push({ label, kind, query, batch: batch || "default", ...r });
    }
  }
  return out;
}

export function exportsMarkdown(rows: ExportRow[], scale: number): string[] {
  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "–");
  return [
    `## Exports (scale ${scale}, one at a time, each in a process of its own)`,
    "",
    "Read to the end through the export builders the routes run. “whole”: the same export read in one batch, as before exports streamed.",
    "",
    "| export | batches | lines | MB | first rows ms | total s | RSS before MB | peak RSS MB |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.batch} | ${r.lines} | ${f(r.bytes / 2 ** 20, 1)} | ${f(r.firstRowsMs)} | ${f(r.ms / 1000, 1)} | ${f(r.rssBeforeMb)} | ${f(r.peakRssMb)} |`,
    ),
    "",
  ];
}
