/**
 * A value from the URL as a member of an enum object, or undefined. Own properties only:
 * `value in Enum` also accepts inherited keys ("toString", "constructor"), which then reached
 * the database as an enum value and gave a 500.
 */
export function enumParam<E extends Record<string, string>>(values: E, value: string | undefined): E[keyof E] | undefined {
  return value !== undefined && Object.hasOwn(values, value) ? (values[value] as E[keyof E]) : undefined;
}
