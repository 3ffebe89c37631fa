import pg from "pg";

import type { BudgetWrite, Kind, Sample } from "./run";

// After the run: where the restart window was, error rates inside and outside it, latency by
// kind, and the durability check — every write the app acknowledged must be in the database.

export type Restart = { start: number; end: number; error?: string; restarted?: boolean };

export type Window = { start: number; recoveredAt: number | null; firstOkStart: number | null; end: number };

/**
 * The restart window runs from the moment the restart command starts to the first successful
 * request that started after the command returned, plus a grace period (requests already in
 * flight on a connection that died, or queued behind one, finish failing just after it).
 */
export function restartWindow(samples: Sample[], restart: Restart, graceMs: number): Window {
  const firstOk = samples.filter((s) => s.ok && s.start >= restart.end).sort((a, b) => a.end - b.end)[0];
  const recoveredAt = firstOk ? firstOk.end : null;
  return { start: restart.start, recoveredAt, firstOkStart: firstOk?.start ?? null, end: (recoveredAt ?? Infinity) + graceMs };
}

const inside = (s: Sample, w: Window) => s.end >= w.start && s.start <= w.end;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type Durability = {
  status: { acknowledged: number; stored: number; lost: string[]; storedUnacknowledged: number };
  budget: { acknowledged: number; stored: number; lost: string[]; cellsWrong: string[] };
};

export async function checkDurability(url: string, samples: Sample[], budgetWrites: BudgetWrite[]): Promise<Durability> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const statusRows = await client.query<{ summary: string }>(`SELECT "summary" FROM "StatusUpdate" WHERE "summary" LIKE 'load %'`);
    const storedStatus = new Set(statusRows.rows.map((r) => r.summary));
    const ackStatus = samples.filter((s) => s.kind === "status" && s.ok).map((s) => s.marker!);
    const attempted = new Set(samples.filter((s) => s.kind === "status").map((s) => s.marker!));

    // Every acknowledged plan-cell edit left an audit row (same transaction) naming its unique amount.
    const auditRows = await client.query<{ amount: string }>(
      `SELECT "after"->>'amountCents' AS amount FROM "AuditEvent" WHERE "action" = 'budgets.cell.set' AND "after" IS NOT NULL`,
    );
    const storedAmounts = new Set(auditRows.rows.map((r) => r.amount));
    const ackBudget = budgetWrites.filter((b) => b.ok);
    // Each session edits its own cell one request at a time: the cell must hold the last
    // acknowledged amount, or that of a later attempt whose answer was lost (it may have committed).
    const cells = await client.query<{ amount: string }>(
      `SELECT "amountCents"::text AS amount FROM "BudgetLine" WHERE "month" >= '2031-01-01' AND "month" < '2032-01-01'`,
    );
    const cellAmounts = new Set(cells.rows.map((r) => r.amount));
    const cellsWrong: string[] = [];
    const byUser = new Map<number, BudgetWrite[]>();
    for (const b of budgetWrites) byUser.set(b.user, [...(byUser.get(b.user) ?? []), b]);
    for (const [user, writes] of byUser) {
      const lastOk = writes.map((b) => b.ok).lastIndexOf(true);
      if (lastOk < 0) continue;
      const allowed = writes.slice(lastOk).map((b) => String(b.amountCents));
      if (!allowed.some((a) => cellAmounts.has(a))) cellsWrong.push(`session ${user + 1}: expected ${allowed.join(" or ")}`);
    }
    return {
      status: {
        acknowledged: ackStatus.length,
        stored: [...storedStatus].filter((m) => attempted.has(m)).length,
        lost: ackStatus.filter((m) => !storedStatus.has(m)),
        storedUnacknowledged: [...storedStatus].filter((m) => attempted.has(m) && !ackStatus.includes(m)).length,
      },
      budget: {
        acknowledged: ackBudget.length,
        stored: budgetWrites.filter((b) => storedAmounts.has(String(b.amountCents))).length,
        lost: ackBudget.filter((b) => !storedAmounts.has(String(b.amountCents))).map((b) => String(b.amountCents)),
        cellsWrong,
      },
    };
  } finally {
    await client.end();
  }
}

export type Verdict = { pass: boolean; lines: string[] };

