// `tsx scripts/bench/probe.ts <scale> [path…]`: one request at a time against a running bench
// database — status, bytes, time and the server's CPU time per page — to see where a page spends
// before load-testing. The CPU figure (Linux /proc) barely moves with other load on the machine,
// unlike the time. PROBE_REPEAT=n requests each page n times (default 3).
import { readFileSync } from "node:fs";

import { ensureDb, signIn, startServer, stopServer } from "./setup";

const scale = Number(process.argv[2] ?? "0.1");
const port = Number(process.env.BENCH_PORT ?? "3305");
const db = await ensureDb(scale, false, console.error);
const server = await startServer(db.url, port);
const repeat = Number(process.env.PROBE_REPEAT ?? 3);
/** utime + stime of the server process in ms (clock ticks of 10 ms); NaN off Linux. */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
try {
  const cookie = await signIn(`http://127.0.0.1:${port}`, "director@large.example", "keel-demo");
  const paths = process.argv.slice(3);
  for (const p of paths.length
    ? paths
    : [
        "/large/me",
        "/large/dashboard",
        "/large/budgets?period=year",
        "/large/projects?status=ACTIVE&health=AT_RISK",
        "/large/roadmap",
        "/large/headcount",
      ]) {
    const times: number[] = [];
    let bytes = 0;
    let status = 0;
    let cpu0 = serverCpuMs();
    for (let i = 0; i < repeat; i++) {
      // The first request of a page loads its code: its CPU is left out of the per-request figure.
      if (i === 1) cpu0 = serverCpuMs();
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { cookie } });
      bytes = (await res.text()).length;
      status = res.status;
      times.push(performance.now() - t);
    }
    const cpu = (serverCpuMs() - cpu0) / Math.max(1, repeat - 1);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${p.padEnd(50)} ${status} ${(bytes / 1024).toFixed(0).padStart(6)} KB  first ${times[0].toFixed(0).padStart(5)} ms  median ${sorted[Math.floor(sorted.length / 2)].toFixed(0).padStart(5)} ms  server CPU ${cpu.toFixed(0).padStart(4)} ms/request`,
    );
  }
} finally {
  await stopServer(server);
}
