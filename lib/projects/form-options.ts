import "server-only";

import type { Member } from "@/lib/auth";
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

/** For the form's route: the member's choices, or "forbidden" (403) when their role (or a manager
 * without a scope) cannot write projects. */
export async function getProjectFormOptionsFor(member: Member): Promise<ProjectFormOptions | "forbidden"> {
  if (!(await writableUnitIds(member, "projects:write"))) return "forbidden";
  return getProjectFormOptions(member);
}
