import type * as React from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

/**
 * A dialog's form: the failed action's message first, then the fields, then the submit button.
 * `twoColumns` lays the fields out in two columns from `sm` (a field spans both with
 * `sm:col-span-2`); every other prop goes to the form.
 */
export function DialogForm({
  state,
  pending,
  submit,
  destructive,
  twoColumns,
  children,
  ...form
}: {
  state: ActionResult<unknown> | null;
  pending: boolean;
  submit: string;
  destructive?: boolean;
  twoColumns?: boolean;
  children: React.ReactNode;
} & Omit<React.ComponentProps<"form">, "className" | "noValidate" | "children">) {
  return (
    <form className={twoColumns ? "grid gap-4 sm:grid-cols-2" : "grid gap-4"} noValidate {...form}>
      {twoColumns ? (
        <div className="sm:col-span-2">
          <FormAlert state={state} />
        </div>
      ) : (
        <FormAlert state={state} />
      )}
      {children}
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
          {pending ? "Saving…" : submit}
        </Button>
      </div>
    </form>
  );
}
