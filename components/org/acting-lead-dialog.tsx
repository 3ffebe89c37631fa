"use client";

import { UserCog } from "lucide-react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { SearchField } from "@/components/forms/search-field";
import { onUnit, Submit, UnitDialog, type UnitDto, useTreeAction } from "@/components/org/unit-dialogs";
import { setActingLeadAction } from "@/lib/org/actions";

type Person = { id: string; name: string };

/** Name or end the acting lead of a unit with no lead in post; naming a lead ends it by itself. */
export function ActingLeadDialog({ org, unit, actingLead }: { org: string; unit: UnitDto; actingLead: Person | null }) {
  return (
    <UnitDialog
      title={`Acting lead of ${unit.name}`}
      description="Someone who stands in while the unit has no lead in post. Naming a lead ends it."
      icon={UserCog}
      label={actingLead ? "Change acting lead" : "Set acting lead"}
    >
      {(close) => <ActingLeadForm org={org} unit={unit} actingLead={actingLead} onDone={close} />}
    </UnitDialog>
  );
}

function ActingLeadForm({
  org,
  unit,
  actingLead,
  onDone,
}: {
  org: string;
  unit: UnitDto;
  actingLead: Person | null;
  onDone: (result?: string) => void;
}) {
  const [state, action, pending] = useTreeAction(
    (input) => setActingLeadAction(org, onUnit(unit, input)),
    `Acting lead of ${unit.name} saved`,
    onDone,
  );
  const errors = errorsOf(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <SearchField
        org={org}
        kind="person"
        id="al-actingLeadId"
        name="actingLeadId"
        label="Acting lead"
        errors={errors.actingLeadId}
        initial={actingLead}
        emptyLabel="No acting lead"
      />
      <Submit pending={pending}>Save acting lead</Submit>
    </form>
  );
}
