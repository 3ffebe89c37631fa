import http from "node:http";
import https from "node:https";

import { checkLiteralHost, guardedLookup, TargetRefusedError } from "@/lib/webhooks/ssrf";

export type PostResult = {
  /** The HTTP status, or null when no response came (refused, unreachable, timed out). */
  status: number | null;
  durationMs: number;
  error: string | null;
  /** A refusal that no retry can change (the SSRF guard, a bad URL). */
  permanent: boolean;
};

/**
 * POSTs a signed body to an endpoint: https (http only where private targets are allowed), no
 * redirects followed, the SSRF guard on every resolved address, one time limit for the attempt.
 * Never throws: the outcome is the result.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowPrivate: boolean; timeoutMs: number },
): Promise<PostResult> {
  const started = performance.now();
  const done = (status: number | null, error: string | null, permanent = false): PostResult => ({
    status,
    durationMs: Math.round(performance.now() - started),
    error,
    permanent,
  });
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== "https:" && !(target.protocol === "http:" && opts.allowPrivate))
      throw new TargetRefusedError("refused: the endpoint must use https://");
    checkLiteralHost(target.hostname, opts.allowPrivate);
  } catch (error) {
    return done(null, error instanceof TargetRefusedError ? error.message : "refused: not a valid URL", true);
  }
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const client = target.protocol === "https:" ? https : http;
    const req = client.request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Keel-Webhooks/1",
        },
        lookup: guardedLookup(opts.allowPrivate) as never,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // The body is not kept: only the status says whether the receiver took the event.
        res.resume();
        res.on("end", () => finish(done(status, status >= 200 && status < 300 ? null : `HTTP ${status}`)));
        res.on("error", () => finish(done(status, `HTTP ${status}`)));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(done(null, `timed out after ${opts.timeoutMs / 1000} s`));
    }, opts.timeoutMs);
    req.on("error", (error) => {
      if (error instanceof TargetRefusedError) return finish(done(null, error.message, true));
      const code = (error as NodeJS.ErrnoException).code;
      finish(done(null, code ? `${code}: ${error.message}` : error.message));
    });
    req.end(body);
  });
}