export function summarize(input: {
  samples: Sample[];
  restart: Restart;
  window: Window;
  durability: Durability;
  serverAlive: boolean;
  seconds: number;
  sessions: number;
}): Verdict {
  const { samples, restart, window: w, durability: d } = input;
  const lines: string[] = [];
  const row = (cols: (string | number)[], widths: number[]) =>
    cols
      .map((c, i) => String(c).padEnd(widths[i]))
      .join(" ")
      .trimEnd();
  const widths = [8, 9, 8, 8, 9, 9, 9];
  lines.push(row(["kind", "requests", "p50 ms", "p95 ms", "ok", "err in", "err out"], widths));
  const kinds: Kind[] = ["read", "status", "budget"];
  let errorsOutside = 0;
  for (const kind of [...kinds, "all" as const]) {
    const ss = kind === "all" ? samples : samples.filter((s) => s.kind === kind);
    const lat = ss.map((s) => s.end - s.start).sort((a, b) => a - b);
    const errIn = ss.filter((s) => !s.ok && inside(s, w)).length;
    const errOut = ss.filter((s) => !s.ok && !inside(s, w)).length;
    if (kind === "all") errorsOutside = errOut;
    lines.push(
      row(
        [kind, ss.length, Math.round(percentile(lat, 50)), Math.round(percentile(lat, 95)), ss.filter((s) => s.ok).length, errIn, errOut],
        widths,
      ),
    );
  }
  const share = (k: Kind) => ((100 * samples.filter((s) => s.kind === k).length) / Math.max(1, samples.length)).toFixed(1);
  lines.push(
    `mix: ${share("read")}% reads, ${share("status")}% status updates, ${share("budget")}% budget edits; ${input.sessions} sessions, ${input.seconds} s`,
  );
  const t0 = samples.length ? Math.min(...samples.map((s) => s.start)) : restart.start;
  const sec = (t: number) => ((t - t0) / 1000).toFixed(1);
  const recovery =
    w.recoveredAt === null || w.firstOkStart === null
      ? "never"
      : `sent ${((w.firstOkStart - restart.end) / 1000).toFixed(1)} s after the command returned, answered ${((w.recoveredAt - restart.start) / 1000).toFixed(1)} s after restart start`;
  lines.push(
    `restart: at ${sec(restart.start)} s, command took ${((restart.end - restart.start) / 1000).toFixed(1)} s${restart.error ? ` (FAILED: ${restart.error})` : ""}, ` +
      `new postmaster: ${restart.restarted ? "yes" : "NO"}; first success after it: ${recovery}; ` +
      `window ${sec(w.start)}–${Number.isFinite(w.end) ? sec(w.end) : "end"} s (incl. grace)`,
  );
  const after = samples.filter((s) => s.start > w.end);
  lines.push(`after the window: ${after.length} requests, ${after.filter((s) => s.ok).length} ok`);
  lines.push(
    `writes: status updates acknowledged ${d.status.acknowledged}, stored ${d.status.stored} (${d.status.storedUnacknowledged} stored without acknowledgement), lost ${d.status.lost.length}; ` +
      `budget edits acknowledged ${d.budget.acknowledged}, stored ${d.budget.stored}, lost ${d.budget.lost.length}, cells wrong ${d.budget.cellsWrong.length}`,
  );
  const errorKinds = new Map<string, number>();
  for (const s of samples.filter((s) => !s.ok)) {
    const key = `${inside(s, w) ? "inside" : "OUTSIDE"} window, ${s.kind}: ${s.error}`;
    errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
  }
  for (const [e, n] of [...errorKinds].sort((a, b) => b[1] - a[1]).slice(0, 8)) lines.push(`  error ×${n} ${e}`);

  const failures: string[] = [];
  if (restart.error || !restart.restarted) failures.push("PostgreSQL was not restarted");
  if (!input.serverAlive) failures.push("the app server exited during the run");
  if (w.recoveredAt === null) failures.push("no request succeeded after the restart (no recovery)");
  if (after.length === 0) failures.push("no requests after the restart window: run longer (--duration)");
  if (errorsOutside > 0) failures.push(`${errorsOutside} errors outside the restart window`);
  if (d.status.lost.length + d.budget.lost.length > 0)
    failures.push(`${d.status.lost.length + d.budget.lost.length} acknowledged writes lost`);
  if (d.budget.cellsWrong.length > 0)
    failures.push(`plan cells not at their last acknowledged value: ${d.budget.cellsWrong.slice(0, 3).join("; ")}`);
  if (d.status.acknowledged === 0 || d.budget.acknowledged === 0) failures.push("no acknowledged writes of some kind: nothing was proven");
  lines.push(
    failures.length
      ? `FAIL: ${failures.join("; ")}`
      : "PASS: recovered without an app restart, 0 errors outside the window, 0 acknowledged writes lost",
  );
  return { pass: failures.length === 0, lines };
}
