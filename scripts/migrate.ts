// `npm run db:migrate`: apply prisma/migrations to the database named by DATABASE_URL.
import { readEnv } from "@/lib/env";
import { migrate } from "@/lib/migrate";

const url = readEnv().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (`npm start` migrates the embedded database by itself.)");
  process.exit(1);
}
const { applied, alreadyApplied } = await migrate(url, undefined, (line) => console.log(line));
console.log(`migrations: ${applied.length} applied, ${alreadyApplied} already up to date`);
