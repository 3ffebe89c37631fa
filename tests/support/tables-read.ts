import pg from "pg";

import type { Db } from "@/lib/db-factory";

/**
 * The tables of the database that the SQL `run` sends mentions (as `"Table"`), recorded at the
 * driver: a computation's declared tables can then be checked against what it really reads.
 */
export async function tablesMentioned(db: Db, run: () => Promise<unknown>): Promise<{ tables: string[]; statements: number }> {
  const all = (await db.$queryRaw<{ t: string }[]>`SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()`).map(
    (r) => r.t,
  );
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    texts.push(typeof config === "string" ? config : ((config as { text?: string }).text ?? ""));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return { tables: all.filter((t) => texts.some((x) => x.includes(`"${t}"`))).sort(), statements: texts.length };
}
