import { type EveryPageRow, everyPageMarkdown } from "./every-page";
import { type ExportRow, exportsMarkdown } from "./exports";
import { type FuzzMemoryResult, fuzzMemoryGoal, fuzzMemoryMarkdown } from "./fuzz-memory";
import { type LighthouseRow, lighthouseMarkdown } from "./lighthouse";
import type { LoadResult } from "./load";
import { statementsLabel } from "./statements";

// The bench's results, the markdown it prints and the goals of issue 8 with pass/miss.

/** `statements`: SQL statements the server sent for each of the counted requests (statements.ts). */
export type PageResult = {
  key: string;
  path: string;
  page: LoadResult;
  sqlFloor: LoadResult | null;
  ratio: number | null;
  statements?: number[];
};
export type ScaleResult = {
  scale: number;
  db: string;
  generatedSeconds: number | null;
  reused: boolean;
  day: string;
  /** The bare Next.js page (/keel-bench/floor): no proxy, no session, one SELECT 1. */
  bare?: LoadResult;
  bareStatements?: number[];
  framework: LoadResult;
  frameworkStatements?: number[];
  pages: PageResult[];
  everyPage?: EveryPageRow[];
  exports?: ExportRow[];
  lighthouse?: LighthouseRow[];
};
/** One kind of write, timed (scripts/bench/time-writes.ts). */
export type WriteRow = { name: string; runs: number; medianMs: number; maxMs: number };
/** The whole-org dashboard requested by `at` viewers at once right after a write of kind `after` (or none). */
export type ViewAfterWriteRow = { after: "none" | "status" | "plan"; at: number; views: number; p50: number; p95: number; max: number };

export type BenchResult = {
  at: string;
  machine: { cpus: number; model: string; node: string; loadavg: number[] };
  settings: { concurrency: number; requests: number; warmup: number };
  scales: ScaleResult[];
  import?:
    | { lines: number; seconds: number; peakRssMb: number; inserted: number; cpuSeconds?: number; warmupSeconds?: number }
    | { error: string };
  /** A 100 MB file through the import action, in Keel's layout and through a mapping. */
  /** scripts/bench/time-writes.ts on a copy of the largest database. */
  writes?: WriteRow[] | { error: string };
  /** index.ts viewsAfterWrites, on the same copy after the writes above. */
  viewsAfterWrites?: ViewAfterWriteRow[] | { error: string };
  largeImports?: (
    | {
        kind: string;
        mb: number;
        lines: number;
        seconds: number;
        peakRssMb: number;
        peakHeapMb: number;
        peakLiveHeapMb: number | null;
        baseLiveHeapMb: number | null;
      }
    | { kind: string; mb: number; error: string }
  )[];
  firstLoadJsKb: Record<string, number | null>;
  fuzzMemory?: FuzzMemoryResult;
};

const f = (x: number | null | undefined, d = 0) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(d));

/** A section's rows as a markdown table (first column left, the rest right-aligned), or its failure. */
function tableOrFailure<T>(rows: T[] | { error: string }, head: string[], cells: (row: T) => (string | number)[]): string[] {
  if ("error" in rows) return [`failed: ${rows.error}`];
  return [`| ${head.join(" | ")} |`, `|---|${"---:|".repeat(head.length - 1)}`, ...rows.map((x) => `| ${cells(x).join(" | ")} |`)];
}

