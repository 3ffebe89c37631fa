"use client";

import { Upload } from "lucide-react";
import { useActionState, useState } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { useFocusAfterSubmit, useResultFocus } from "@/components/forms/use-result-focus";
import { MappedImportLinks } from "@/components/imports/mapped-import-links";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { importHiringPlanAction } from "@/lib/headcount/actions";
import { ACTION_BODY_LIMIT_BYTES, ACTION_TOO_LARGE_MESSAGE, HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";

type State = ActionResult<{ batchId: string; created: number }> | null;

const tooLarge = (message: string): State => ({
  ok: false,
  code: "VALIDATION",
  message: "Nothing was imported.",
  fieldErrors: { file: [message] },
});

/** Upload a hiring-plan CSV; a file with any bad row is refused whole, every problem listed. */
export function ImportHiringPlanDialog({ org }: { org: string }) {
  const [open, setOpen] = useState(false);
  // The result is shown beside the button and focused when the dialog closes; a refusal focuses
  // the file field with its problems (or the form's message).
  const outcome = useResultFocus();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const file = form.get("file");
    const csv = file instanceof File ? await file.text() : "";
    if (csv.length > HIRING_PLAN_MAX_CHARS) return tooLarge("The file is too large (2 MB at most).");
    let result: NonNullable<State>;
    try {
      result = await importHiringPlanAction(org, { csv, fileName: file instanceof File && file.name ? file.name : "hiring-plan.csv" });
    } catch {
      // The request failed before the action ran: over the body limit (proxy.ts answers 413),
      // or the server could not be reached.
      return tooLarge(
        new Blob([csv]).size > ACTION_BODY_LIMIT_BYTES / 2
          ? ACTION_TOO_LARGE_MESSAGE
          : "Could not reach the server; nothing was imported. Please try again.",
      );
    }
    if (result.ok) {
      toast.success(`Imported ${result.data.created} planned positions`);
      outcome.show(`Imported ${result.data.created} planned positions.`);
      setOpen(false);
    }
    return result;
  }, null);
  const { formRef } = useFocusAfterSubmit(state);
  const errors = errorsOf(state);
  const fileErrors = [...(errors.file ?? []), ...(errors.csv ?? [])];
  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="outline">
            <Upload aria-hidden className="size-4" /> Import hiring plan
          </Button>
        </DialogTrigger>
        <DialogContent className="max-w-xl" onCloseAutoFocus={outcome.onCloseAutoFocus}>
          <DialogHeader>
            <DialogTitle>Import hiring plan</DialogTitle>
            <DialogDescription>
              A CSV with the columns title, level, org unit code, target start (YYYY-MM-DD) and annual compensation. Each row becomes a
              planned position budgeted in the quarter of its target start. If any row has a problem, nothing is imported.
            </DialogDescription>
          </DialogHeader>
          <form ref={formRef} action={formAction} className="space-y-4" noValidate>
            <FormAlert state={state} />
            <FormField id="hp-file" label="CSV file" errors={fileErrors.length ? fileErrors.slice(0, 50) : undefined}>
              <Input id="hp-file" name="file" type="file" accept=".csv,text/csv" {...describedBy("hp-file", fileErrors)} />
            </FormField>
            <div className="flex justify-end">
              <Button type="submit" disabled={pending}>
                {pending ? "Importing…" : "Import"}
              </Button>
            </div>
          </form>
          <MappedImportLinks
            question="A recruiting plan in another shape?"
            href={`/${org}/headcount/positions-import`}
            template="/samples/keel-hiring-plan-template.csv"
          />
        </DialogContent>
      </Dialog>
      {outcome.note}
    </>
  );
}
