import { SelectField, TextField } from "@/components/forms/text-field";

/** The kinds a unit can have, as a select's options. */
const UNIT_KIND_OPTIONS = [
  ["DIVISION", "Division"],
  ["DEPARTMENT", "Department"],
  ["GROUP", "Group"],
  ["TEAM", "Team"],
  ["OTHER", "Other"],
] as const;

/**
 * A unit's name, cost-centre code and kind, as the new-unit, rename and reorg step forms ask for
 * them. `prefix` keeps the ids apart when two forms share a page; `kindName` is the kind's field
 * name in the form's input.
 */
export function UnitFields({
  prefix,
  errors,
  codeHelp,
  kindName = "kind",
  defaults = { kind: "TEAM" },
  wideName = false,
}: {
  prefix: string;
  errors: Record<string, string[]>;
  codeHelp: string;
  kindName?: string;
  defaults?: { name?: string; code?: string; kind: string };
  wideName?: boolean;
}) {
  const name = (
    <TextField id={`${prefix}-name`} name="name" label="Name" errors={errors.name} defaultValue={defaults.name} autoComplete="off" />
  );
  return (
    <>
      {wideName ? <div className="sm:col-span-2">{name}</div> : name}
      <TextField
        id={`${prefix}-code`}
        name="code"
        label="Cost-centre code"
        errors={errors.code}
        help={codeHelp}
        defaultValue={defaults.code}
        autoComplete="off"
        className="font-mono"
      />
      <SelectField
        id={`${prefix}-${kindName}`}
        name={kindName}
        label="Kind"
        errors={errors[kindName]}
        defaultValue={defaults.kind}
        options={UNIT_KIND_OPTIONS}
      />
    </>
  );
}