export function markdown(r: BenchResult): string {
  const out: string[] = [];
  out.push(
    `# Keel bench ${r.at}`,
    "",
    `${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}, load average at start ${r.machine.loadavg.map((x) => x.toFixed(1)).join(" / ")}; concurrency ${r.settings.concurrency}, ${r.settings.requests} requests per page after ${r.settings.warmup} warm-up.`,
    "",
  );
  for (const s of r.scales) {
    if (s.everyPage) out.push(...everyPageMarkdown(s.everyPage, s.scale));
    if (s.exports) out.push(...exportsMarkdown(s.exports, s.scale));
    if (s.lighthouse) out.push(...lighthouseMarkdown(s.lighthouse, s.scale));
    if (!s.pages.length) continue;
    out.push(
      `## Scale ${s.scale} (${s.db}, data laid out around ${s.day}${s.generatedSeconds != null ? `, generated in ${f(s.generatedSeconds, 1)} s` : ""})`,
      "",
    );
    out.push(
      "| page | p50 ms | p95 ms | req/s | errors | SQL floor p95 | floor p95 (fw + SQL) | ratio | statements/request |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    const fw = s.framework;
    if (s.bare)
      out.push(
        `| bare Next.js floor (/keel-bench/floor) | ${f(s.bare.p50)} | ${f(s.bare.p95)} | ${f(s.bare.rps, 1)} | ${s.bare.errors} | – | – | – | ${statementsLabel(s.bareStatements)} |`,
      );
    out.push(
      `| framework floor (/[org]/me) | ${f(fw.p50)} | ${f(fw.p95)} | ${f(fw.rps, 1)} | ${fw.errors} | – | – | – | ${statementsLabel(s.frameworkStatements)} |`,
    );
    for (const p of s.pages) {
      const floor = p.sqlFloor ? fw.p95 + p.sqlFloor.p95 : null;
      out.push(
        `| ${p.key} | ${f(p.page.p50)} | ${f(p.page.p95)} | ${f(p.page.rps, 1)} | ${p.page.errors}${p.page.note ? ` (${p.page.note})` : ""} | ${f(p.sqlFloor?.p95, 1)} | ${f(floor)} | ${f(p.ratio, 2)} | ${statementsLabel(p.statements)} |`,
      );
    }
    out.push("");
    if (s.bare)
      out.push(
        `Keel's floor (/[org]/me) against the bare Next.js floor, p95: ${f(fw.p95)} ms ÷ ${f(s.bare.p95)} ms = ${f(fw.p95 / s.bare.p95, 2)}× (p50 ${f(fw.p50 / s.bare.p50, 2)}×).`,
        "",
      );
  }
  if (r.scales.length > 1) {
    const [big, small] = [...r.scales].sort((a, b) => b.scale - a.scale);
    // Statements per request beside the times: a count that grows with the data is an N+1.
    out.push(
      `## Growth (scale ${small.scale} → ${big.scale}, p95)`,
      "",
      "| page | small | large | growth | statements/request small → large |",
      "|---|---:|---:|---:|---:|",
    );
    for (const p of big.pages) {
      const q = small.pages.find((x) => x.key === p.key);
      if (q)
        out.push(
          `| ${p.key} | ${f(q.page.p95)} | ${f(p.page.p95)} | ${f(p.page.p95 / q.page.p95, 2)}× | ${statementsLabel(q.statements)} → ${statementsLabel(p.statements)} |`,
        );
    }
    out.push("");
  }
  if (r.import)
    out.push(
      "## Import",
      "",
      "error" in r.import
        ? `failed: ${r.import.error}`
        : `${r.import.lines} ledger lines through the app's import action: ${f(r.import.seconds, 1)} s (Node CPU ${f(r.import.cpuSeconds ?? NaN, 1)} s; the process's first query before it, not included: ${f(r.import.warmupSeconds ?? NaN, 1)} s), peak RSS ${f(r.import.peakRssMb)} MB`,
      "",
    );
  if (r.writes)
    out.push(
      "## Writes (largest scale, one at a time, through the app's actions, on a copy of the database)",
      "",
      ...tableOrFailure(r.writes, ["write", "runs", "median ms", "max ms"], (w) => [w.name, w.runs, w.medianMs, w.maxMs]),
      "",
    );
  if (r.viewsAfterWrites)
    out.push(
      "## The whole-org dashboard after a write (largest scale, memo on, on the same copy)",
      "",
      "After each write through the app's actions, that many viewers request the dashboard at once;",
      "the figures that do not read the written tables stay memoized, and one write's viewers share",
      'what it made stale. "none": the same with no write before (the memoized view).',
      "",
      ...tableOrFailure(r.viewsAfterWrites, ["before the views", "at once", "views", "p50 ms", "p95 ms", "max ms"], (v) => [
        { none: "no write (memoized)", status: "a status update", plan: "a plan cell" }[v.after],
        v.at,
        v.views,
        v.p50,
        v.p95,
        v.max,
      ]),
      "",
    );
  if (r.largeImports?.length)
    out.push(
      "## Import of a 100 MB file",
      "",
      "Heap: the most V8 held in use (uncollected garbage included), and the most still live after a",
      "full collection (forced every 2 s, which also keeps RSS lower than an unforced run's), next to",
      "what the warm process held live before the import.",
      "",
      "| layout | MB | lines | s | peak RSS MB | peak heap MB | peak live heap MB | live before MB |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...r.largeImports.map((x) =>
        "error" in x
          ? `| ${x.kind} | ${f(x.mb)} | failed: ${x.error} | | | | | |`
          : `| ${x.kind} | ${f(x.mb)} | ${x.lines} | ${f(x.seconds, 1)} | ${f(x.peakRssMb)} | ${f(x.peakHeapMb)} | ${f(x.peakLiveHeapMb)} | ${f(x.baseLiveHeapMb)} |`,
      ),
      "",
    );
  if (r.fuzzMemory) out.push(...fuzzMemoryMarkdown(r.fuzzMemory));
  // Only the fuzz-memory step ran (--fuzz-memory-only): its goal is in its own section.
  if (!r.scales.length) return out.join("\n");
  out.push(
    "## First-load JS (gzip)",
    "",
    "| route | KB |",
    "|---|---:|",
    ...Object.entries(r.firstLoadJsKb).map(([k, v]) => `| ${k} | ${f(v, 1)} |`),
    "",
  );
  out.push(
    "## Goals (issue 8)",
    "",
    "| metric | goal | measured | |",
    "|---|---|---|---|",
    ...goals(r).map((g) => `| ${g.metric} | ${g.goal} | ${g.measured} | ${g.pass == null ? "n/a" : g.pass ? "pass" : "**miss**"} |`),
  );
  return out.join("\n");
}

