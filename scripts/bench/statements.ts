import { signIn, startServer, stopServer } from "./setup";

// Statements per request, counted exactly: the production web server as `npm start` runs it
// (scripts/server.ts) counts the SQL statements each request sends at the driver adapter
// (lib/db-statements.ts) and writes the count into its request log line (`statements`). The
// bench starts such a server on the same database (a second one with KEEL_FIGURES_MEMO=off for
// the "after a write" rows), requests each page once to warm it and then COUNTED times one after
// the other, each with its own X-Request-Id, and reads the count of each from the log. Nothing
// about it is sent to the client; other sessions' use of the database does not change it.

const COUNTED = 5;

export type StatementTarget = { key: string; path: string; cold?: boolean };

type LogLine = { reqId?: string; statements?: number; msg?: string };

/** Per target key: the statements of each counted request. */
export async function statementsPerRequest(
  dbUrl: string,
  targets: StatementTarget[],
  log: (s: string) => void,
  /** For the server with the memo on, and the one with it off. */
  ports: [number, number],
): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const cold of [false, true]) {
    const mine = targets.filter((t) => !!t.cold === cold);
    if (!mine.length) continue;
    const port = ports[cold ? 1 : 0];
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer(
      dbUrl,
      port,
      // No job worker: its first runs write (missed milestones announced on a fresh database), and
      // a write between the counted requests makes a memoized page compute again ("3–18").
      { LOG_LEVEL: "info", KEEL_BENCH_FLOOR: "1", KEEL_JOBS_IN_PROCESS: "off", ...(cold ? { KEEL_FIGURES_MEMO: "off" } : {}) },
      {
        keel: true,
      },
    );
    const seen = new Map<string, number>();
    let buffer = "";
    server.stdout?.on("data", (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        try {
          const l = JSON.parse(line) as LogLine;
          if (l.msg === "request" && l.reqId && typeof l.statements === "number") seen.set(l.reqId, l.statements);
        } catch {
          /* not a log line */
        }
      }
    });
    try {
      const cookie = await signIn(base, "director@large.example", "keel-demo");
      for (const t of mine) {
        log(`statements: ${t.key} …`);
        const ids: string[] = [];
        for (let i = 0; i <= COUNTED; i++) {
          const id = `bench-statements-${t.key}-${i}`;
          const res = await fetch(base + t.path, { headers: { cookie, accept: "text/html", "x-request-id": id } });
          await res.text();
          if (i > 0) ids.push(id);
        }
        // The log line is written when the response has closed: give the last one a moment.
        for (let wait = 0; wait < 50 && !ids.every((id) => seen.has(id)); wait++) await new Promise((r) => setTimeout(r, 100));
        out[t.key] = ids.map((id) => seen.get(id) ?? NaN);
      }
    } finally {
      await stopServer(server);
    }
  }
  return out;
}

/** "12" when every counted request sent the same number, "12–14" when they differ. */
export function statementsLabel(counts: number[] | undefined): string {
  if (!counts?.length || counts.some((n) => Number.isNaN(n))) return "–";
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
