import type { ActionResult } from "@/lib/action-result";

/** The form-level message of a failed action (conflicts, permission, anything not tied to one field). */
export function FormAlert({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok) return null;
  const formErrors = state.fieldErrors?._form ?? [];
  return (
    <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
      {[state.message, ...formErrors].join(" ")}
    </p>
  );
}
