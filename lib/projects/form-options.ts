import "server-only";

import type { Member } from "@/lib/auth";
import type { ProjectFormOptions } from "@/components/projects/project-form-dialog";
import { writableUnitIds } from "@/lib/projects/access";
import { listUnitTree } from "@/lib/org/queries";
import { listInitiativeOptions } from "@/lib/projects/queries";

/**
 * Choices for the project form; a manager is only offered units inside their scope. The lead is
 * picked through the people search (app/(app)/[org]/people/search), not from a list in the page.
 */
export async function getProjectFormOptions(member: Member): Promise<ProjectFormOptions> {
  const [allUnits, initiatives, writable] = await Promise.all([listUnitTree(member.org.id), listInitiativeOptions(member.org.id), writableUnitIds(member, "projects:write")]);
  const units = writable === "all" ? allUnits : allUnits.filter((u) => writable?.has(u.id));
  return { units, initiatives };
}
