import { SelectField } from "@/components/forms/text-field";

const CHOICES = [
  ["unrecorded", "Not recorded"],
  ["regretted", "Regretted"],
  ["non-regretted", "Not regretted"],
] as const;

/** Whether a departure was regretted, as the departure form and the departure regret form ask it. */
export function RegrettedField({ id, errors, regretted }: { id: string; errors?: string[]; regretted: boolean | null }) {
  const value = regretted === null ? "unrecorded" : regretted ? "regretted" : "non-regretted";
  return (
    <SelectField
      id={id}
      name="regretted"
      label="Regretted departure"
      errors={errors}
      options={CHOICES}
      defaultValue={value}
      className="w-48"
    />
  );
}
