// Keel's web server: Next.js through its custom-server API (what `next start` does, plus what an
// operator needs): one JSON log line per request with its id, route, status and duration; the
// request id taken from X-Request-Id (or made up) and sent back; draining on SIGTERM/SIGINT; and
// an exit as soon as the start script that hosts the embedded database is gone.
//
// Usually started by scripts/start.ts (which checks the settings, prepares the database and
// passes DATABASE_URL); run it directly only against a prepared database:
//   PORT=3000 DATABASE_URL=… AUTH_SECRET=… node --import tsx scripts/server.ts [--dev]
import http from "node:http";
import { register } from "node:module";
import { format } from "node:util";

import next from "next";

import { withStatementCounter } from "@/lib/db-statements";
import { isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { readEnv } from "@/lib/env";
import { logger, requestContext, requestIdFrom, routeOf } from "@/lib/log";

const env = readEnv();
const dev = process.argv.includes("--dev");
const port = env.PORT ?? 3000;
const hostname = process.env.HOSTNAME?.trim() || undefined;
/** How long in-flight requests get to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 20_000;
/** How often scheduled reorgs whose day has come are looked for (besides once at start). */
const REORG_INTERVAL_MS = 5 * 60_000;

// Next.js and libraries write through console: their lines become JSON too, and a failure that
// only says "the database is unreachable" joins the outage (logged once) instead of one stack
// trace per request.
function routeConsole() {
  const toLog =
    (level: "error" | "warn" | "info") =>
    (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error);
      if (level !== "info" && args.some((a) => isDbUnavailable(a))) return reportDbUnavailable(err ?? args[0]);
      const msg = format(...args.filter((a) => a !== err)).trim();
      logger[level](err ? { err } : {}, msg || (err as Error | undefined)?.message || "");
    };
  console.error = toLog("error");
  console.warn = toLog("warn");
  console.log = toLog("info");
  console.info = toLog("info");
}

/**
 * Applies scheduled reorgs (lib/org/reorg/due-reorgs.ts) now and then on a timer; a run never
 * overlaps the previous one. Returns a function that stops the timer.
 */
async function startReorgScheduler(): Promise<() => void> {
  // lib code imported here, outside Next's bundles, must see "server-only" as the server does.
  register("./server-only-hook.mjs", import.meta.url);
  const { applyDueReorgs } = await import("@/lib/org/reorg/due-reorgs");
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await applyDueReorgs();
    } catch (error) {
      if (isDbUnavailable(error)) reportDbUnavailable(error, { job: "reorgs" });
      else logger.error({ err: error, event: "reorg.scheduler-failed" }, "applying scheduled reorgs failed");
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), REORG_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The in-process job worker (webhook deliveries, lib/jobs/worker.ts), unless
 * KEEL_JOBS_IN_PROCESS=off hands that to `npm run worker`. Returns a function that stops it,
 * letting a delivery in progress finish.
 */
/**
 * Starts the job worker, retrying with growing pauses while the database cannot be reached (a
 * database that is down when the server starts must not leave webhooks in the outbox until the
 * next restart). One warning when it first fails; the worker logs jobs.worker.started once it runs.
 */
async function startJobs(isClosing: () => boolean): Promise<() => Promise<void>> {
  if (env.KEEL_JOBS_IN_PROCESS === "off") {
    logger.info({ event: "jobs.worker.off" }, "no job worker in this process (KEEL_JOBS_IN_PROCESS=off): run `npm run worker`");
    return async () => {};
  }
  register("./server-only-hook.mjs", import.meta.url);
  const [{ db }, { jobQueue, stopJobQueue }, { startJobWorker }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/jobs/queue"),
    import("@/lib/jobs/worker"),
  ]);
  for (let attempt = 0; ; attempt++) {
    try {
      const worker = await startJobWorker({ db, boss: await jobQueue(), url: env.DATABASE_URL! });
      return async () => {
        await worker.stop();
        await stopJobQueue();
      };
    } catch (error) {
      if (isClosing()) throw error;
      if (attempt === 0) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ event: "jobs.worker.waiting", reason }, "the job worker cannot start yet; retrying (webhooks wait in the outbox)");
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, 1_000 * 2 ** attempt)).unref());
    }
  }
}

async function main() {
  routeConsole();
  const app = next({ dev, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  let closing = false;
  let inflight = 0;
  const server = http.createServer((req, res) => {
    const reqId = requestIdFrom(req.headers["x-request-id"]);
    req.headers["x-request-id"] = reqId;
    res.setHeader("X-Request-Id", reqId);
    if (closing) res.setHeader("Connection", "close");
    const started = process.hrtime.bigint();
    const route = routeOf(req.url);
    inflight++;
    let counted: { statements: number } | undefined;
    res.on("close", () => {
      inflight--;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // Static files and health probes would drown the rest: they are logged at debug.
      const quiet = route.startsWith("/_next/static/") || route.startsWith("/api/health/");
      const fields = {
        reqId,
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        // SQL statements sent while serving it (lib/db-statements.ts); read by the bench.
        statements: counted?.statements,
        aborted: !res.writableFinished || undefined,
      };
      if (quiet) logger.debug(fields, "request");
      else logger.info(fields, "request");
    });
    requestContext.run({ reqId }, () => {
      counted = withStatementCounter(() =>
        handle(req, res).catch((error: unknown) => {
          logger.error({ reqId, route, err: error }, "request failed");
          if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
        }),
      ).counted;
    });
  });
  server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  // Started after the signal handlers below: loading it takes a moment, and a SIGTERM meanwhile
  // must still drain the server.
  let stopReorgs = () => {};
  let stopJobs = async () => {};

  const shutdown = async (reason: string, code: number, drainMs = DRAIN_MS) => {
    if (closing) return;
    closing = true;
    stopReorgs();
    logger.info({ reason, inflight, event: "server.draining" }, "draining: no new connections, finishing requests in flight");
    const cut = setTimeout(() => {
      logger.warn({ inflight }, `requests still running after ${drainMs / 1000} s: closing their connections`);
      server.closeAllConnections();
    }, drainMs);
    cut.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(cut);
    await stopJobs().catch((error: unknown) =>
      logger.warn({ err: error, event: "jobs.stop-failed" }, "the job worker did not stop cleanly"),
    );
    await app.close().catch(() => {});
    logger.info({ event: "server.stopped" }, "web server stopped");
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  // Said only now: a SIGTERM sent on seeing this line must find the handlers above (before them,
  // the signal's default action killed the server outright; the lifecycle test caught it under load).
  logger.info({ port, dev, event: "server.listening" }, `Keel web server listening on port ${port}`);
  process.send?.({ type: "listening", port });
  // Started by scripts/start.ts: when it dies (and with it the embedded database), this server
  // would answer every page with an error; better to stop so a supervisor restarts the whole.
  if (process.send) {
    process.on("disconnect", () => {
      logger.fatal({ event: "server.orphaned" }, "the start script (and the database it hosts) is gone: stopping");
      void shutdown("parent gone", 1, 2_000);
    });
  }
  startReorgScheduler().then(
    (stop) => (closing ? stop() : (stopReorgs = stop)),
    (error: unknown) => logger.error({ err: error, event: "reorg.scheduler-failed" }, "the scheduled reorgs could not be started"),
  );
  startJobs(() => closing).then(
    (stop) => (closing ? void stop() : (stopJobs = stop)),
    (error: unknown) =>
      logger.error({ err: error, event: "jobs.worker.failed" }, "the job worker could not be started: webhooks wait in the outbox"),
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "web server failed to start");
  process.exit(1);
});
