/** The vendors page's renewals list for a unit's subtree (none: the whole org): what "Renewals due" counts. */
export function vendorsRenewalsHref(orgSlug: string, unitId: string | null): string {
  return `/${orgSlug}/vendors${unitId ? `?${new URLSearchParams({ unit: unitId })}` : ""}#renewals`;
}
