// `npm run worker`: Keel's job worker on its own (webhook deliveries), for deployments with
// several web servers: run it once or more beside them and set KEEL_JOBS_IN_PROCESS=off on the
// web servers (docs/scaling.md). Needs DATABASE_URL: the embedded database lives inside
// `npm start`, whose web server runs the worker itself. Stops on SIGTERM/SIGINT after the
// delivery in progress.
import { register } from "node:module";

import { createPrismaClient } from "@/lib/db-factory";
import { EnvError, readEnv } from "@/lib/env";
import { createJobQueue } from "@/lib/jobs/queue";
import { logger } from "@/lib/log";

async function main() {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) for (const line of error.problems) process.stderr.write(`keel worker: ${line}\n`);
    process.exit(1);
  }
  if (!env.DATABASE_URL) {
    process.stderr.write(
      "keel worker: refusing to start: DATABASE_URL is not set. With the embedded database the worker runs inside `npm start`.\n",
    );
    process.exit(1);
  }
  const db = createPrismaClient(env.DATABASE_URL);
  const boss = await createJobQueue(env.DATABASE_URL, { max: env.KEEL_DB_POOL_MAX });
  // The notification digest reads through lib code that must see "server-only" as the server does.
  register("./server-only-hook.mjs", import.meta.url);
  const { startJobWorker } = await import("@/lib/jobs/worker");
  const worker = await startJobWorker({ db, boss, url: env.DATABASE_URL });
  process.send?.({ type: "worker-ready" });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: "jobs.worker.stopping", signal }, "stopping the job worker");
    await worker.stop();
    await boss.stop({ graceful: true, timeout: 10_000, close: true });
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the job worker failed to start");
  process.exit(1);
});
