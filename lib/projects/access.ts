import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { isInSubtree } from "@/lib/org/closure";
import { listUnitTree, type UnitOption } from "@/lib/org/queries";
import type { Permission } from "@/lib/permissions";
import { grantScope } from "@/lib/scope";

/**
 * Whether to SHOW a control: the same rule the action pipeline enforces (permission table, then
 * a manager's subtree). Hiding is only a courtesy — the action refuses on its own.
 */
export async function canInUnit(member: Member, permission: Permission, orgUnitId: string): Promise<boolean> {
  const scope = grantScope(member, permission);
  if (!scope) return false;
  return scope.unitId === null || isInSubtree(db, scope.orgId, scope.unitId, orgUnitId);
}

/** The units a member may create things in: everything for org grants, their subtree for managers. */
export async function writableUnitIds(member: Member, permission: Permission): Promise<Set<string> | "all" | null> {
  const scope = grantScope(member, permission);
  if (!scope) return null;
  if (scope.unitId === null) return "all";
  const rows = await db.orgUnitClosure.findMany({
    where: { orgId: scope.orgId, ancestorId: scope.unitId },
    select: { descendantId: true },
  });
  return new Set(rows.map((r) => r.descendantId));
}

/**
 * The units a form offers for creating things (tree order; a manager only their subtree), or
 * "forbidden" when the role (or a manager without a scope) may not write: the forms' choice
 * routes answer 403 then (…/projects, …/roadmap and …/headcount form-options).
 */
export async function writableUnitOptions(member: Member, permission: Permission): Promise<UnitOption[] | "forbidden"> {
  const writable = await writableUnitIds(member, permission);
  if (!writable) return "forbidden";
  const units = await listUnitTree(member.org.id);
  return writable === "all" ? units : units.filter((u) => writable.has(u.id));
}
