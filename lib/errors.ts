// Known, user-facing failures. Anything else thrown inside an action is logged with context and
// shown as a generic message (lib/action.ts), so internals never leak to the browser.
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED";

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Please sign in again.",
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: "Not found.",
  VALIDATION: "Please correct the highlighted fields.",
  CONFLICT: "Someone else changed this since you opened it. Reload to see their changes, then try again.",
  RATE_LIMITED: "Too many attempts. Please wait a few minutes and try again.",
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
  }
}

export const notFound = (what = "Not found.") => new AppError("NOT_FOUND", what);
export const conflict = (message?: string) => new AppError("CONFLICT", message);
export const invalid = (fieldErrors: Record<string, string[]>, message?: string) => new AppError("VALIDATION", message, fieldErrors);
