import { defineConfig } from "prisma/config";

// The URL is read leniently: `prisma generate` must work with DATABASE_URL unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
