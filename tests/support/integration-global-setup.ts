import type { TestProject } from "vitest/node";

import { provisionTestDb, type TestDb } from "./test-db";

// Integration tests run against a real PostgreSQL. `npm test` passes a migrated throwaway
// database in KEEL_TEST_DATABASE_URL; running vitest directly provisions one here. Test files
// run side by side, one per worker, and each worker has a database of its own (the first is
// that one, the others are provisioned here), so one file's TRUNCATE never meets another's rows.
const provisioned: TestDb[] = [];

declare module "vitest" {
  export interface ProvidedContext {
    /** One per worker: VITEST_POOL_ID 1 uses the first. */
    databaseUrls: string[];
    dbPoolMax: string;
  }
}

export async function setup(project: TestProject) {
  let url = process.env.KEEL_TEST_DATABASE_URL;
  let poolMax = process.env.KEEL_DB_POOL_MAX ?? "";
  if (!url) {
    const db = await provisionTestDb("it");
    provisioned.push(db);
    url = db.url;
    if (db.kind === "embedded") poolMax = "1";
  }
  const urls = [url];
  for (let worker = 2; worker <= (project.config.maxWorkers ?? 1); worker++) {
    const db = await provisionTestDb(`it${worker}`);
    provisioned.push(db);
    urls.push(db.url);
  }
  project.provide("databaseUrls", urls);
  project.provide("dbPoolMax", poolMax);
}

export async function teardown() {
  for (const db of provisioned) await db.drop();
}
