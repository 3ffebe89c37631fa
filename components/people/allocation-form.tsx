"use client";

import { useActionState, useState } from "react";

import { SearchField } from "@/components/forms/search-field";
import { TextField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { createAllocationAction } from "@/lib/headcount/actions";
import { formatDate } from "@/lib/format";

type State = ActionResult<{ allocationId: string; overallocated: { startDate: string; endDate: string | null; percent: number }[] }> | null;

/**
 * Allocate a person (or an unfilled position) to a project for a date range. Projects are
 * searched as you type (app/(app)/[org]/projects/search?open=1: ones the user may staff).
 */
export function AllocationForm({ org, who, today }: { org: string; who: { personId: string } | { positionId: string }; today: string }) {
  const [allocated, setAllocated] = useState("");
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await createAllocationAction(org, { ...Object.fromEntries(form), ...who });
    if (result.ok) {
      setAllocated(`Allocated ${String(form.get("percent") ?? "").trim()}% from ${formatDate(String(form.get("startDate") ?? ""))}.`);
      if (result.data.overallocated.length) toast.error("Allocated — now over 100% in some periods");
      else toast.success("Allocated");
    }
    return result;
  }, null);
  // Focus follows the result (with any over-allocation it caused), else the first field to fix.
  const { formRef, resultRef } = useFocusAfterSubmit(state);
  const errors = errorsOf(state);
  const over = state?.ok ? state.data.overallocated : [];
  return (
    <form ref={formRef} action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <p
        ref={resultRef}
        tabIndex={-1}
        role="status"
        className={
          !state?.ok
            ? "sr-only"
            : over.length
              ? "rounded-md border border-health-at-risk-text/30 bg-health-at-risk-soft px-3 py-2 text-sm text-health-at-risk-text focus:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:col-span-2"
              : "text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:col-span-2"
        }
      >
        {state?.ok ? allocated : null}
        {over.length
          ? ` Over-allocated: ${over.map((p) => `${p.percent}% from ${formatDate(p.startDate)}${p.endDate ? ` to ${formatDate(p.endDate)}` : " on"}`).join("; ")}.`
          : null}
      </p>
      <div className="sm:col-span-2">
        <SearchField
          org={org}
          kind="project"
          id="al-projectId"
          name="projectId"
          label="Project"
          errors={errors.projectId}
          params={{ open: "1" }}
        />
      </div>
      <TextField id="al-percent" name="percent" label="Percent" errors={errors.percent} type="number" min={1} max={100} defaultValue={50} />
      <TextField id="al-startDate" name="startDate" label="From" errors={errors.startDate} type="date" defaultValue={today} />
      <TextField id="al-endDate" name="endDate" label="Until (optional)" errors={errors.endDate} type="date" />
      <div className="flex items-end justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Allocate"}
        </Button>
      </div>
      {errors.personId ? (
        <p role="alert" tabIndex={-1} className="text-xs text-destructive focus:outline-none sm:col-span-2">
          {errors.personId.join(" ")}
        </p>
      ) : null}
    </form>
  );
}
