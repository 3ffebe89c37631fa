import "server-only";

import { auditRow } from "@/lib/action/audit-row";
import { type ApiScope, scopeForPermission } from "@/lib/api/scopes";
import type { ActionContext, PublicActionContext, Session, UserActionContext } from "@/lib/action/types";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkOrgMoneyLimitsOrThrow, type MoneyKind } from "@/lib/money-limit";
import { isInSubtree } from "@/lib/org/closure";
import { grantFor, readsPay, type Permission } from "@/lib/permissions";

// The session strategies of the one pipeline (lib/action/build.ts): how the caller is
// established and authorized, and what the handler's context offers. Parsing, the transaction,
// the audit guard and the result are the pipeline's, the same for all three.

/**
 * Who called: the user from the session cookie (or given to `run`), and the org slug for org
 * actions. `scopes`: the call comes through a personal API token (lib/route-guard.ts withToken),
 * whose scopes narrow what the user's role allows.
 */
export type Caller = { userId: string | null; orgSlug: string; scopes?: readonly string[] };

export type Strategy<C> = {
  kind: Session;
  /** What the action registry records: the permission, or the session kind when there is none. */
  registered: Permission | "self" | "public";
  /** Refuse a caller without a session (UNAUTHENTICATED) before the input is parsed. */
  needsUser: boolean;
  /** What a failure is logged with. `userId` undefined = the session could not be read. */
  logContext(caller: { userId?: string | null; orgSlug: string }): Record<string, unknown>;
  /**
   * After parsing, outside the transaction: the caller's authority, or a thrown AppError.
   * Returns the handler's context for a transaction and the orgs it has written audit rows for
   * (none: the write is refused; each: its stored figures are refreshed before the commit).
   */
  authorize(caller: Caller, name: string): Promise<(tx: Tx) => { ctx: C; auditedOrgs(): string[]; verify?(input: unknown): Promise<void> }>;
};

const PAY_SCOPE: ApiScope = "compensation:read";

const ORG_SELECT = { id: true, slug: true, currency: true, fiscalYearStartMonth: true, financeReadsPay: true } as const;

export function orgSession(permission: Permission, moneyChecked?: MoneyKind[]): Strategy<ActionContext> {
  return {
    kind: "org",
    registered: permission,
    needsUser: true,
    logContext: ({ orgSlug, userId }) => (userId === undefined ? { orgSlug } : { orgSlug, userId }),
    async authorize({ userId, orgSlug, scopes }, name) {
      if (!userId) throw new AppError("UNAUTHENTICATED");
      // Membership is read fresh from the database on every call; an org the user does not
      // belong to is reported exactly like one that does not exist.
      const membership = await db.membership.findFirst({
        where: { userId, org: { slug: String(orgSlug) } },
        select: { role: true, scopeUnitId: true, org: { select: ORG_SELECT } },
      });
      if (!membership) throw new AppError("NOT_FOUND");
      const grant = grantFor(membership.role, permission);
      if (!grant) throw new AppError("FORBIDDEN");
      if (grant === "scope" && !membership.scopeUnitId) throw new AppError("FORBIDDEN");
      if (scopes) {
        const needed = scopeForPermission(permission);
        if (!needed) throw new AppError("FORBIDDEN", "No API token may do this.");
        if (!scopes.includes(needed)) throw new AppError("FORBIDDEN", `This token lacks the scope ${needed}.`);
      }
      const { org, role, scopeUnitId } = membership;
      // A token narrows pay like any other read: its user's role must read pay and the token must
      // carry compensation:read (lib/api/tokens.ts principalReadsPay), in every action it runs.
      const actorReadsPay = readsPay(role, org) && (!scopes || scopes.includes(PAY_SCOPE));

      return (tx) => {
        let audited = false;
        const ctx: ActionContext = {
          tx,
          org,
          actor: { userId, role, scopeUnitId, readsPay: actorReadsPay },
          grant,
          may: (other) => {
            if (!grantFor(role, other)) return false;
            if (!scopes) return true;
            const needed = scopeForPermission(other);
            return needed !== null && scopes.includes(needed);
          },
          async assertUnitInScope(orgUnitId) {
            if (grant === "org") return;
            if (!scopeUnitId || !(await isInSubtree(tx, org.id, scopeUnitId, orgUnitId))) {
              throw new AppError("FORBIDDEN", "That is outside the part of the organization you manage.");
            }
          },
          async audit(event) {
            audited = true;
            await tx.auditEvent.create({ data: auditRow(org.id, userId, name, event) });
          },
        };
        return {
          ctx,
          auditedOrgs: () => (audited ? [org.id] : []),
          // No write may take an org's money past the limit that keeps every figure exact (lib/money-limit.ts).
          verify: (input) => checkOrgMoneyLimitsOrThrow(tx, org.id, input, org.currency, moneyChecked),
        };
      };
    },
  };
}

/**
 * Changes to the signed-in user's own account (not to an org's data). There is no permission
 * step because the subject is always the caller; the handler must only ever touch
 * `ctx.user.id`'s rows.
 */
export const selfSession: Strategy<UserActionContext> = {
  kind: "self",
  registered: "self",
  needsUser: true,
  logContext: ({ userId }) => (userId === undefined ? {} : { userId }),
  async authorize({ userId }, name) {
    if (!userId) throw new AppError("UNAUTHENTICATED");
    return (tx) => {
      const orgIds = new Set<string>();
      const ctx: UserActionContext = {
        tx,
        user: { id: userId },
        async audit({ orgId, ...event }) {
          const orgs = await tx.membership.findMany({ where: { userId, ...(orgId ? { orgId } : {}) }, select: { orgId: true } });
          if (orgs.length === 0) throw new AppError("FORBIDDEN", "Your account is not a member of any organization.");
          for (const o of orgs) orgIds.add(o.orgId);
          await tx.auditEvent.createMany({ data: orgs.map(({ orgId }) => auditRow(orgId, userId, name, event)) });
        },
      };
      return { ctx, auditedOrgs: () => [...orgIds] };
    };
  },
};

/**
 * The few mutations made before the caller is a member of any org (accepting an invitation):
 * no session or permission step. The handler must establish authority from the input itself
 * (e.g. a single-use token) and scope every query by the org that authority names.
 */
export const publicSession: Strategy<PublicActionContext> = {
  kind: "public",
  registered: "public",
  needsUser: false,
  logContext: () => ({}),
  async authorize(_caller, name) {
    return (tx) => {
      const orgIds = new Set<string>();
      const ctx: PublicActionContext = {
        tx,
        async audit({ orgId, actorId, ...event }) {
          orgIds.add(orgId);
          await tx.auditEvent.create({ data: auditRow(orgId, actorId, name, event) });
        },
      };
      return { ctx, auditedOrgs: () => [...orgIds] };
    };
  },
};
