// The two writes users make most, through the app's own actions, on the large org of a bench
// database: a plan cell saved by finance (budgets.cell.set) and a status update posted by the
// director (status-update.post). Each call i writes another unit's cell or project's update, so
// consecutive calls really change the data. Shared by time-writes.ts (their time) and
// write-child.ts (the views after them). Needs `--conditions=react-server` (the actions).
import { setBudgetCell } from "@/lib/budgets/set-budget-cell";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { postStatusUpdate } from "@/lib/projects/post-status-update";

export type WriteKind = "plan" | "status";

export async function benchWriters(count: number): Promise<Record<WriteKind, (i: number) => Promise<void>> & { orgId: string }> {
  const org = await db.organization.findFirstOrThrow({ where: { slug: "large" }, select: { id: true, slug: true } });
  const users = await db.membership.findMany({ where: { orgId: org.id }, select: { userId: true, role: true } });
  const finance = users.find((u) => u.role === "FINANCE")!.userId;
  const director = users.find((u) => u.role === "DIRECTOR")!.userId;
  const units = await db.orgUnit.findMany({
    where: { orgId: org.id, depth: 3 },
    select: { id: true },
    orderBy: { code: "asc" },
    take: count,
  });
  const projects = await db.project.findMany({
    where: { orgId: org.id, status: "ACTIVE", archivedAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
    take: count,
  });
  // Next month's cell: inside the stored forecast's months, as a budget edit usually is.
  const month = toDateString(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)));
  const ok = (r: { ok: boolean }) => {
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  return {
    orgId: org.id,
    plan: async (i) =>
      ok(
        await setBudgetCell.run(finance, org.slug, {
          orgUnitId: units[i % units.length].id,
          category: "SOFTWARE",
          month,
          amount: `${1000 + i}.00`,
        }),
      ),
    status: async (i) =>
      ok(
        await postStatusUpdate.run(director, org.slug, {
          projectId: projects[i % projects.length].id,
          health: i % 2 ? "AT_RISK" : "ON_TRACK",
          summary: `Bench ${i}`,
          overrideReason: "Bench",
        }),
      ),
  };
}
