import type * as React from "react";

import { FilterField } from "@/components/ui/filter-form";
import { describedBy, FormField } from "@/components/ui/form-field";
import { SearchCombobox } from "@/components/ui/search-combobox";

/** The search route a picker asks, by what it picks (app/(app)/[org]/<route>/search). */
const ROUTES = { unit: "teams", person: "people", project: "projects", initiative: "roadmap" } as const;
type SearchKind = keyof typeof ROUTES;

type PickerProps = { org: string; kind: SearchKind; id: string } & Omit<
  React.ComponentProps<typeof SearchCombobox>,
  "id" | "source" | "aria-describedby" | "aria-invalid"
>;

/**
 * A search picker of the org's units, people, projects or initiatives: the one place that knows
 * which route answers for each. A unit picker says units are found by name or code.
 */
export function OrgSearch({
  org,
  kind,
  placeholder,
  ...picker
}: PickerProps & Pick<React.ComponentProps<typeof SearchCombobox>, "aria-describedby" | "aria-invalid">) {
  return (
    <SearchCombobox
      source={`/${org}/${ROUTES[kind]}/search`}
      placeholder={placeholder ?? (kind === "unit" ? "Type part of a unit's name or code" : undefined)}
      {...picker}
    />
  );
}

/** A search picker in a form, with its label, help and errors tied to it (as TextField). */
export function SearchField({
  id,
  label,
  help,
  errors,
  ...picker
}: PickerProps & { label: React.ReactNode; help?: React.ReactNode; errors?: string[] }) {
  return (
    <FormField id={id} label={label} help={help} errors={errors}>
      <OrgSearch id={id} {...picker} {...describedBy(id, errors, help !== undefined)} />
    </FormField>
  );
}

/**
 * A list filter's search picker: its empty option ("All units", "Whole organization") is also
 * what the empty box shows, so an unfiltered list says what it holds.
 */
export function FilterSearch({
  id,
  label,
  emptyLabel,
  ...picker
}: Omit<PickerProps, "placeholder"> & { label: string; emptyLabel: string }) {
  return (
    <FilterField id={id} label={label}>
      <OrgSearch id={id} emptyLabel={emptyLabel} placeholder={emptyLabel} {...picker} />
    </FilterField>
  );
}

/** A list's org unit filter (the URL's `unit`): the whole organization until a unit is picked. */
export function UnitFilter({
  label = "Org unit",
  emptyLabel = "Whole organization",
  ...picker
}: Omit<React.ComponentProps<typeof FilterSearch>, "kind" | "name" | "label" | "emptyLabel"> & { label?: string; emptyLabel?: string }) {
  return <FilterSearch kind="unit" name="unit" label={label} emptyLabel={emptyLabel} {...picker} />;
}
