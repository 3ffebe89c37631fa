// `tsx scripts/bench/probe.ts <scale> [path…]`: one request at a time against a running bench
// database — status, bytes and time per page — to see where a page spends before load-testing.
import { ensureDb, signIn, startServer, stopServer } from "./setup";

const scale = Number(process.argv[2] ?? "0.1");
const port = Number(process.env.BENCH_PORT ?? "3305");
const db = await ensureDb(scale, false, console.error);
const server = await startServer(db.url, port);
try {
  const cookie = await signIn(`http://127.0.0.1:${port}`, "director@large.example", "keel-demo");
  const paths = process.argv.slice(3);
  for (const p of paths.length ? paths : ["/large/me", "/large/dashboard", "/large/budgets?period=year", "/large/projects?status=ACTIVE&health=AT_RISK", "/large/roadmap", "/large/headcount"]) {
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { cookie } });
      const body = await res.text();
      console.log(`${p.padEnd(50)} ${res.status} ${(body.length / 1024).toFixed(0).padStart(6)} KB ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
    }
  }
} finally {
  await stopServer(server);
}
