/** The vendors page's renewals list for a unit's subtree (none: the whole org): what "Renewals due" counts. */
export function vendorsRenewalsHref(orgSlug: string, unitId: string | null): string {
  return `/${orgSlug}/vendors${unitId ? `?${new URLSearchParams({ unit: unitId })}` : ""}#renewals`;
}

/** One contract on the vendors page: the contracts list narrowed to its name (the page has no per-contract view). */
export function contractHref(orgSlug: string, contract: { name: string }): string {
  return `/${orgSlug}/vendors?${new URLSearchParams({ q: contract.name })}#contracts`;
}
