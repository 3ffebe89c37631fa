"use client";

import { useActionState, useRef } from "react";

import { SearchField } from "@/components/forms/search-field";
import { TextField, UnitSelectField } from "@/components/forms/text-field";
import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import type { SearchOption } from "@/components/ui/search-combobox";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { updatePersonAction } from "@/lib/people/actions";

type State = ActionResult<{ personId: string; version: number }> | null;

export function PersonEditForm({
  org,
  person,
  units,
  manager,
  today,
}: {
  org: string;
  person: { id: string; title: string; level: string; teamId: string; version: number };
  units: { id: string; name: string; code: string; depth: number }[];
  /** The current manager, the picker's initial pick; other people are searched as you type. */
  manager: SearchOption | null;
  today: string;
}) {
  const version = useRef(person.version);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await updatePersonAction(org, { ...Object.fromEntries(form), personId: person.id, version: version.current });
    if (result.ok) {
      version.current = result.data.version;
      toast.success("Saved");
    }
    return result;
  }, null);
  // Focus follows the result: the line beside the button, else the first field to fix.
  const { formRef, resultRef } = useFocusAfterSubmit(state);
  const errors = errorsOf(state);
  return (
    <form ref={formRef} action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <TextField id="pe-title" name="title" label="Title" errors={errors.title} defaultValue={person.title} />
      <TextField id="pe-level" name="level" label="Level" errors={errors.level} defaultValue={person.level} />
      <UnitSelectField
        id="pe-orgUnitId"
        name="orgUnitId"
        label="Org unit"
        errors={errors.orgUnitId}
        units={units}
        defaultValue={person.teamId}
      />
      <SearchField
        org={org}
        kind="person"
        id="pe-managerId"
        name="managerId"
        label="Manager"
        errors={errors.managerId}
        initial={manager}
        emptyLabel="No manager"
      />
      <TextField
        id="pe-effectiveFrom"
        name="effectiveFrom"
        label="Move effective from"
        errors={errors.effectiveFrom}
        help="Applies to a change of unit or manager; kept in the history."
        type="date"
        defaultValue={today}
        max={today}
      />
      <div className="flex flex-wrap items-end justify-end gap-3">
        <p
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className={state?.ok ? "pb-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring" : "sr-only"}
        >
          {state?.ok ? "Changes saved." : null}
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
