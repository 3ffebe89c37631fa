"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { SearchField } from "@/components/forms/search-field";
import { fieldFor, SelectField, TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { EditOrNewDialog, useEditOrNew } from "@/components/vendors/edit-or-new-dialog";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { humanize } from "@/lib/format";
import { centsToDecimalString } from "@/lib/money";
import { createContractAction, updateContractAction } from "@/lib/vendors/actions";
import type { ContractFormOptions, ContractRow } from "@/lib/vendors/queries";

const CATEGORIES = ["PERSONNEL", "CONTRACTORS", "SOFTWARE", "CLOUD", "HARDWARE", "TRAINING", "TRAVEL", "OTHER"].map(
  (c) => [c, humanize(c)] as const,
);
const STATUSES = ["DRAFT", "ACTIVE", "EXPIRED", "CANCELLED"].map((s) => [s, humanize(s)] as const);

/** Create a contract, or edit one (with optimistic concurrency on its version). */
export function ContractFormDialog({ org, options, contract }: { org: string; options: ContractFormOptions; contract?: ContractRow }) {
  const dialog = useEditOrNew(
    contract !== undefined,
    (form) => {
      const input = Object.fromEntries(form);
      return contract
        ? updateContractAction(org, { ...input, id: contract.id, version: contract.version })
        : createContractAction(org, input);
    },
    (form) => (contract ? "Contract saved" : `Contract "${String(form.get("name") ?? "").trim()}" added`),
  );
  const { state, formAction, pending, errors } = dialog;
  const p = contract ? `contract-${contract.id}` : "contract-new";
  const field = fieldFor(errors, p);

  return (
    <EditOrNewDialog
      noun="contract"
      editing={contract?.name}
      newVariant="outline"
      dialog={dialog}
      className="max-w-2xl"
      description="An active contract adds to the forecast the part of its monthly run-rate that the vendor’s recent spend and the plan do not cover yet, within its term (an auto-renewing one also after it)."
    >
      <form onSubmit={submitKeepingInput(formAction)} className="grid gap-4 sm:grid-cols-2" noValidate>
        {state && !state.ok ? (
          <div className="sm:col-span-2">
            <FormAlert state={state} />
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <TextField {...field("name")} label="Name" defaultValue={contract?.name} />
        </div>
        <SelectField
          {...field("vendorId")}
          label="Vendor"
          options={[["", "Choose…"], ...options.vendors.map((v) => [v.id, v.name] as const)]}
          defaultValue={contract?.vendorId ?? ""}
        />
        <SearchField
          org={org}
          kind="unit"
          {...field("orgUnitId")}
          label="Org unit (cost centre)"
          initial={contract ? { id: contract.orgUnitId, name: contract.teamName } : null}
        />
        <SelectField {...field("category")} label="Category" options={CATEGORIES} defaultValue={contract?.category ?? "SOFTWARE"} />
        <TextField
          {...field("annualAmount")}
          label="Annual amount"
          inputMode="decimal"
          defaultValue={contract ? centsToDecimalString(contract.annualAmountCents) : ""}
          placeholder="12000.00"
        />
        <TextField {...field("startDate")} label="Start date" type="date" defaultValue={contract?.startDate} />
        <TextField {...field("endDate")} label="End date" type="date" defaultValue={contract?.endDate} />
        <TextField {...field("renewalNoticeDate")} label="Renewal notice by" type="date" defaultValue={contract?.renewalNoticeDate ?? ""} />
        <SearchField
          org={org}
          kind="person"
          {...field("ownerId")}
          label="Owner"
          initial={contract?.ownerId && contract.ownerName ? { id: contract.ownerId, name: contract.ownerName } : null}
          emptyLabel="No owner"
        />
        <SelectField {...field("status")} label="Status" options={STATUSES} defaultValue={contract?.status ?? "ACTIVE"} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="autoRenew" defaultChecked={contract?.autoRenew} /> Renews automatically
        </label>
        <DialogFooter className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save contract"}
          </Button>
        </DialogFooter>
      </form>
    </EditOrNewDialog>
  );
}
