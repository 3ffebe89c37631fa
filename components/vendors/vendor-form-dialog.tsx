"use client";

import { TextField } from "@/components/forms/text-field";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { EditOrNewDialog, useEditOrNew } from "@/components/vendors/edit-or-new-dialog";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { createVendorAction, updateVendorAction } from "@/lib/vendors/actions";

/** Create a vendor, or edit one when `vendor` is given. */
export function VendorFormDialog({ org, vendor }: { org: string; vendor?: { id: string; name: string; website: string | null } }) {
  const dialog = useEditOrNew(
    vendor !== undefined,
    (form) => {
      const input = { name: form.get("name"), website: form.get("website") ?? "" };
      return vendor ? updateVendorAction(org, { ...input, id: vendor.id }) : createVendorAction(org, input);
    },
    (_form, data) => (vendor ? "Vendor saved" : `Vendor "${data.name}" added`),
  );
  const { state, formAction, pending, errors } = dialog;
  const prefix = vendor ? `vendor-${vendor.id}` : "vendor-new";

  return (
    <EditOrNewDialog
      noun="vendor"
      editing={vendor?.name}
      dialog={dialog}
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
  );
}
