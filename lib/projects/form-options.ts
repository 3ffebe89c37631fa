import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import type { ProjectFormOptions } from "@/components/projects/project-form-dialog";
import { writableUnitIds } from "@/lib/projects/access";
import { listUnitTree } from "@/lib/org/queries";
import { listInitiativeOptions } from "@/lib/projects/queries";

/**
 * Choices for the project form; a manager is only offered units inside their scope. The lead is
 * picked through the people search (app/(app)/[org]/people/search), not from a list in the page.
 * The form loads them when it opens (app/(app)/[org]/projects/form-options/route.ts): the unit
 * tree and initiatives of a large org were half of the project page's RSC payload.
 */
export async function getProjectFormOptions(member: Member): Promise<ProjectFormOptions> {
  const [allUnits, initiatives, writable] = await Promise.all([listUnitTree(member.org.id), listInitiativeOptions(member.org.id), writableUnitIds(member, "projects:write")]);
  const units = writable === "all" ? allUnits : allUnits.filter((u) => writable?.has(u.id));
  return { units, initiatives };
}

/**
 * The form's choices for a signed-in user in the org with this slug, for the form's route: null
 * when the user is not a member (404), "forbidden" when their role (or a manager without a scope)
 * cannot write projects (403). Role and scope come from the membership row, never the client.
 */
export async function getProjectFormOptionsForUser(userId: string, orgSlug: string): Promise<ProjectFormOptions | "forbidden" | null> {
  const m = await db.membership.findFirst({
    where: { userId, org: { slug: orgSlug } },
    select: { role: true, scopeUnitId: true, org: { select: { id: true, slug: true } } },
  });
  if (!m) return null;
  const member = { org: { id: m.org.id, slug: m.org.slug }, user: { id: userId }, role: m.role, scopeUnitId: m.scopeUnitId } as Member;
  if (!(await writableUnitIds(member, "projects:write"))) return "forbidden";
  return getProjectFormOptions(member);
}
