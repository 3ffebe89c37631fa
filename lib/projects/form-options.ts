import "server-only";

import type { Member } from "@/lib/auth";
import type { ProjectFormOptions } from "@/components/projects/project-form-dialog";
import { writableUnitIds } from "@/lib/projects/access";
import { getProjectFilterOptions } from "@/lib/projects/queries";

/**
 * Choices for the project form; a manager is only offered units inside their scope. The lead is
 * picked through the people search (app/(app)/[org]/people/search), not from a list in the page.
 */
export async function getProjectFormOptions(member: Member): Promise<ProjectFormOptions> {
  const [filters, writable] = await Promise.all([getProjectFilterOptions(member.org.id), writableUnitIds(member, "projects:write")]);
  const units = writable === "all" ? filters.units : filters.units.filter((u) => writable?.has(u.id));
  return { units, initiatives: filters.initiatives };
}
