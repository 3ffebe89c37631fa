import type { ActionResult } from "@/lib/action-result";

/** The form-level message of a failed action (field errors are shown at their fields). */
export function FormAlert({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok) return null;
  const formErrors = state.fieldErrors?._form ?? state.fieldErrors?.status ?? [];
  return (
    <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
      {[state.message, ...formErrors].filter((m, i, a) => a.indexOf(m) === i).join(" ")}
    </p>
  );
}

export function errorsOf(state: ActionResult<unknown> | null): Record<string, string[]> {
  return state && !state.ok ? state.fieldErrors ?? {} : {};
}
