// Reading a page's search parameters: Next gives each one as a string, an array (repeated key)
// or undefined. Pages and filters read the first value; an empty one reads as absent.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search parameter; "" and a missing parameter are both undefined. */
export function firstValue(v: string | string[] | undefined): string | undefined {
  return (Array.isArray(v) ? v[0] : v) || undefined;
}

/** The first value of `key` in a page's search params or a request's URLSearchParams. */
export function firstParam(sp: SearchParams | URLSearchParams, key: string): string | undefined {
  return sp instanceof URLSearchParams ? sp.get(key) || undefined : firstValue(sp[key]);
}

/**
 * A value from the URL as a member of an enum object, or undefined. Own properties only:
 * `value in Enum` also accepts inherited keys ("toString", "constructor"), which then reached
 * the database as an enum value and gave a 500.
 */
export function enumParam<E extends Record<string, string>>(values: E, value: string | undefined): E[keyof E] | undefined {
  return value !== undefined && Object.hasOwn(values, value) ? (values[value] as E[keyof E]) : undefined;
}
