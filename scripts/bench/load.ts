import autocannon from "autocannon";

// Load generation for the bench: HTTP through autocannon (fixed number of requests at a fixed
// concurrency), anything else (SQL floors) through the same closed loop in-process. Both record
// every request's latency so p50/p95 are exact, not read off a coarse histogram.

export type LoadResult = { requests: number; p50: number; p95: number; max: number; rps: number; errors: number; note?: string };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summarize(latencies: number[], seconds: number, errors: number, note?: string): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    p50: r1(percentile(sorted, 50)),
    p95: r1(percentile(sorted, 95)),
    max: r1(sorted.at(-1) ?? NaN),
    rps: r1(latencies.length / seconds),
    errors,
    note,
  };
}

export async function httpLoad(
  url: string,
  cookie: string,
  opts: { connections: number; amount: number; warmup: number },
): Promise<LoadResult> {
  const headers = { cookie, accept: "text/html" };
  if (opts.warmup > 0)
    await autocannon({ url, headers, connections: Math.min(opts.connections, opts.warmup), amount: opts.warmup, timeout: 60 });
  const latencies: number[] = [];
  let bad = 0;
  let firstBad: string | undefined;
  const started = performance.now();
  const instance = autocannon({ url, headers, connections: opts.connections, amount: opts.amount, timeout: 60 });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status < 200 || status > 299) {
      bad++;
      firstBad ??= `HTTP ${status}`;
    }
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  const errors = bad + result.errors + result.timeouts;
  return summarize(latencies, seconds, errors, errors ? (firstBad ?? `${result.errors} errors, ${result.timeouts} timeouts`) : undefined);
}

export async function fnLoad(
  fn: () => Promise<unknown>,
  opts: { connections: number; amount: number; warmup: number },
): Promise<LoadResult> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let note: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (next < opts.amount) {
        next++;
        const t = performance.now();
        try {
          await fn();
        } catch (e) {
          errors++;
          note ??= (e as Error).message;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarize(latencies, (performance.now() - started) / 1000, errors, note);
}
