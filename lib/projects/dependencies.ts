import { defineAction, type ActionContext } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { ZAddDependencyInput, ZRemoveDependencyInput } from "@/lib/projects/schemas";

/** A manager may link two projects when at least one of them is in their scope (cross-team is the point). */
async function assertEitherInScope(ctx: ActionContext, unitA: string, unitB: string) {
  try {
    await ctx.assertUnitInScope(unitA);
  } catch {
    await ctx.assertUnitInScope(unitB);
  }
}

export const addDependency = defineAction({
  name: "dependency.add",
  permission: "projects:write",
  input: ZAddDependencyInput,
  async handler(ctx, input) {
    const projects = await ctx.tx.project.findMany({
      where: { orgId: ctx.org.id, id: { in: [input.blockerId, input.blockedId] } },
      select: { id: true, name: true, orgUnitId: true },
    });
    const blocker = projects.find((p) => p.id === input.blockerId);
    const blocked = projects.find((p) => p.id === input.blockedId);
    if (!blocker || !blocked) throw new AppError("NOT_FOUND", "That project does not exist.");
    await assertEitherInScope(ctx, blocked.orgUnitId, blocker.orgUnitId);
    // Serialize dependency writes of this org so two concurrent inserts cannot close a cycle
    // that neither saw; the lock is released at the end of the transaction.
    await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dependencies:${ctx.org.id}`}))`;
    // A cycle would appear if `blocked` already (transitively) blocks `blocker`.
    const [path] = await ctx.tx.$queryRaw<{ found: boolean }[]>`
      WITH RECURSIVE downstream(id) AS (
        SELECT d."blockedId" FROM "ProjectDependency" d WHERE d."orgId" = ${ctx.org.id} AND d."blockerId" = ${blocked.id}
        UNION
        SELECT d."blockedId" FROM "ProjectDependency" d JOIN downstream s ON d."blockerId" = s.id WHERE d."orgId" = ${ctx.org.id}
      )
      SELECT EXISTS (SELECT 1 FROM downstream WHERE id = ${blocker.id}) AS found`;
    if (path?.found) {
      throw invalid(
        { blockerId: [`${blocked.name} already blocks ${blocker.name} (directly or through other projects), so this would make a cycle.`] },
        "That dependency would create a cycle.",
      );
    }
    const existing = await ctx.tx.projectDependency.findFirst({
      where: { orgId: ctx.org.id, blockerId: blocker.id, blockedId: blocked.id },
      select: { id: true },
    });
    if (existing) throw invalid({ blockerId: ["That dependency already exists."] });
    const dep = await ctx.tx.projectDependency.create({
      data: { orgId: ctx.org.id, blockerId: blocker.id, blockedId: blocked.id, note: input.note },
      select: { id: true, blockerId: true, blockedId: true, note: true },
    });
    await ctx.audit({ entityType: "ProjectDependency", entityId: dep.id, after: { ...dep, projectId: blocked.id } });
    return { id: dep.id };
  },
});

export const removeDependency = defineAction({
  name: "dependency.remove",
  permission: "projects:write",
  input: ZRemoveDependencyInput,
  async handler(ctx, { id }) {
    const dep = await ctx.tx.projectDependency.findFirst({
      where: { id, orgId: ctx.org.id },
      select: {
        id: true,
        blockerId: true,
        blockedId: true,
        note: true,
        blocker: { select: { orgUnitId: true } },
        blocked: { select: { orgUnitId: true } },
      },
    });
    if (!dep) throw new AppError("NOT_FOUND", "That dependency does not exist.");
    await assertEitherInScope(ctx, dep.blocked.orgUnitId, dep.blocker.orgUnitId);
    await ctx.tx.projectDependency.delete({ where: { id: dep.id } });
    await ctx.audit({
      entityType: "ProjectDependency",
      entityId: dep.id,
      before: { blockerId: dep.blockerId, blockedId: dep.blockedId, note: dep.note, projectId: dep.blockedId },
    });
    return { id: dep.id };
  },
});
