import type { z } from "zod";

import type { ActionResult } from "@/lib/action-result";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { MoneyKind } from "@/lib/money-limit";
import type { Grant, Permission } from "@/lib/permissions";

export type AuditInput = {
  action?: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** What an org action's handler sees (session "org"). */
export type ActionContext = {
  tx: Tx;
  org: { id: string; slug: string; currency: string; fiscalYearStartMonth: number };
  actor: { userId: string; role: Role; scopeUnitId: string | null; readsPay: boolean };
  grant: Grant;
  /**
   * Whether the actor may also do `permission` (a second permission an input may call for, as
   * creating units in an import): the role grants it and, through an API token, a scope does too.
   */
  may(permission: Permission): boolean;
  /** Throws FORBIDDEN unless the actor may write inside this org unit (always true for org grants). */
  assertUnitInScope(orgUnitId: string): Promise<void>;
  /** Records an AuditEvent row in the same transaction. Every action must record at least one. */
  audit(event: AuditInput): Promise<void>;
};

/** What a handler acting on the caller's own account sees (session "self"). */
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

/** What a handler run before the caller belongs to any org sees (session "public"). */
export type PublicActionContext = {
  tx: Tx;
  /** Records an AuditEvent row in the same transaction; the handler names org and actor. */
  audit(event: AuditInput & { orgId: string; actorId: string | null }): Promise<void>;
};

/**
 * Who may call an action and what its handler is given:
 * - "org": a member of the org named by the slug, holding `permission` (lib/permissions.ts);
 * - "self": any signed-in user, acting on their own account only;
 * - "public": anyone; the handler establishes authority from the input (e.g. a single-use token).
 */
export type Session = "org" | "self" | "public";

/**
 * A path the browser-facing entry point revalidates after a successful call (Next's
 * revalidatePath); `{org}` stands for the org slug the action was called with.
 */
export type Revalidate = { path: `/${string}`; type?: "layout" | "page" };

type CommonDef<S extends z.ZodType, T, R> = {
  /** Audit action name, e.g. "org.settings.update"; unique, and a literal (tests read it from the source). */
  name: string;
  input: S;
  /**
   * Transaction timeout in ms (Prisma's default is 5 s). Only for actions that must write a
   * large batch atomically, e.g. a 100,000-line ledger import.
   */
  timeoutMs?: number;
  /**
   * Paths to revalidate after a committed browser call. An org action defaults to every page of
   * the org (`{ path: "/{org}", type: "layout" }`);
   * self and public actions to nothing. `false`: nothing (an action only route handlers `run`).
   */
  revalidate?: Revalidate | Revalidate[] | false;
  /**
   * Runs at the browser-facing entry point after the transaction committed, in the request (it
   * may set cookies); what it returns is what the browser receives instead of the handler's data.
   */
  afterCommit?: (data: T) => Promise<R>;
};

/** An org action's definition; `buildAction` takes it with `session: "org"`, `defineAction` without. */
export type OrgActionDef<S extends z.ZodType, T, R = T> = CommonDef<S, T, R> & {
  permission: Permission;
  handler: (ctx: ActionContext, input: z.output<S>) => Promise<T>;
  /** Kinds of money the handler itself holds to the org-wide limit (row by row), so the pipeline need not sum them again. */
  moneyChecked?: MoneyKind[];
  /**
   * Runs on every entry point after the handler refused (VALIDATION or CONFLICT) and its
   * transaction rolled back, for what must outlive the refusal (the import-failed notice). It
   * cannot change the result; its own failure is logged.
   */
  afterRefusal?: (caller: RefusedCaller, input: z.output<S>, failure: Refusal) => Promise<void>;
};

/** Who was refused: the authorized member and their org. */
export type RefusedCaller = { orgId: string; orgSlug: string; userId: string };
export type Refusal = { code: "VALIDATION" | "CONFLICT"; message: string; fieldErrors?: Record<string, string[]> };

export type SelfActionDef<S extends z.ZodType, T, R = T> = CommonDef<S, T, R> & {
  handler: (ctx: UserActionContext, input: z.output<S>) => Promise<T>;
};

export type PublicActionDef<S extends z.ZodType, T, R = T> = CommonDef<S, T, R> & {
  handler: (ctx: PublicActionContext, input: z.output<S>) => Promise<T>;
};

type Tags<K extends Session> = { actionName: string; session: K };

/**
 * An org action. Called as a server action with `(orgSlug, input)` it reads the session cookie;
 * `run(userId, orgSlug, input)` is the same pipeline for an explicit user (tests, route handlers
 * that already hold the member), without revalidation or `afterCommit`.
 */
export type OrgAction<S extends z.ZodType, T, R = T> = ((orgSlug: string, input: z.input<S> | unknown) => Promise<ActionResult<R>>) &
  Tags<"org"> & {
    run: (userId: string | null, orgSlug: string, input: unknown) => Promise<ActionResult<T>>;
    /** The same pipeline for a personal API token: the user's role, narrowed by the token's scopes. */
    runAsToken: (token: { userId: string; scopes: readonly string[] }, orgSlug: string, input: unknown) => Promise<ActionResult<T>>;
    permission: Permission;
  };

/** A change to the signed-in user's own account: `(input)` from a browser, `run(userId, input)` otherwise. */
export type SelfAction<S extends z.ZodType, T, R = T> = ((input: z.input<S> | unknown) => Promise<ActionResult<R>>) &
  Tags<"self"> & { run: (userId: string | null, input: unknown) => Promise<ActionResult<T>> };

/** A mutation before the caller belongs to any org: `(input)` from a browser, `run(input)` otherwise. */
export type PublicAction<S extends z.ZodType, T, R = T> = ((input: z.input<S> | unknown) => Promise<ActionResult<R>>) &
  Tags<"public"> & { run: (input: unknown) => Promise<ActionResult<T>> };

/** The org action type under its historical name. */
export type Action<S extends z.ZodType, T> = OrgAction<S, T>;
