import "server-only";

import { z } from "zod";

import type { ActionResult, FieldErrors } from "@/lib/action-result";
import { db, type Tx } from "@/lib/db";
import { DB_UNAVAILABLE_MESSAGE, isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import type { Role } from "@/lib/generated/prisma/enums";
import { checkOrgMoneyLimitsOrThrow, type MoneyKind } from "@/lib/money-limit";
import { isInSubtree } from "@/lib/org/closure";
import { grantFor, readsPay, type Grant, type Permission } from "@/lib/permissions";

// The one pipeline every mutation goes through:
//   session → zod parse → permission → tenant-scoped work in one transaction → AuditEvent → result.
// Server actions ('use server' files under lib/<area>/actions.ts) are thin wrappers that call
// `action(orgSlug, input)`. Tests call `action.run(userId, orgSlug, input)` with an explicit
// user id: the same pipeline minus reading the session cookie.

export type { ActionResult, FieldErrors } from "@/lib/action-result";

export type AuditInput = {
  action?: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

export type ActionContext = {
  tx: Tx;
  org: { id: string; slug: string; currency: string; fiscalYearStartMonth: number };
  actor: { userId: string; role: Role; scopeUnitId: string | null; readsPay: boolean };
  grant: Grant;
  /** Throws FORBIDDEN unless the actor may write inside this org unit (always true for org grants). */
  assertUnitInScope(orgUnitId: string): Promise<void>;
  /** Records an AuditEvent row in the same transaction. Every action must record at least one. */
  audit(event: AuditInput): Promise<void>;
};

type ActionDef<S extends z.ZodType, T> = {
  /** Audit action name, e.g. "org.settings.update". */
  name: string;
  permission: Permission;
  input: S;
  handler: (ctx: ActionContext, input: z.output<S>) => Promise<T>;
  /**
   * Transaction timeout in ms (Prisma's default is 5 s). Only for actions that must write a
   * large batch atomically, e.g. a 100,000-line ledger import.
   */
  timeoutMs?: number;
  /** Kinds of money the handler itself holds to the org-wide limit (row by row), so the pipeline need not sum them again. */
  moneyChecked?: MoneyKind[];
};

export type Action<S extends z.ZodType, T> = ((orgSlug: string, input: z.input<S> | unknown) => Promise<ActionResult<T>>) & {
  run: (userId: string | null, orgSlug: string, input: unknown) => Promise<ActionResult<T>>;
  actionName: string;
  permission: Permission;
};

/** Actions registered so far: the authorization matrix test enumerates them. */
export const actionRegistry = new Map<string, { permission: Permission | "public" | "self" }>();

/**
 * Collects messages per field. A Map, then own properties: a field named by the caller
 * ("constructor", "__proto__") must not reach Object.prototype.
 */
function collectFieldErrors(entries: Iterable<[string, string]>): FieldErrors {
  const byField = new Map<string, string[]>();
  for (const [key, message] of entries) {
    const list = byField.get(key);
    if (list) list.push(message);
    else byField.set(key, [message]);
  }
  return Object.fromEntries(byField);
}

const issueEntries = (error: z.ZodError): [string, string][] =>
  error.issues.map((issue) => [issue.path.length ? issue.path.join(".") : "_form", issue.message]);

// PostgreSQL text cannot hold NUL, and jsonb (the audit trail) refuses a lone UTF-16 surrogate:
// either would fail deep inside the transaction as an internal error. They are refused up front,
// for every field of every action, naming the field.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = "Contains a character that cannot be saved (a NUL byte or a broken Unicode sequence).";

function unstorablePaths(value: unknown, path: string[], out: string[]): string[] {
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) out.push(path.length ? path.join(".") : "_form");
  } else if (value && typeof value === "object" && path.length < 8) {
    for (const [key, v] of Object.entries(value)) unstorablePaths(v, [...path, key], out);
  }
  return out;
}

/** The parsed input, or zod's field errors plus any unstorable characters. */
function parseInput<S extends z.ZodType>(schema: S, rawInput: unknown): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
  const unstorable = unstorablePaths(rawInput, [], []);
  const parsed = schema.safeParse(rawInput);
  if (parsed.success && unstorable.length === 0) return { ok: true, data: parsed.data };
  const issues = parsed.success ? [] : issueEntries(parsed.error);
  return { ok: false, fieldErrors: collectFieldErrors([...issues, ...unstorable.map((p): [string, string] => [p, UNSTORABLE_MESSAGE])]) };
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (value === undefined || value === null) return Prisma.JsonNull;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

// How long an action may wait for a pooled connection before giving up (Prisma's default is 2 s).
// Page reads queue for a connection without a limit; with the 2 s default a busy server refused
// writes (P2028, "Unable to start a transaction") while reads still went through — found by
// `npm run loadtest`. Waiting longer turns load into latency rather than refused writes.
const TX_MAX_WAIT_MS = 10_000;

