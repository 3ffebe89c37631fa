import type { ActionResult } from "@/lib/action-result";

/**
 * The form-level message of a failed action: its message and the `_form` errors (field errors are
 * shown at their fields). `unplacedField` names a field the form has no input for, such as a
 * position's status, whose errors belong here instead.
 */
export function FormAlert({ state, unplacedField }: { state: ActionResult<unknown> | null; unplacedField?: string }) {
  if (!state || state.ok) return null;
  const formErrors = state.fieldErrors?._form ?? (unplacedField ? state.fieldErrors?.[unplacedField] : undefined) ?? [];
  return (
    <p
      role="alert"
      tabIndex={-1}
      className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive-hover"
    >
      {[state.message, ...formErrors].filter((m, i, a) => a.indexOf(m) === i).join(" ")}
    </p>
  );
}

/** The field errors of a failed action, by field ({} when it succeeded or has not run). */
export function errorsOf(state: ActionResult<unknown> | null): Record<string, string[]> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}
