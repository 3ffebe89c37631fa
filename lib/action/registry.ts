import "server-only";

import type { Permission } from "@/lib/permissions";

/** Actions registered so far: the authorization matrix test enumerates them. */
export const actionRegistry = new Map<string, { permission: Permission | "public" | "self" }>();

const built = new WeakSet<object>();

export function markBuilt(action: object) {
  built.add(action);
}

/**
 * True for an action made by the builder and still registered: a hand-written function that
 * only carries an `actionName` is not one.
 */
export function isRegisteredAction(value: unknown): boolean {
  if (typeof value !== "function" || !built.has(value)) return false;
  const name = (value as { actionName?: unknown }).actionName;
  return typeof name === "string" && actionRegistry.has(name);
}
