import { readFileSync } from "node:fs";
import path from "node:path";

import { pageError } from "./page-verdict";

// A signed-in browser session without a browser: a cookie jar, next-auth's credentials sign-in,
// page GETs, and server-action calls exactly as Next's client router makes them — POST to the
// page that renders the action, header `Next-Action: <id from the build's
// server-reference-manifest.json>`, body = the arguments as JSON (what React's encodeReply
// produces for plain values), answer = a React Flight stream whose row 0 points at the result.

export type Outcome = { ok: boolean; status: number; error?: string; result?: unknown };

export function actionIds(distDir = ".next"): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; filename: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) ids[`${entry.filename}#${entry.exportedName}`] = id;
  return ids;
}

export class Session {
  private cookies = new Map<string, string>();

  /** timeoutMs: a request not answered by then counts as failed. */
  constructor(
    readonly base: string,
    private readonly timeoutMs = 60_000,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(this.base + pathname, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    this.keep(res);
    return res;
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }).toString(),
    });
    await res.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new Error(`sign-in failed for ${email} (HTTP ${res.status})`);
    }
  }

  /** A page read: 200 and a complete document with no error boundary rendered into it. */
  async page(pathname: string): Promise<Outcome> {
    try {
      const res = await this.fetch(pathname);
      const html = await res.text();
      if (res.status !== 200) return { ok: false, status: res.status, error: `HTTP ${res.status}` };
      // A failed Suspense boundary streams in an error template (digest) after the 200 header;
      // a chart rendered on the client streams a template too, which is not an error.
      const error = pageError(html);
      if (error) return { ok: false, status: 200, error };
      if (!html.includes("</html>")) return { ok: false, status: 200, error: "truncated page" };
      return { ok: true, status: 200 };
    } catch (error) {
      return { ok: false, status: 0, error: describe(error) };
    }
  }

  /** A server action; ok only when the action itself answered `{ ok: true }`. */
  async action(pagePath: string, actionId: string, args: unknown[]): Promise<Outcome> {
    try {
      const res = await this.fetch(pagePath, {
        method: "POST",
        headers: {
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "next-action": actionId,
          origin: this.base,
        },
        body: JSON.stringify(args),
      });
      const body = await res.text();
      if (res.status !== 200) return { ok: false, status: res.status, error: `HTTP ${res.status}` };
      const result = actionResult(body);
      if (result === undefined) return { ok: false, status: 200, error: "no action result in response" };
      const r = result as { ok?: boolean; code?: string; message?: string };
      if (r.ok !== true) return { ok: false, status: 200, error: `action refused: ${r.code ?? "?"} ${r.message ?? ""}`.trim(), result };
      return { ok: true, status: 200, result };
    } catch (error) {
      return { ok: false, status: 0, error: describe(error) };
    }
  }
}

/**
 * The action's return value from a Flight response. Row 0 is `{"a": <result or "$@<row>">, …}`;
 * a referenced row holds the result as JSON. Returns undefined when there is none.
 */
function actionResult(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  const head = rows.get("0");
  if (!head) return undefined;
  let a: unknown;
  try {
    a = (JSON.parse(head) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  if (typeof a === "string" && a.startsWith("$@")) {
    const row = rows.get(a.slice(2));
    if (!row) return undefined;
    try {
      return JSON.parse(row);
    } catch {
      return undefined;
    }
  }
  return a;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.name + ": " + error.message;
  }
  return String(error);
}
