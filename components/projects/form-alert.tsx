import { startTransition, type FormEvent } from "react";

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

/**
 * Submit handler for useActionState forms that keeps what the user typed when the action fails:
 * a plain `<form action>` is reset by React after every submission, which would wipe a form
 * that came back with field errors. Forms reset themselves on success instead.
 */
export function submitKeepingInput(formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
}
