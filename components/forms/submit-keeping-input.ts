import { startTransition, type FormEvent } from "react";

/**
 * React 19 resets a form's uncontrolled fields after a `<form action>` completes, so a form the
 * server refused would lose what the user typed. Submitting through onSubmit + a transition keeps
 * the fields (and still drives useActionState's pending/state).
 */
export function submitKeepingInput(formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
}
