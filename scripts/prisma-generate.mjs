// Generates the Prisma client without downloading anything: the CLI wants a schema-engine
// path to exist even though `generate` never runs it, so point it at a stub unless the
// developer supplies a real engine.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/no-schema-engine.sh");
const prismaCli = path.resolve("node_modules/prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
