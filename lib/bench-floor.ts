import "server-only";

import { db } from "@/lib/db";

/** The bench's bare page reads this: one trivial statement, no org, no session. */
export async function benchFloorRead(): Promise<number> {
  const [row] = await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
  return row.one;
}
