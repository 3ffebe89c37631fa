// A reporting line must never loop (A reports to B reports to A). The pure check walks up from
// the proposed manager; the database check in set-manager.ts does the same walk with a recursive
// CTE inside the transaction, under an advisory lock, so two concurrent edits cannot each pass.

/** True when making `managerId` the manager of `personId` would close a loop. */
export function wouldCreateCycle(personId: string, managerId: string | null, managerOf: ReadonlyMap<string, string | null>): boolean {
  if (!managerId) return false;
  const seen = new Set<string>();
  let current: string | null | undefined = managerId;
  while (current) {
    if (current === personId) return true;
    // An existing loop in the data (which this rule prevents) must not hang the check.
    if (seen.has(current)) return true;
    seen.add(current);
    current = managerOf.get(current) ?? null;
  }
  return false;
}
