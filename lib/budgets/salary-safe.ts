// Salary-safe attribution of PERSONNEL amounts for roles without compensation:read.
//
// A unit's personnel cost is shown on the unit itself only when it covers at least
// MIN_GROUP_SIZE employees in post (the people whose pay it is); otherwise it is reported as part of its parent (and the
// parent's group then counts those people too, and may in turn roll further up). The subtree
// totals of every ancestor are unchanged; only the small unit's own line loses its personnel
// figure, with a note naming where it went. Pure, so it is unit-tested.

export const MIN_GROUP_SIZE = 3;

export type UnitNode = { id: string; parentId: string | null; depth: number };

/** unitId → the unit its PERSONNEL amounts are reported on (itself when big enough). */
export function personnelReportingUnits(units: UnitNode[], headcount: Map<string, number>, minGroup = MIN_GROUP_SIZE): Map<string, string> {
  const group = new Map<string, number>();
  for (const u of units) group.set(u.id, headcount.get(u.id) ?? 0);
  const mergedUp = new Set<string>();
  // Deepest first, so a parent's group already includes the children merged into it.
  for (const u of [...units].sort((a, b) => b.depth - a.depth)) {
    const size = group.get(u.id) ?? 0;
    if (size < minGroup && u.parentId && group.has(u.parentId)) {
      mergedUp.add(u.id);
      group.set(u.parentId, (group.get(u.parentId) ?? 0) + size);
    }
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  // A root cannot roll further up, and its own group is what remains when every shown subtree
  // is subtracted from the org total. If that remainder covers 1–2 people, also fold in the
  // smallest staffed group still shown below it (complementary suppression) until it has enough.
  const rootOf = (id: string): string => {
    let u = byId.get(id)!;
    while (u.parentId && byId.has(u.parentId)) u = byId.get(u.parentId)!;
    return u.id;
  };
  for (const root of units.filter((u) => !u.parentId || !byId.has(u.parentId))) {
    while ((group.get(root.id) ?? 0) > 0 && (group.get(root.id) ?? 0) < minGroup) {
      const candidates = units.filter((u) => u.id !== root.id && !mergedUp.has(u.id) && (group.get(u.id) ?? 0) > 0 && rootOf(u.id) === root.id);
      if (candidates.length === 0) break;
      const smallest = candidates.sort((a, b) => (group.get(a.id)! - group.get(b.id)!) || b.depth - a.depth)[0];
      // Fold the whole path from it up to the root, so every unit in between reports there too.
      for (let u: UnitNode | undefined = smallest; u && u.id !== root.id; u = u.parentId ? byId.get(u.parentId) : undefined) {
        if (mergedUp.has(u.id)) continue;
        mergedUp.add(u.id);
        group.set(root.id, (group.get(root.id) ?? 0) + (group.get(u.id) ?? 0));
      }
    }
  }
  const target = new Map<string, string>();
  const resolve = (id: string): string => {
    const known = target.get(id);
    if (known) return known;
    const u = byId.get(id)!;
    const t = mergedUp.has(id) && u.parentId ? resolve(u.parentId) : id;
    target.set(id, t);
    return t;
  };
  for (const u of units) resolve(u.id);
  return target;
}
