"use client";

import { Plus } from "lucide-react";
import type * as React from "react";
import { useActionState, useState } from "react";

import { errorsOf } from "@/components/forms/form-alert";
import { useResultFocus } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";

/**
 * The state of an EditOrNewDialog's form: `save` runs the action; on success the dialog closes
 * with a toast saying `done`, which a new record (whose row may be far down the list) also shows,
 * and focuses, beside the button that opened it.
 */
export function useEditOrNew<T>(
  editing: boolean,
  save: (form: FormData) => Promise<ActionResult<T>>,
  done: (form: FormData, data: T) => string,
) {
  const [open, setOpen] = useState(false);
  const outcome = useResultFocus();
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(async (_prev, form) => {
    const result = await save(form);
    if (result.ok) {
      const text = done(form, result.data);
      toast.success(text);
      if (!editing) outcome.show(text);
      setOpen(false);
    }
    return result;
  }, null);
  return { open, setOpen, outcome, state, formAction, pending, errors: errorsOf(state) };
}

/**
 * The dialog of a vendor or contract form: opened by "New <noun>", or, given `editing` (the
 * record's name), by a pencil button named "Edit <name>" in the record's row.
 */
export function EditOrNewDialog({
  noun,
  editing,
  newVariant,
  dialog,
  className,
  description,
  children,
}: {
  noun: string;
  editing?: string;
  newVariant?: React.ComponentProps<typeof Button>["variant"];
  dialog: Pick<ReturnType<typeof useEditOrNew>, "open" | "setOpen" | "outcome">;
  className?: string;
  description: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <>
      <Dialog open={dialog.open} onOpenChange={dialog.setOpen}>
        <DialogTrigger asChild>
          {editing !== undefined ? (
            <Button variant="ghost" size="icon-sm" aria-label={`Edit ${editing}`}>
              <SpriteIcon name="pencil" className="size-4" />
            </Button>
          ) : (
            <Button variant={newVariant}>
              <Plus className="size-4" aria-hidden />
              {`New ${noun}`}
            </Button>
          )}
        </DialogTrigger>
        <DialogContent className={className} onCloseAutoFocus={dialog.outcome.onCloseAutoFocus}>
          <DialogHeader>
            <DialogTitle>{editing !== undefined ? `Edit ${noun}` : `New ${noun}`}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          {children}
        </DialogContent>
      </Dialog>
      {dialog.outcome.note}
    </>
  );
}
