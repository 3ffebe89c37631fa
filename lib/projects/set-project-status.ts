import { defineAction } from "@/lib/action";
import { conflict } from "@/lib/errors";
import { changedFields, PROJECT_AUDIT_SELECT, projectInScopeOrThrow } from "@/lib/projects/guards";
import { ZArchiveProjectInput, ZSetProjectStatusInput } from "@/lib/projects/schemas";
import { PROJECT_CONFLICT } from "@/lib/projects/update-project";

const today = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

export const setProjectStatus = defineAction({
  name: "project.status.change",
  permission: "projects:write",
  input: ZSetProjectStatusInput,
  async handler(ctx, { id, version, status }) {
    const before = await projectInScopeOrThrow(ctx, id);
    // Finishing records the day it finished; reopening clears it.
    const completedDate = status === "DONE" ? (before.completedDate ?? today()) : null;
    const { count } = await ctx.tx.project.updateMany({
      where: { id, orgId: ctx.org.id, version },
      data: { status, completedDate, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(PROJECT_CONFLICT);
    const after = await ctx.tx.project.findUniqueOrThrow({ where: { id }, select: PROJECT_AUDIT_SELECT });
    await ctx.audit({ entityType: "Project", entityId: id, ...changedFields(before, after) });
    return { id, version: after.version, status };
  },
});

export const archiveProject = defineAction({
  name: "project.archive",
  permission: "projects:write",
  input: ZArchiveProjectInput,
  async handler(ctx, { id, version, archived }) {
    const before = await projectInScopeOrThrow(ctx, id);
    const { count } = await ctx.tx.project.updateMany({
      where: { id, orgId: ctx.org.id, version },
      data: { archivedAt: archived ? (before.archivedAt ?? new Date()) : null, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(PROJECT_CONFLICT);
    const after = await ctx.tx.project.findUniqueOrThrow({ where: { id }, select: PROJECT_AUDIT_SELECT });
    await ctx.audit({
      action: archived ? "project.archive" : "project.unarchive",
      entityType: "Project",
      entityId: id,
      ...changedFields(before, after),
    });
    return { id, version: after.version, archived };
  },
});
