import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { diffDatabaseToSchema } from "@/scripts/schema-engine";

// Fails when prisma/schema.prisma and the database produced by prisma/migrations disagree:
// tables, columns, types, nullability, defaults, indexes, foreign keys, enums. The engine
// introspects the migrated test database and computes the SQL that would turn it into the
// schema; an empty script means no drift.

const schema = readFileSync("prisma/schema.prisma", "utf8");

describe("schema.prisma vs migrated database", () => {
  it("has no drift", async () => {
    expect(await diffDatabaseToSchema(process.env.DATABASE_URL!, schema)).toBe("");
  });

  it("detects drift when the schema changes (the check itself can fail)", async () => {
    const changed = schema
      .replace(/  location        String\?\n/, "  location        String\n")
      .replace(/  @@index\(\[orgId, dueDate\]\)\n/, "");
    expect(changed).not.toBe(schema);
    const sql = await diffDatabaseToSchema(process.env.DATABASE_URL!, changed);
    expect(sql).toMatch(/ALTER TABLE "Person" ALTER COLUMN "location" SET NOT NULL/);
    expect(sql).toMatch(/DROP INDEX "Milestone_orgId_dueDate_idx"/);
  });
});