function goals(r: BenchResult) {
  const big = [...r.scales].sort((a, b) => b.scale - a.scale)[0];
  const small = r.scales.length > 1 ? [...r.scales].sort((a, b) => a.scale - b.scale)[0] : null;
  const page = (k: string) => big?.pages.find((p) => p.key === k);
  const rows: { metric: string; goal: string; measured: string; pass: boolean | null }[] = [];
  for (const [k, label] of [
    ["dashboard-org", "director dashboard, whole org"],
    ["finance-year", "finance rollup, full year"],
  ] as const) {
    const p = page(k);
    rows.push({
      metric: `${label}, p95 (scale ${big?.scale})`,
      goal: "≤ 1.5× floor and ≤ 150 ms",
      measured: p ? `${f(p.page.p95)} ms, ${f(p.ratio, 2)}×` : "not run",
      pass: p && p.ratio != null ? p.ratio <= 1.5 && p.page.p95 <= 150 && p.page.errors === 0 : null,
    });
  }
  for (const [k, label] of [
    ["dashboard-org-cold", "director dashboard, whole org, after a write"],
    ["finance-year-cold", "finance rollup, full year, after a write"],
  ] as const) {
    const p = page(k);
    if (p)
      rows.push({
        metric: `${label}, p95 (every request recomputes)`,
        goal: "≤ 1.5× floor",
        measured: `${f(p.page.p95)} ms, ${f(p.ratio, 2)}×`,
        pass: p.ratio != null ? p.ratio <= 1.5 && p.page.errors === 0 : null,
      });
  }
  for (const p of big?.pages ?? []) {
    if (["dashboard-org", "finance-year", "dashboard-org-cold", "finance-year-cold"].includes(p.key)) continue;
    rows.push({
      metric: `${p.key}, p95`,
      goal: "≤ 2× floor",
      measured: `${f(p.page.p95)} ms, ${f(p.ratio, 2)}×`,
      pass: p.ratio != null ? p.ratio <= 2 && p.page.errors === 0 : null,
    });
  }
  if (big?.bare)
    rows.push({
      metric: `Keel's floor vs bare Next.js floor, p95 (scale ${big.scale})`,
      goal: "≤ 1.3×",
      measured: `${f(big.framework.p95)} / ${f(big.bare.p95)} ms = ${f(big.framework.p95 / big.bare.p95, 2)}×`,
      pass: big.framework.p95 / big.bare.p95 <= 1.3,
    });
  const d1 = page("dashboard-org");
  const d0 = small?.pages.find((p) => p.key === "dashboard-org");
  rows.push({
    metric: "growth 10× data, dashboard p95",
    goal: "≤ 1.5×",
    measured: d1 && d0 ? `${f(d1.page.p95 / d0.page.p95, 2)}×` : "not run",
    pass: d1 && d0 ? d1.page.p95 / d0.page.p95 <= 1.5 : null,
  });
  const c1 = page("dashboard-org-cold");
  const c0 = small?.pages.find((p) => p.key === "dashboard-org-cold");
  if (c1 && c0)
    rows.push({
      metric: "growth 10× data, dashboard p95 after a write",
      goal: "≤ 1.5×",
      measured: `${f(c1.page.p95 / c0.page.p95, 2)}×`,
      pass: c1.page.p95 / c0.page.p95 <= 1.5,
    });
  if (small) {
    const grown = big.pages.flatMap((p) => {
      const q = small.pages.find((x) => x.key === p.key);
      const [a, b] = [statementsLabel(q?.statements), statementsLabel(p.statements)];
      return q && (a !== b || a.includes("–")) ? [`${p.key} ${a} → ${b}`] : [];
    });
    rows.push({
      metric: `statements per request, scale ${small.scale} and ${big.scale}`,
      goal: "equal for every page",
      measured: grown.length ? grown.join("; ") : "equal",
      pass: big.pages.length ? grown.length === 0 : null,
    });
  }
  const imp = r.import && !("error" in r.import) ? r.import : null;
  rows.push({
    metric: "CSV import 100,000 lines",
    goal: "≤ 5 s, ≤ 300 MB",
    measured: imp ? `${f(imp.seconds, 1)} s, ${f(imp.peakRssMb)} MB` : "not run",
    pass: imp ? imp.seconds <= 5 && imp.peakRssMb <= 300 : null,
  });
  const views = r.viewsAfterWrites && !("error" in r.viewsAfterWrites) ? r.viewsAfterWrites : [];
  const memo8 = views.find((v) => v.after === "none" && v.at > 1);
  for (const after of ["status", "plan"] as const) {
    const v = views.find((x) => x.after === after && x.at > 1);
    if (v && memo8)
      rows.push({
        metric: `whole-org dashboard, first views after ${after === "status" ? "a status update" : "a plan cell"} (${v.at} at once, p95)`,
        goal: "≤ 2× memoized",
        measured: `${v.p95} ms, ${f(v.p95 / memo8.p95, 2)}× (memoized ${memo8.p95} ms)`,
        pass: v.p95 <= 2 * memo8.p95,
      });
  }
  const cell = r.writes && !("error" in r.writes) ? r.writes.find((w) => w.name.startsWith("plan cell saved")) : undefined;
  rows.push({
    metric: "a plan cell saved (largest scale, median)",
    goal: "≤ 300 ms",
    measured: cell ? `${cell.medianMs} ms` : "not run",
    pass: cell ? cell.medianMs <= 300 : null,
  });
  const js = r.firstLoadJsKb["/(app)/[org]/dashboard"];
  rows.push({
    metric: "first-load JS, dashboard",
    goal: "≤ 180 KB gzip",
    measured: js != null ? `${f(js, 1)} KB` : "no build",
    pass: js != null ? js <= 180 : null,
  });
  const gen = r.scales.find((s) => s.scale === 1)?.generatedSeconds;
  if (r.fuzzMemory) rows.push(fuzzMemoryGoal(r.fuzzMemory));
  rows.push({
    metric: "large-org generation, scale 1",
    goal: "≤ 90 s",
    measured: gen != null ? `${f(gen, 1)} s` : "not run",
    pass: gen != null ? gen <= 90 : null,
  });
  return rows;
}
