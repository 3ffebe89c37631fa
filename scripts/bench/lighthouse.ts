import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

import type { Result } from "lighthouse";
import os from "node:os";
import path from "node:path";

// The browser side (issue 23, item 5): Lighthouse's performance category, mobile emulation (its
// default: a mid-range phone, simulated slow 4G and 4× CPU slowdown), on the three dashboards, the
// projects list and a project page, signed in through the session cookie sent as an extra header.
// Lighthouse's own CLI (node_modules/.bin/lighthouse) launches Chromium: CHROME_PATH, else Debian's
// /usr/bin/chromium, headless without sandbox or GPU. Scores move by several points between runs on
// a shared machine, so each page runs `runs` times (--lighthouse-runs, default 3) and each metric
// is the median of its runs.

export type LighthouseRow = {
  page: string;
  path: string;
  score: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  fcpMs: number | null;
  /** The heaviest opportunity or diagnostic Lighthouse names, for "fix what it finds". */
  worst: string | null;
  /** Runs that produced a report (each metric is their median). */
  runs: number;
  error?: string;
};

type Audit = { score: number | null; numericValue?: number; title: string; details?: { type?: string; overallSavingsMs?: number } };
// The fields of Lighthouse's report (its Result type) read here.
type Report = Pick<Result, "runtimeError"> & { categories: { performance: { score: number | null } }; audits: Record<string, Audit> };

function runOne(url: string, cookie: string, out: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        createRequire(import.meta.url).resolve("lighthouse/cli/index.js"),
        url,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
        "--max-wait-for-load=60000",
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
    child.on("exit", (code) => resolve(code === 0 ? null : `lighthouse exited ${code}: ${stderr.trim().split("\n").at(-1) ?? ""}`));
  });
}

function worstOf(audits: Record<string, Audit>): string | null {
  // Opportunities by the time they would save; else the diagnostics that failed.
  const opportunities = Object.values(audits)
    .filter((a) => (a.details?.overallSavingsMs ?? 0) > 0)
    .sort((a, b) => (b.details!.overallSavingsMs ?? 0) - (a.details!.overallSavingsMs ?? 0));
  if (opportunities.length) return `${opportunities[0].title} (${Math.round(opportunities[0].details!.overallSavingsMs!)} ms)`;
  const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 0.5 && a.details?.type !== "debugdata");
  return failed[0]?.title ?? null;
}

const median = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x != null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

export async function lighthouse(
  base: string,
  pages: { page: string; path: string; cookie: string }[],
  log: (s: string) => void,
  runs = 3,
  keep?: string,
): Promise<LighthouseRow[]> {
  // --lighthouse-out DIR keeps every run's report (Lighthouse's JSON, for its per-script timings).
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), "keel-lighthouse-"));
  if (keep) mkdirSync(keep, { recursive: true });
  const rows: LighthouseRow[] = [];
  try {
    for (const p of pages) {
      const reports: Report[] = [];
      let error: string | undefined;
      for (let i = 0; i < runs; i++) {
        log(`lighthouse: ${p.page} (${i + 1}/${runs}) …`);
        const out = path.join(dir, `${p.page.replace(/\W+/g, "-")}-${i + 1}.json`);
        const failed = await runOne(base + p.path, p.cookie, out);
        const report = failed ? null : (JSON.parse(readFileSync(out, "utf8")) as Report);
        // A run whose trace failed (e.g. NO_NAVSTART on a loaded machine) has no metrics: not counted.
        if (failed || report?.runtimeError) error = failed ?? report?.runtimeError?.message;
        else if (report) reports.push(report);
      }
      const n = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? null));
      const score = median(reports.map((r) => r.categories.performance.score));
      // The finding of the run whose score is the median's (or the first).
      const typical = reports.find((r) => r.categories.performance.score === score) ?? reports[0];
      rows.push({
        page: p.page,
        path: p.path,
        score: score == null ? null : Math.round(score * 100),
        lcpMs: n("largest-contentful-paint"),
        tbtMs: n("total-blocking-time"),
        cls: n("cumulative-layout-shift"),
        fcpMs: n("first-contentful-paint"),
        worst: typical ? worstOf(typical.audits) : null,
        runs: reports.length,
        error: reports.length ? undefined : error,
      });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function lighthouseMarkdown(rows: LighthouseRow[], scale: number): string[] {
  const f = (x: number | null, d = 0) => (x == null ? "–" : x.toFixed(d));
  const ok = (r: LighthouseRow) => r.score != null && r.score >= 90 && r.lcpMs != null && r.lcpMs <= 2500 && r.cls != null && r.cls <= 0.1;
  return [
    `## Lighthouse, mobile (scale ${scale}; median of ${Math.max(...rows.map((r) => r.runs), 0)} runs; goal: Performance ≥ 90, LCP ≤ 2.5 s, CLS ≤ 0.1)`,
    "",
    "| page | Performance | FCP ms | LCP ms | TBT ms | CLS | | heaviest finding |",
    "|---|---:|---:|---:|---:|---:|---|---|",
    ...rows.map((r) =>
      r.error && r.score == null
        ? `| ${r.page} | – | – | – | – | – | **error** | ${r.error} |`
        : `| ${r.page} | ${f(r.score)} | ${f(r.fcpMs)} | ${f(r.lcpMs)} | ${f(r.tbtMs)} | ${f(r.cls, 3)} | ${ok(r) ? "ok" : "**miss**"} | ${r.worst ?? ""} |`,
    ),
    "",
  ];
}
