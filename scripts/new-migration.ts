// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes a database migrated to the latest migration to schema.prisma. Works
// offline: a throwaway database (local PostgreSQL, else embedded PGlite) and Prisma's Wasm engine.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { diffDatabaseToSchema } from "@/scripts/schema-engine";
import { provisionTestDb } from "@/tests/support/test-db";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
const scratch = await provisionTestDb("newmig");
try {
  const sql = await diffDatabaseToSchema(scratch.url, readFileSync("prisma/schema.prisma", "utf8"));
  if (!sql) {
    console.log("schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`wrote ${dir}/migration.sql — review it, then \`npm run db:migrate\`.`);
  }
} finally {
  await scratch.drop();
}
process.exit(0);
