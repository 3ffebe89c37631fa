"use client";

import { Pencil, Plus } from "lucide-react";
import { useActionState, useState } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { SearchField } from "@/components/forms/search-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { useResultFocus } from "@/components/forms/use-result-focus";
import type { ActionResult } from "@/lib/action-result";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { humanize } from "@/lib/format";
import { centsToDecimalString } from "@/lib/money";
import { createContractAction, updateContractAction } from "@/lib/vendors/actions";
import type { ContractFormOptions, ContractRow } from "@/lib/vendors/queries";

type State = ActionResult<{ id: string; version: number }> | null;

const CATEGORIES = ["PERSONNEL", "CONTRACTORS", "SOFTWARE", "CLOUD", "HARDWARE", "TRAINING", "TRAVEL", "OTHER"];
const STATUSES = ["DRAFT", "ACTIVE", "EXPIRED", "CANCELLED"];

/** Create a contract, or edit one (with optimistic concurrency on its version). */
export function ContractFormDialog({ org, options, contract }: { org: string; options: ContractFormOptions; contract?: ContractRow }) {
  const [open, setOpen] = useState(false);
  const outcome = useResultFocus();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = Object.fromEntries(form);
    const result = contract
      ? await updateContractAction(org, { ...input, id: contract.id, version: contract.version })
      : await createContractAction(org, input);
    if (result.ok) {
      const done = contract ? "Contract saved" : `Contract "${String(form.get("name") ?? "").trim()}" added`;
      toast.success(done);
      if (!contract) outcome.show(done);
      setOpen(false);
    }
    return result;
  }, null);
  const errors = errorsOf(state);
  const p = contract ? `contract-${contract.id}` : "contract-new";
  const field = (name: string, label: string, control: (id: string) => React.ReactNode, help?: string) => (
    <FormField id={`${p}-${name}`} label={label} errors={errors[name]} help={help}>
      {control(`${p}-${name}`)}
    </FormField>
  );

  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          {contract ? (
            <Button variant="ghost" size="icon-sm" aria-label={`Edit ${contract.name}`}>
              <Pencil className="size-4" aria-hidden />
            </Button>
          ) : (
            <Button variant="outline">
              <Plus className="size-4" aria-hidden />
              New contract
            </Button>
          )}
        </DialogTrigger>
        <DialogContent className="max-w-2xl" onCloseAutoFocus={outcome.onCloseAutoFocus}>
          <DialogHeader>
            <DialogTitle>{contract ? "Edit contract" : "New contract"}</DialogTitle>
            <DialogDescription>
              An active contract adds to the forecast the part of its monthly run-rate that the vendor&rsquo;s recent spend and the plan do
              not cover yet, within its term (an auto-renewing one also after it).
            </DialogDescription>
          </DialogHeader>
          <form onSubmit={submitKeepingInput(formAction)} className="grid gap-4 sm:grid-cols-2" noValidate>
            {state && !state.ok ? (
              <div className="sm:col-span-2">
                <FormAlert state={state} />
              </div>
            ) : null}
            <div className="sm:col-span-2">
              {field("name", "Name", (id) => (
                <Input id={id} name="name" defaultValue={contract?.name} {...describedBy(id, errors.name)} />
              ))}
            </div>
            {field("vendorId", "Vendor", (id) => (
              <NativeSelect id={id} name="vendorId" defaultValue={contract?.vendorId ?? ""} {...describedBy(id, errors.vendorId)}>
                <option value="">Choose…</option>
                {options.vendors.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </NativeSelect>
            ))}
            <SearchField
              org={org}
              kind="unit"
              id={`${p}-orgUnitId`}
              name="orgUnitId"
              label="Org unit (cost centre)"
              errors={errors.orgUnitId}
              initial={contract ? { id: contract.orgUnitId, name: contract.teamName } : null}
            />
            {field("category", "Category", (id) => (
              <NativeSelect id={id} name="category" defaultValue={contract?.category ?? "SOFTWARE"} {...describedBy(id, errors.category)}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {humanize(c)}
                  </option>
                ))}
              </NativeSelect>
            ))}
            {field("annualAmount", "Annual amount", (id) => (
              <Input
                id={id}
                name="annualAmount"
                inputMode="decimal"
                defaultValue={contract ? centsToDecimalString(contract.annualAmountCents) : ""}
                placeholder="12000.00"
                {...describedBy(id, errors.annualAmount)}
              />
            ))}
            {field("startDate", "Start date", (id) => (
              <Input id={id} name="startDate" type="date" defaultValue={contract?.startDate} {...describedBy(id, errors.startDate)} />
            ))}
            {field("endDate", "End date", (id) => (
              <Input id={id} name="endDate" type="date" defaultValue={contract?.endDate} {...describedBy(id, errors.endDate)} />
            ))}
            {field("renewalNoticeDate", "Renewal notice by", (id) => (
              <Input
                id={id}
                name="renewalNoticeDate"
                type="date"
                defaultValue={contract?.renewalNoticeDate ?? ""}
                {...describedBy(id, errors.renewalNoticeDate)}
              />
            ))}
            <SearchField
              org={org}
              kind="person"
              id={`${p}-ownerId`}
              name="ownerId"
              label="Owner"
              errors={errors.ownerId}
              initial={contract?.ownerId && contract.ownerName ? { id: contract.ownerId, name: contract.ownerName } : null}
              emptyLabel="No owner"
            />
            {field("status", "Status", (id) => (
              <NativeSelect id={id} name="status" defaultValue={contract?.status ?? "ACTIVE"} {...describedBy(id, errors.status)}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {humanize(s)}
                  </option>
                ))}
              </NativeSelect>
            ))}
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <input type="checkbox" name="autoRenew" defaultChecked={contract?.autoRenew} /> Renews automatically
            </label>
            <DialogFooter className="sm:col-span-2">
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Save contract"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      {outcome.note}
    </>
  );
}
