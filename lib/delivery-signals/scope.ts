import { Prisma } from "@/lib/generated/prisma/client";

// The scope of a project two weeks ago, defined once (docs/figures.md `signal-scope-change`) for
// the project page's "Scope, 2 weeks" and the scope-growth health rule: the issue count Keel
// recorded after a sync on the newest day at least 14 days back (it sees issues moved into the
// query later); before Keel holds such a day, the project's issues opened on or before that day.

/** A scalar sub-select: the project's issue count two weeks ago (0 when it had none). */
export function scopeTwoWeeksAgoSql(orgId: string, projectId: string): Prisma.Sql {
  return Prisma.sql`coalesce(
    (SELECT n.total FROM "DeliverySnapshot" n WHERE n."orgId" = ${orgId} AND n."projectId" = ${projectId}
      AND n.day <= (now() AT TIME ZONE 'UTC')::date - 14 ORDER BY n.day DESC LIMIT 1),
    (SELECT count(*) FROM "DeliveryItem" i WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId} AND i.kind = 'ISSUE'
      AND i."openedAt" < (now() AT TIME ZONE 'UTC')::date - 13)::int)`;
}
