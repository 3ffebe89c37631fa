import type * as React from "react";

import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";

type FieldProps = { id: string; label: React.ReactNode; help?: React.ReactNode; errors?: string[] };

/**
 * The id, name and errors of the field `name` of a form whose action reports errors by field
 * name: `fieldFor(errors, prefix)("title")` is id "prefix-title" (or "title" without a prefix).
 */
export const fieldFor =
  (errors: Record<string, string[]>, prefix?: string) =>
  (name: string): { id: string; name: string; errors?: string[] } => ({
    id: prefix ? `${prefix}-${name}` : name,
    name,
    errors: errors[name],
  });

/** A budget's quarter of its fiscal year, or the whole year (""). */
export const FISCAL_QUARTERS = [["", "Whole year"], ...[1, 2, 3, 4].map((q) => [String(q), `Q${q}`] as const)] as const;

/** A labelled input with its help and errors tied to it; every other prop goes to the input. */
export function TextField({ id, label, help, errors, ...input }: FieldProps & Omit<React.ComponentProps<"input">, "id">) {
  return (
    <FormField id={id} label={label} help={help} errors={errors}>
      <Input id={id} {...input} {...describedBy(id, errors, help !== undefined)} />
    </FormField>
  );
}

/** A labelled textarea with its help and errors tied to it; every other prop goes to the textarea. */
export function TextareaField({ id, label, help, errors, ...textarea }: FieldProps & Omit<React.ComponentProps<"textarea">, "id">) {
  return (
    <FormField id={id} label={label} help={help} errors={errors}>
      <Textarea id={id} {...textarea} {...describedBy(id, errors, help !== undefined)} />
    </FormField>
  );
}

/** A checkbox with its label beside it and a line of help below, tied to it. */
export function CheckboxField({
  id,
  label,
  help,
  ...input
}: { id: string; label: React.ReactNode; help: React.ReactNode } & Omit<React.ComponentProps<"input">, "id" | "type">) {
  return (
    <div className="flex items-start gap-3">
      <input id={id} type="checkbox" className="mt-1 size-4" aria-describedby={`${id}-help`} {...input} />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-help`} className="text-xs text-muted-foreground">
          {help}
        </p>
      </div>
    </div>
  );
}

/** A whole-number input (numeric keyboard) between `min` and `max`. */
export function NumberField(props: FieldProps & Omit<React.ComponentProps<"input">, "id" | "type" | "inputMode">) {
  return <TextField type="number" inputMode="numeric" {...props} />;
}

/**
 * A labelled select of the org's units as a tree (each indented by its depth), after a first
 * empty option `choose` when the form starts with no unit picked.
 */
export function UnitSelectField({
  units,
  choose,
  ...select
}: Omit<React.ComponentProps<typeof SelectField>, "options"> & {
  units: readonly { id: string; name: string; code: string; depth: number }[];
  choose?: string;
}) {
  const options = units.map((u) => [u.id, `${"\u00a0\u00a0".repeat(u.depth)}${u.name} (${u.code})`] as const);
  return <SelectField {...select} options={choose === undefined ? options : [["", choose], ...options]} />;
}

/** A labelled select of `options` ([value, label] pairs); every other prop goes to the select. */
export function SelectField({
  id,
  label,
  help,
  errors,
  options,
  ...select
}: FieldProps & { options: readonly (readonly [string, string])[] } & Omit<React.ComponentProps<"select">, "id" | "children">) {
  return (
    <FormField id={id} label={label} help={help} errors={errors}>
      <NativeSelect id={id} {...select} {...describedBy(id, errors, help !== undefined)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </NativeSelect>
    </FormField>
  );
}
