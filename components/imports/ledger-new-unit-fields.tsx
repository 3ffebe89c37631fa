"use client";

import type { NewUnitDraft } from "@/components/imports/ledger-draft";
import { OrgSearch } from "@/components/forms/search-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { UNIT_KINDS } from "@/lib/org/schemas";

const KIND_LABELS = UNIT_KINDS.map((k) => [k, k.charAt(0) + k.slice(1).toLowerCase()] as const);

/**
 * The new unit step 4 of the import wizard asks for beneath a department value mapped to "Create
 * a new unit": its parent (searched, as in the org tree's dialogs), name, code and kind.
 */
export function NewUnitFields({
  idPrefix: id,
  org,
  value,
  draft,
  onDraft,
}: {
  idPrefix: string;
  org: string;
  value: string;
  draft: NewUnitDraft;
  onDraft: (value: string, draft: NewUnitDraft) => void;
}) {
  const set = (change: Partial<NewUnitDraft>) => onDraft(value, { ...draft, ...change });
  const label = "text-xs font-medium text-muted-foreground";
  return (
    <fieldset className="grid gap-2 rounded-md border border-border p-3 sm:grid-cols-2 lg:grid-cols-4">
      <legend className="px-1 text-xs text-muted-foreground">New unit for “{value}”, created when the file is imported</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-parent`} className={label}>
          Parent unit
        </label>
        <OrgSearch
          org={org}
          kind="unit"
          id={`${id}-parent`}
          name={`${id}-parent`}
          initial={draft.parent}
          aria-invalid={draft.parent ? undefined : true}
          onPick={(parent) => set({ parent })}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-name`} className={label}>
          Name
        </label>
        <Input id={`${id}-name`} value={draft.name} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-code`} className={label}>
          Cost-centre code
        </label>
        <Input
          id={`${id}-code`}
          value={draft.code}
          autoComplete="off"
          className="font-mono"
          aria-invalid={draft.code ? undefined : true}
          onChange={(e) => set({ code: e.target.value })}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-kind`} className={label}>
          Kind
        </label>
        <NativeSelect id={`${id}-kind`} value={draft.kind} onChange={(e) => set({ kind: e.target.value as NewUnitDraft["kind"] })}>
          {KIND_LABELS.map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </NativeSelect>
      </div>
    </fieldset>
  );
}
