import type { TestProject } from "vitest/node";

import { provisionTestDb, type TestDb } from "./test-db";

// Integration tests run against a real PostgreSQL. `npm test` passes a migrated throwaway
// database in KEEL_TEST_DATABASE_URL; running vitest directly provisions one here.
let provisioned: TestDb | null = null;

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dbPoolMax: string;
  }
}

export async function setup(project: TestProject) {
  let url = process.env.KEEL_TEST_DATABASE_URL;
  let poolMax = process.env.KEEL_DB_POOL_MAX ?? "";
  if (!url) {
    provisioned = await provisionTestDb("it");
    url = provisioned.url;
    if (provisioned.kind === "embedded") poolMax = "1";
  }
  project.provide("databaseUrl", url);
  project.provide("dbPoolMax", poolMax);
}

export async function teardown() {
  await provisioned?.drop();
}
