import type { AppErrorCode } from "@/lib/errors";

// The result every server action returns (see lib/action.ts). Kept in its own module so client
// components can import the type without pulling in server code.
export type FieldErrors = Record<string, string[]>;
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: AppErrorCode | "INTERNAL"; message: string; fieldErrors?: FieldErrors };