/** The AuditEvent row every pipeline writes (org, actor, and the event as recorded). */
function auditRow(orgId: string, actorId: string | null, defaultAction: string, event: AuditInput) {
  return {
    orgId,
    actorId,
    action: event.action ?? defaultAction,
    entityType: event.entityType,
    entityId: event.entityId,
    before: toJson(event.before),
    after: toJson(event.after),
  };
}

function fail<T>(code: AppErrorCode | "INTERNAL", message: string, fieldErrors?: FieldErrors): ActionResult<T> {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Known errors become their message; anything else is logged with context and kept generic. */
function toFailure<T>(name: string, error: unknown, context: Record<string, unknown>): ActionResult<T> {
  if (error instanceof AppError) return fail(error.code, error.message, error.fieldErrors);
  // The database refuses to put anything into a closed org unit (migration org_tree_editing),
  // whichever action tried: the unit's name and code come with the refusal.
  const closedUnit = error instanceof Error ? /keel_unit_closed:([^`\n]+)/.exec(error.message)?.[1] : undefined;
  if (closedUnit) return fail("VALIDATION", `${closedUnit} is closed: choose an open unit.`);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return fail("NOT_FOUND", "Not found.");
    if (error.code === "P2002") return fail("CONFLICT", "That already exists.");
  }
  if (isDbUnavailable(error)) {
    reportDbUnavailable(error, { action: name });
    return fail("INTERNAL", `${DB_UNAVAILABLE_MESSAGE} Nothing was saved.`);
  }
  logger.error({ ...context, action: name, err: error }, "action failed");
  return fail("INTERNAL", "Something went wrong on our side. Nothing was saved; please try again.");
}

export function defineAction<S extends z.ZodType, T>(def: ActionDef<S, T>): Action<S, T> {
  actionRegistry.set(def.name, { permission: def.permission });

  const run = async (userId: string | null, orgSlug: string, rawInput: unknown): Promise<ActionResult<T>> => {
    try {
      if (!userId) throw new AppError("UNAUTHENTICATED");
      const parsed = parseInput(def.input, rawInput);
      if (!parsed.ok) return fail("VALIDATION", "Please correct the highlighted fields.", parsed.fieldErrors);
      // Membership is read fresh from the database on every call; an org the user does not
      // belong to is reported exactly like one that does not exist.
      const membership = await db.membership.findFirst({
        where: { userId, org: { slug: String(orgSlug) } },
        select: {
          role: true,
          scopeUnitId: true,
          org: { select: { id: true, slug: true, currency: true, fiscalYearStartMonth: true, financeReadsPay: true } },
        },
      });
      if (!membership) throw new AppError("NOT_FOUND");
      const grant = grantFor(membership.role, def.permission);
      if (!grant) throw new AppError("FORBIDDEN");
      if (grant === "scope" && !membership.scopeUnitId) throw new AppError("FORBIDDEN");

      const data = await db.$transaction(async (tx) => {
        let audited = 0;
        const ctx: ActionContext = {
          tx,
          org: membership.org,
          actor: { userId, role: membership.role, scopeUnitId: membership.scopeUnitId, readsPay: readsPay(membership.role, membership.org) },
          grant,
          async assertUnitInScope(orgUnitId) {
            if (grant === "org") return;
            if (!membership.scopeUnitId || !(await isInSubtree(tx, membership.org.id, membership.scopeUnitId, orgUnitId))) {
              throw new AppError("FORBIDDEN", "That is outside the part of the organization you manage.");
            }
          },
          async audit(event) {
            audited++;
            await tx.auditEvent.create({ data: auditRow(membership.org.id, userId, def.name, event) });
          },
        };
        const result = await def.handler(ctx, parsed.data);
        if (audited === 0) throw new Error(`Action ${def.name} wrote no audit event`);
        // No write may take an org's money past the limit that keeps every figure exact (lib/money-limit.ts).
        await checkOrgMoneyLimitsOrThrow(tx, membership.org.id, parsed.data, membership.org.currency, def.moneyChecked);
        return result;
      }, { maxWait: TX_MAX_WAIT_MS, ...(def.timeoutMs ? { timeout: def.timeoutMs } : {}) });
      return { ok: true, data };
    } catch (error) {
      return toFailure(def.name, error, { orgSlug, userId });
    }
  };

  const action = (async (orgSlug: string, input: unknown) => {
    const { getSessionUser } = await import("@/lib/auth");
    let userId: string | null;
    try {
      // Reading the session hits the database: when it is unreachable (e.g. restarting) the
      // caller gets the same typed failure as from inside the pipeline, not an HTTP 500.
      userId = (await getSessionUser())?.id ?? null;
    } catch (error) {
      return toFailure<T>(def.name, error, { orgSlug });
    }
    return run(userId, orgSlug, input);
  }) as Action<S, T>;
  action.run = run;
  action.actionName = def.name;
  action.permission = def.permission;
  return action;
}

export type UserActionContext = {
  tx: Tx;
  user: { id: string };
  /**
   * Records the event once in every org the user belongs to (a user-level change, such as a
   * password change, concerns each org whose data the user can reach), in the same
   * transaction. A user with no membership has no audit trail to write to and is refused.
   * With `orgId`, only in that org (which the user must belong to): a change that concerns one
   * org, such as joining it, is not announced to the user's other orgs.
   */
  audit(event: AuditInput & { orgId?: string }): Promise<void>;
};

/**
 * The same pipeline for changes to the signed-in user's own account (not to an org's data):
 * session → zod parse → one transaction → AuditEvent in each of the user's orgs → typed result.
 * There is no permission step because the subject is always the caller; the handler must only
 * ever touch `ctx.user.id`'s rows.
 */
export function defineUserAction<S extends z.ZodType, T>(def: {
  name: string;
  input: S;
  handler: (ctx: UserActionContext, input: z.output<S>) => Promise<T>;
}) {
  actionRegistry.set(def.name, { permission: "self" });
  const run = async (userId: string | null, rawInput: unknown): Promise<ActionResult<T>> => {
    try {
      if (!userId) throw new AppError("UNAUTHENTICATED");
      const parsed = parseInput(def.input, rawInput);
      if (!parsed.ok) return fail("VALIDATION", "Please correct the highlighted fields.", parsed.fieldErrors);
      const data = await db.$transaction(async (tx) => {
        let audited = 0;
        const ctx: UserActionContext = {
          tx,
          user: { id: userId },
          async audit({ orgId, ...event }) {
            const orgs = await tx.membership.findMany({ where: { userId, ...(orgId ? { orgId } : {}) }, select: { orgId: true } });
            if (orgs.length === 0) throw new AppError("FORBIDDEN", "Your account is not a member of any organization.");
            audited += orgs.length;
            await tx.auditEvent.createMany({ data: orgs.map(({ orgId }) => auditRow(orgId, userId, def.name, event)) });
          },
        };
        const result = await def.handler(ctx, parsed.data);
        if (audited === 0) throw new Error(`Action ${def.name} wrote no audit event`);
        return result;
      }, { maxWait: TX_MAX_WAIT_MS });
      return { ok: true, data };
    } catch (error) {
      return toFailure(def.name, error, { userId });
    }
  };
  const action = async (input: unknown): Promise<ActionResult<T>> => {
    const { getSessionUser } = await import("@/lib/auth");
    let userId: string | null;
    try {
      // As in defineAction: an unreachable database while reading the session is a typed failure.
      userId = (await getSessionUser())?.id ?? null;
    } catch (error) {
      return toFailure<T>(def.name, error, {});
    }
    return run(userId, input);
  };
  action.run = run;
  action.actionName = def.name;
  action.isUserAction = true as const;
  return action;
}

export type PublicActionContext = {
  tx: Tx;
  /** Records an AuditEvent row in the same transaction; the handler names org and actor. */
  audit(event: AuditInput & { orgId: string; actorId: string | null }): Promise<void>;
};

/**
 * The same pipeline for the few mutations made before the caller is a member of any org
 * (accepting an invitation): zod parse → one transaction → AuditEvent → typed result, with no
 * session or permission step. The handler must establish authority from the input itself
 * (e.g. a single-use token) and scope every query by the org that authority names.
 */
export function definePublicAction<S extends z.ZodType, T>(def: {
  name: string;
  input: S;
  handler: (ctx: PublicActionContext, input: z.output<S>) => Promise<T>;
}) {
  actionRegistry.set(def.name, { permission: "public" });
  const action = async (rawInput: unknown): Promise<ActionResult<T>> => {
    try {
      const parsed = parseInput(def.input, rawInput);
      if (!parsed.ok) return fail("VALIDATION", "Please correct the highlighted fields.", parsed.fieldErrors);
      const data = await db.$transaction(async (tx) => {
        let audited = 0;
        const result = await def.handler(
          {
            tx,
            async audit({ orgId, actorId, ...event }) {
              audited++;
              await tx.auditEvent.create({ data: auditRow(orgId, actorId, def.name, event) });
            },
          },
          parsed.data,
        );
        if (audited === 0) throw new Error(`Action ${def.name} wrote no audit event`);
        return result;
      }, { maxWait: TX_MAX_WAIT_MS });
      return { ok: true, data };
    } catch (error) {
      return toFailure(def.name, error, {});
    }
  };
  // Named like defineAction's result so the authorization matrix and fuzz tests can find it.
  return Object.assign(action, { actionName: def.name, isPublicAction: true as const });
}
