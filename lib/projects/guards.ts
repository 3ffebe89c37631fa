import type { ActionContext } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";

// Shared lookups for project mutations. Every lookup is tenant-scoped ({ id, orgId }) so an id
// from another org is NOT_FOUND, and the owning unit is checked against a manager's scope.

export const PROJECT_AUDIT_SELECT = {
  id: true,
  name: true,
  description: true,
  orgUnitId: true,
  leadId: true,
  initiativeId: true,
  status: true,
  health: true,
  startDate: true,
  targetDate: true,
  completedDate: true,
  budgetCents: true,
  capex: true,
  archivedAt: true,
  version: true,
} as const;

/** The project, if it is in this org and (for managers) inside their scope. */
export async function projectInScopeOrThrow(ctx: ActionContext, id: string) {
  const project = await ctx.tx.project.findFirst({ where: { id, orgId: ctx.org.id }, select: PROJECT_AUDIT_SELECT });
  if (!project) throw new AppError("NOT_FOUND", "That project does not exist.");
  await ctx.assertUnitInScope(project.orgUnitId);
  return project;
}

/** Lead, team and initiative must be records of this org; a foreign id is a field error. */
export async function assertProjectRefs(
  ctx: ActionContext,
  refs: { orgUnitId: string; leadId: string | null; initiativeId: string | null },
) {
  const orgId = ctx.org.id;
  const [unit, lead, initiative] = await Promise.all([
    ctx.tx.orgUnit.findFirst({ where: { id: refs.orgUnitId, orgId }, select: { id: true } }),
    refs.leadId ? ctx.tx.person.findFirst({ where: { id: refs.leadId, orgId }, select: { id: true } }) : null,
    refs.initiativeId ? ctx.tx.initiative.findFirst({ where: { id: refs.initiativeId, orgId }, select: { id: true } }) : null,
  ]);
  const errors: Record<string, string[]> = {};
  if (!unit) errors.orgUnitId = ["That team does not exist in this organization."];
  if (refs.leadId && !lead) errors.leadId = ["That person does not exist in this organization."];
  if (refs.initiativeId && !initiative) errors.initiativeId = ["That initiative does not exist in this organization."];
  if (Object.keys(errors).length) throw invalid(errors);
}

export const dateOrNull = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** Only the fields that changed, for a readable audit trail. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v);
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (key === "version") continue;
    if (norm(before[key]) !== norm(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
