import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SQL of the latest update of each project of proj that nobody has acknowledged (glossary
 * `awaiting-acknowledgement`; earlier ones are superseded), with its reviewer: the lead's manager,
 * else the owning unit's lead — and when that person wrote the update, their own manager, so
 * nobody is asked to acknowledge their own update. An update with nobody (signed up) there to
 * review it, such as one by the person at the top of the reporting line, needs no acknowledgement:
 * it is not a row, so every row is in someone's queue. The bell (lib/projects/bell.ts) counts the same rows.
 * `projects` (id, name, orgUnitId, leadId) defaults to the proj CTE.
 */
export function awaitingSql(orgId: string, projects: Prisma.Sql = Prisma.sql`proj`): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id, p.id AS "projectId", p.name AS "projectName", s.health::text AS health, s.summary, s."authorId", s."createdAt",
           CASE WHEN r."userId" = s."authorId" THEN rm."userId" ELSE r."userId" END AS "reviewerUserId",
           CASE WHEN r."userId" = s."authorId" THEN rm.name ELSE r.name END AS "reviewerName"
    FROM ${projects} p
    CROSS JOIN LATERAL (
      SELECT su.id, su.health, su.summary, su."authorId", su."createdAt", su."acknowledgedAt" FROM "StatusUpdate" su
      WHERE su."orgId" = ${orgId} AND su."projectId" = p.id
      ORDER BY su."createdAt" DESC LIMIT 1
    ) s
    JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = ${orgId}
    LEFT JOIN "Person" l ON l.id = p."leadId" AND l."orgId" = ${orgId}
    LEFT JOIN "Person" lm ON lm.id = l."managerId" AND lm."orgId" = ${orgId}
    LEFT JOIN "Person" ul ON ul.id = u."leadId" AND ul."orgId" = ${orgId}
    LEFT JOIN "Person" r ON r.id = CASE WHEN lm."userId" IS NOT NULL THEN lm.id ELSE ul.id END AND r."orgId" = ${orgId}
    LEFT JOIN "Person" rm ON rm.id = r."managerId" AND rm."orgId" = ${orgId}
    WHERE s."acknowledgedAt" IS NULL AND (CASE WHEN r."userId" = s."authorId" THEN rm."userId" ELSE r."userId" END) IS NOT NULL`;
}
