import type { Db } from "@/lib/db-factory";

// Where a signed-in user lands: the org they last opened (or joined), if they still belong to
// it; otherwise the one they joined first. Never alphabetical order, which another org's admin
// could game by renaming their org to sort first.

export async function landingOrgSlug(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ slug: string }[]>`
    SELECT o.slug
    FROM "Membership" m
    JOIN "Organization" o ON o.id = m."orgId"
    JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = ${userId}
    ORDER BY (m."orgId" = u."lastOrgId") IS TRUE DESC, m."createdAt" ASC, m.id ASC
    LIMIT 1`;
  return row?.slug ?? null;
}

/** Remembers the org a user opened, when it changed (one UPDATE that finds nothing otherwise). */
export async function rememberOrg(db: Db, userId: string, orgId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, OR: [{ lastOrgId: null }, { lastOrgId: { not: orgId } }] }, data: { lastOrgId: orgId } });
}
