import http from "node:http";
import https from "node:https";

import { SourceError } from "@/lib/delivery-signals/types";
import { checkLiteralHost, guardedLookup, TargetRefusedError } from "@/lib/webhooks/ssrf";

// Outbound requests to a tracker's API: https (http only where the org allows private targets,
// as for webhooks), the SSRF guard on every resolved address, no redirects, a time limit and a
// size limit. Every failure becomes a SourceError whose message the sync log shows.

const TIMEOUT_MS = 20_000;
const MAX_BYTES = 20 * 1024 * 1024;

export type JsonResponse = { status: number; body: unknown; headers: http.IncomingHttpHeaders };

function refusedToken(status: number): string {
  return `the source refused the token (HTTP ${status}): check the token and its access to this project`;
}

/** Sends one request and parses a JSON answer; throws SourceError on anything but a 2xx JSON body. */
export async function requestJson(
  url: string,
  opts: { method?: "GET" | "POST"; headers: Record<string, string>; body?: string; allowPrivate: boolean },
): Promise<JsonResponse> {
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== "https:" && !(target.protocol === "http:" && opts.allowPrivate))
      throw new TargetRefusedError("refused: the source's address must use https://");
    checkLiteralHost(target.hostname, opts.allowPrivate);
  } catch (error) {
    throw new SourceError(error instanceof TargetRefusedError ? error.message : `not a valid address: ${url}`);
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise<JsonResponse>((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: opts.method ?? "GET",
        headers: {
          accept: "application/json",
          "user-agent": "Keel-Delivery-Signals/1",
          ...(opts.body ? { "content-type": "application/json", "content-length": Buffer.byteLength(opts.body) } : {}),
          ...opts.headers,
        },
        lookup: guardedLookup(opts.allowPrivate) as never,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_BYTES) {
            req.destroy();
            reject(new SourceError(`the answer from ${target.host} is larger than ${MAX_BYTES / 1024 / 1024} MB`));
          } else chunks.push(c);
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = null;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            body = null;
          }
          if (status === 401 || status === 403) return reject(new SourceError(refusedToken(status)));
          if (status < 200 || status >= 300) {
            const detail = describeError(body);
            return reject(new SourceError(`${target.host} answered HTTP ${status}${detail ? `: ${detail}` : ""}`));
          }
          if (body === null) return reject(new SourceError(`${target.host} did not answer with JSON`));
          resolve({ status, body, headers: res.headers });
        });
        res.on("error", () => reject(new SourceError(`the answer from ${target.host} was cut off`)));
      },
    );
    req.on("timeout", () => {
      req.destroy();
      reject(new SourceError(`${target.host} did not answer within ${TIMEOUT_MS / 1000} s`));
    });
    req.on("error", (error) => {
      if (error instanceof TargetRefusedError) return reject(new SourceError(error.message));
      const code = (error as NodeJS.ErrnoException).code;
      reject(new SourceError(`could not reach ${target.host}${code ? ` (${code})` : ""}`));
    });
    req.end(opts.body);
  });
}

/** The message a service put in its error body (Jira errorMessages, GitHub message, GraphQL errors). */
export function describeError(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const b = body as { errorMessages?: unknown; message?: unknown; errors?: unknown };
  if (Array.isArray(b.errorMessages) && b.errorMessages.length) return b.errorMessages.map(String).join("; ").slice(0, 300);
  if (typeof b.message === "string") return b.message.slice(0, 300);
  if (Array.isArray(b.errors) && b.errors.length)
    return b.errors
      .map((e) => (e && typeof e === "object" && "message" in e ? String((e as { message: unknown }).message) : String(e)))
      .join("; ")
      .slice(0, 300);
  return "";
}
