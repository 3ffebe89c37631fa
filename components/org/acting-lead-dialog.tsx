"use client";

import { UserCog } from "lucide-react";

import { PickForUnitForm, UnitDialog, type UnitDto } from "@/components/org/unit-dialogs";
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
      {(close) => (
        <PickForUnitForm
          org={org}
          unit={unit}
          run={setActingLeadAction}
          done={`Acting lead of ${unit.name} saved`}
          submit="Save acting lead"
          picker={{
            kind: "person",
            id: "al-actingLeadId",
            name: "actingLeadId",
            label: "Acting lead",
            initial: actingLead,
            emptyLabel: "No acting lead",
          }}
          onDone={close}
        />
      )}
    </UnitDialog>
  );
}
