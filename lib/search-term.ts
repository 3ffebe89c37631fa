/**
 * A typed search box value as a Prisma `contains` term: trimmed, at most 100 characters, and
 * LIKE's wildcards and escape character escaped (`contains` passes them through, so a typed "%"
 * or "_" would otherwise match anything). Empty means "no filter".
 */
export function likeTerm(q: string): string {
  return q
    .trim()
    .slice(0, 100)
    .replace(/[\\%_]/g, "\\$&");
}
