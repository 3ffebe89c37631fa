import "server-only";

import type { Member } from "@/lib/auth";
import type { ProjectFormOptions } from "@/components/projects/project-form-dialog";
import { db } from "@/lib/db";
import { writableUnitIds } from "@/lib/projects/access";
import { getProjectFilterOptions, listPeopleOptions } from "@/lib/projects/queries";

/** At most this many people in a lead picker; a large org has thousands. */
const PEOPLE_LIMIT = 300;

/**
 * Choices for the project form; a manager is only offered units inside their scope. Editing an
 * existing project (`around`), the lead picker offers the people of the project's department
 * (the parent of its unit, whole subtree) plus the current lead, not every person of the org.
 */
export async function getProjectFormOptions(member: Member, around?: { unitId: string; leadId: string | null }): Promise<ProjectFormOptions> {
  const [filters, people, writable] = await Promise.all([
    getProjectFilterOptions(member.org.id),
    around ? listPeopleAround(member.org.id, around.unitId, around.leadId) : listPeopleOptions(member.org.id),
    writableUnitIds(member, "projects:write"),
  ]);
  const units = writable === "all" ? filters.units : filters.units.filter((u) => writable?.has(u.id));
  return { units, people, initiatives: filters.initiatives };
}

async function listPeopleAround(orgId: string, unitId: string, leadId: string | null): Promise<{ id: string; name: string }[]> {
  return db.$queryRaw<{ id: string; name: string }[]>`
    WITH root AS (
      SELECT COALESCE(u."parentId", u.id) AS id FROM "OrgUnit" u WHERE u."orgId" = ${orgId} AND u.id = ${unitId}
    ),
    near AS (
      SELECT p.id, p.name FROM "Person" p
      JOIN "OrgUnitClosure" c ON c."orgId" = ${orgId} AND c."descendantId" = p."orgUnitId"
      JOIN root ON c."ancestorId" = root.id
      WHERE p."orgId" = ${orgId} AND p."endDate" IS NULL
      ORDER BY p.name
      LIMIT ${PEOPLE_LIMIT}
    )
    SELECT id, name FROM near
    UNION
    SELECT p.id, p.name FROM "Person" p WHERE p."orgId" = ${orgId} AND p.id = ${leadId}
    ORDER BY name`;
}
