import "server-only";

import { revalidatePath } from "next/cache";
import type { z } from "zod";

import { fail, toFailure } from "@/lib/action/failure";
import { parseInput } from "@/lib/action/input";
import { actionRegistry, markBuilt } from "@/lib/action/registry";
import { orgSession, publicSession, selfSession, type Caller, type Strategy } from "@/lib/action/sessions";
import type {
  ActionContext,
  OrgAction,
  OrgActionDef,
  PublicAction,
  PublicActionDef,
  RefusedCaller,
  Revalidate,
  SelfAction,
  SelfActionDef,
} from "@/lib/action/types";
import type { ActionResult } from "@/lib/action-result";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";

// How long an action may wait for a pooled connection before giving up (Prisma's default is 2 s).
// Page reads queue for a connection without a limit; with the 2 s default a busy server refused
// writes (P2028, "Unable to start a transaction") while reads still went through — found by
// `npm run loadtest`. Waiting longer turns load into latency rather than refused writes.
const TX_MAX_WAIT_MS = 10_000;

// What an org action revalidates unless it names its own paths: every page of the org.
const ORG_LAYOUT: Revalidate = { path: "/{org}", type: "layout" };

type AnyDef =
  | ({ session: "org" } & OrgActionDef<z.ZodType, unknown, unknown>)
  | ({ session: "self" } & SelfActionDef<z.ZodType, unknown, unknown>)
  | ({ session: "public" } & PublicActionDef<z.ZodType, unknown, unknown>);

function strategyFor(def: AnyDef): Strategy<unknown> {
  switch (def.session) {
    case "org":
      return orgSession(def.permission, def.moneyChecked) as Strategy<unknown>;
    case "self":
      return selfSession as Strategy<unknown>;
    case "public":
      return publicSession as Strategy<unknown>;
  }
}

// Writes that may move a unit's budget variance: once committed, the budget.variance_over_threshold
// webhook is checked (lib/webhooks/budget-variance.ts; its failure never undoes the write).
const MOVES_BUDGET_VARIANCE: ReadonlySet<string> = new Set(["budgets:write", "actuals:write", "positions:write", "vendors:write"]);

async function budgetVarianceCheck(orgId: string): Promise<void> {
  // Imported when called, like lib/auth below: the pipeline itself does not need the rollup.
  const { checkBudgetVarianceAfterWrite } = await import("@/lib/webhooks/budget-variance");
  await checkBudgetVarianceAfterWrite(orgId);
}

async function refreshStored(tx: Tx, orgId: string): Promise<void> {
  // Imported when called, like the rollup above.
  const { refreshStoredFigures } = await import("@/lib/stored-figures");
  await refreshStoredFigures(tx, orgId);
}

async function sessionUserId(): Promise<string | null> {
  // Imported when called: lib/auth pulls in next-auth, which the pipeline itself does not need.
  const { getSessionUser } = await import("@/lib/auth");
  return (await getSessionUser())?.id ?? null;
}

/**
 * The one pipeline every mutation goes through:
 *   session strategy → zod parse → authorize → handler in one transaction → audit guard → result,
 * then, for a call from a browser, `revalidate` and `afterCommit`.
 * Export the result from a "use server" file (lib/<area>/actions.ts) as it is: it is the
 * server action. Tests and route handlers call `run`, the same pipeline with an explicit caller.
 */
