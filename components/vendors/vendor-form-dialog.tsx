"use client";

import { useActionState, useState } from "react";

import { TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { EditOrNewDialog } from "@/components/vendors/edit-or-new-dialog";
import { toast } from "@/components/ui/toast";
import { useResultFocus } from "@/components/forms/use-result-focus";
import type { ActionResult } from "@/lib/action-result";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { createVendorAction, updateVendorAction } from "@/lib/vendors/actions";

type State = ActionResult<{ id: string; name: string }> | null;

/** Create a vendor, or edit one when `vendor` is given. */
export function VendorFormDialog({ org, vendor }: { org: string; vendor?: { id: string; name: string; website: string | null } }) {
  const [open, setOpen] = useState(false);
  const outcome = useResultFocus();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = { name: form.get("name"), website: form.get("website") ?? "" };
    const result = vendor ? await updateVendorAction(org, { ...input, id: vendor.id }) : await createVendorAction(org, input);
    if (result.ok) {
      const done = vendor ? "Vendor saved" : `Vendor "${result.data.name}" added`;
      toast.success(done);
      if (!vendor) outcome.show(done);
      setOpen(false);
    }
    return result;
  }, null);
  const errors = errorsOf(state);
  const prefix = vendor ? `vendor-${vendor.id}` : "vendor-new";

  return (
    <>
      <EditOrNewDialog
        noun="vendor"
        editing={vendor?.name}
        open={open}
        onOpenChange={setOpen}
        onCloseAutoFocus={outcome.onCloseAutoFocus}
        description="Vendor names are unique in the organization; ledger imports match them by name."
      >
        <form onSubmit={submitKeepingInput(formAction)} className="grid gap-4" noValidate>
          <FormAlert state={state} />
          <TextField id={`${prefix}-name`} name="name" label="Name" errors={errors.name} defaultValue={vendor?.name} required />
          <TextField
            id={`${prefix}-website`}
            name="website"
            label="Website"
            errors={errors.website}
            defaultValue={vendor?.website ?? ""}
            placeholder="https://"
          />
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save vendor"}
            </Button>
          </DialogFooter>
        </form>
      </EditOrNewDialog>
      {outcome.note}
    </>
  );
}
