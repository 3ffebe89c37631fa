"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

import { NewUnitDialog } from "@/components/org/unit-dialogs";
import { Label } from "@/components/ui/label";
import { SearchCombobox } from "@/components/ui/search-combobox";

/**
 * The teams page's way into the org tree edits: find a unit to open its page (details, history
 * and, for directors and admins, rename / lead / move / merge / close), or create a new unit.
 */
export function OrgTreePanel({
  org,
  canEdit,
  canPropose,
  canReadHealth,
}: {
  org: string;
  canEdit: boolean;
  canPropose: boolean;
  canReadHealth: boolean;
}) {
  const router = useRouter();
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <div className="w-full max-w-sm space-y-1.5">
        <Label htmlFor="open-unit">Open a unit</Label>
        <SearchCombobox
          id="open-unit"
          name="openUnit"
          source={`/${org}/teams/search`}
          placeholder="Type part of a unit's name or code"
          onPick={(u) => {
            if (u) router.push(`/${org}/teams/units/${u.id}`);
          }}
        />
      </div>
      {canEdit ? <NewUnitDialog org={org} parent={null} /> : null}
      {canEdit ? (
        <Link className="pb-2 text-sm underline" href={`/${org}/teams/reorgs`}>
          Reorgs: plan and schedule changes
        </Link>
      ) : canPropose ? (
        <Link className="pb-2 text-sm underline" href={`/${org}/teams/reorgs`}>
          Reorgs: propose changes in your teams
        </Link>
      ) : null}
      {canReadHealth ? (
        <Link className="pb-2 text-sm underline" href={`/${org}/org-health`}>
          Org health: spans, layers, attrition
        </Link>
      ) : null}
    </div>
  );
}
