import "server-only";

import type { ActionResult, FieldErrors } from "@/lib/action-result";
import { DB_UNAVAILABLE_MESSAGE, isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

export function fail<T>(code: AppErrorCode | "INTERNAL", message: string, fieldErrors?: FieldErrors): ActionResult<T> {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Known errors become their message; anything else is logged with context and kept generic. */
export function toFailure<T>(name: string, error: unknown, context: Record<string, unknown>): ActionResult<T> {
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
