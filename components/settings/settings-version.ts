// Both settings forms (organization, pay privacy) send the organization's version they were
// opened at, and the server refuses a save if it has changed since. Saving one form changes that
// version, so the other form, opened at the same time, must send the version its own page's save
// left, or it would be refused as if someone else had changed it.
const saved = new Map<string, string>();

/** The version to send: the one the form was opened at, or a later one this page saved. */
export function settingsVersion(org: string, openedAt: string): string {
  const latest = saved.get(org);
  return latest && latest > openedAt ? latest : openedAt;
}

/** After a successful save: the organization's new version. */
export function rememberSettingsVersion(org: string, updatedAt: string) {
  saved.set(org, updatedAt);
}