export function buildAction<S extends z.ZodType, T, R = T>(def: { session: "org" } & OrgActionDef<S, T, R>): OrgAction<S, T, R>;
export function buildAction<S extends z.ZodType, T, R = T>(def: { session: "self" } & SelfActionDef<S, T, R>): SelfAction<S, T, R>;
export function buildAction<S extends z.ZodType, T, R = T>(def: { session: "public" } & PublicActionDef<S, T, R>): PublicAction<S, T, R>;
export function buildAction(def: AnyDef) {
  const strategy = strategyFor(def);
  const revalidate: Revalidate[] = def.revalidate === false ? [] : [def.revalidate ?? (def.session === "org" ? ORG_LAYOUT : [])].flat();
  if (def.session !== "org" && revalidate.some((r) => r.path.includes("{org}"))) {
    throw new Error(`Action ${def.name}: only an org action knows the {org} of a revalidated path`);
  }
  actionRegistry.set(def.name, { permission: strategy.registered });

  const execute = async (caller: Caller, rawInput: unknown): Promise<ActionResult<unknown>> => {
    // Set once the caller is authorized and the input parsed: whom `afterRefusal` concerns.
    let refused: { who: RefusedCaller; input: unknown } | undefined;
    try {
      if (strategy.needsUser && !caller.userId) throw new AppError("UNAUTHENTICATED");
      const parsed = parseInput(def.input, rawInput);
      if (!parsed.ok) return fail("VALIDATION", "Please correct the highlighted fields.", parsed.fieldErrors);
      const open = await strategy.authorize(caller, def.name);
      let orgId: string | undefined;
      const data = await db.$transaction(
        async (tx) => {
          const { ctx, auditedOrgs, verify } = open(tx);
          orgId = (ctx as { org?: { id: string } }).org?.id;
          if (def.session === "org") {
            const { org, actor } = ctx as ActionContext;
            refused = { who: { orgId: org.id, orgSlug: org.slug, userId: actor.userId }, input: parsed.data };
          }
          const result = await (def.handler as (ctx: unknown, input: unknown) => Promise<unknown>)(ctx, parsed.data);
          // The audit guard: a mutation nobody can trace is not committed.
          if (auditedOrgs().length === 0) throw new Error(`Action ${def.name} wrote no audit event`);
          await verify?.(parsed.data);
          // The figures the writers keep (lib/stored-figures), stored again before the commit for each
          // org written (an org action's own; SCIM's, of its token) when this wrote what they read,
          // in one order (each org's refresh takes that org's lock).
          for (const id of auditedOrgs().sort()) await refreshStored(tx, id);
          return result;
        },
        { maxWait: TX_MAX_WAIT_MS, ...(def.timeoutMs ? { timeout: def.timeoutMs } : {}) },
      );
      if (orgId && def.session === "org" && MOVES_BUDGET_VARIANCE.has(def.permission)) await budgetVarianceCheck(orgId);
      return { ok: true, data };
    } catch (error) {
      const failure = toFailure<unknown>(def.name, error, strategy.logContext(caller));
      if (
        !failure.ok &&
        refused &&
        def.session === "org" &&
        def.afterRefusal &&
        (failure.code === "VALIDATION" || failure.code === "CONFLICT")
      )
        await def
          .afterRefusal(refused.who, refused.input, { code: failure.code, message: failure.message, fieldErrors: failure.fieldErrors })
          .catch((e: unknown) =>
            logger.error({ err: e, action: def.name, event: "action.after-refusal.failed" }, "the work after a refusal failed"),
          );
      return failure;
    }
  };

  // The browser-facing entry point: the caller comes from the session cookie.
  const enter = async (orgSlug: string, rawInput: unknown): Promise<ActionResult<unknown>> => {
    let userId: string | null = null;
    if (strategy.needsUser) {
      try {
        // Reading the session hits the database: when it is unreachable (e.g. restarting) the
        // caller gets the same typed failure as from inside the pipeline, not an HTTP 500.
        userId = await sessionUserId();
      } catch (error) {
        return toFailure(def.name, error, strategy.logContext({ orgSlug }));
      }
    }
    const result = await execute({ userId, orgSlug }, rawInput);
    if (!result.ok) return result;
    // The slug arrives from the browser untyped; it named a real org, since the call succeeded.
    for (const r of revalidate) revalidatePath(r.path.replaceAll("{org}", String(orgSlug)), r.type);
    return def.afterCommit ? { ok: true, data: await def.afterCommit(result.data) } : result;
  };

  const tags = { actionName: def.name, session: def.session };
  const action =
    def.session === "org"
      ? Object.assign(async (orgSlug: string, input: unknown) => enter(orgSlug, input), tags, {
          run: (userId: string | null, orgSlug: string, input: unknown) => execute({ userId, orgSlug }, input),
          runAsToken: (token: { userId: string; scopes: readonly string[] }, orgSlug: string, input: unknown) =>
            execute({ ...token, orgSlug }, input),
          permission: def.permission,
        })
      : def.session === "self"
        ? Object.assign(async (input: unknown) => enter("", input), tags, {
            run: (userId: string | null, input: unknown) => execute({ userId, orgSlug: "" }, input),
          })
        : Object.assign(async (input: unknown) => enter("", input), tags, {
            run: (input: unknown) => execute({ userId: null, orgSlug: "" }, input),
          });
  markBuilt(action);
  return action;
}
