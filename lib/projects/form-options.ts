import "server-only";

import type { Member } from "@/lib/auth";
import type { ProjectFormOptions } from "@/lib/projects/form-options-type";
import { writableUnitOptions } from "@/lib/projects/access";
import { listInitiativeOptions } from "@/lib/projects/queries";

/**
 * Choices for the project form; a manager is only offered units inside their scope. The lead is
 * picked through the people search (app/(app)/[org]/people/search), not from a list in the page.
 * The form loads them when it opens (app/(app)/[org]/projects/form-options/route.ts): the unit
 * tree and initiatives of a large org were half of the project page's RSC payload. "forbidden"
 * (403) when the role (or a manager without a scope) cannot write projects.
 */
export async function getProjectFormOptionsFor(member: Member): Promise<ProjectFormOptions | "forbidden"> {
  const [units, initiatives] = await Promise.all([writableUnitOptions(member, "projects:write"), listInitiativeOptions(member.org.id)]);
  return units === "forbidden" ? units : { units, initiatives };
}
