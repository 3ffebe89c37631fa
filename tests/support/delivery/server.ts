import http from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on a free loopback port standing in for Jira, Linear and GitHub: each route
// answers a recorded payload; every request is kept so tests can check what was asked.

type Seen = { method: string; url: URL; headers: http.IncomingHttpHeaders; body: string };
export type Route = (req: Seen) => { status?: number; body: unknown; headers?: Record<string, string> };

export async function startFakeSource(route: Route) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const s: Seen = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://x"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(s);
      const answer = route(s);
      res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
