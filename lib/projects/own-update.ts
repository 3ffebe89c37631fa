import type { ActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { Health } from "@/lib/generated/prisma/enums";
import { UPDATE_EDIT_WINDOW_HOURS } from "@/lib/projects/update-limits";

// Shared by editing and deleting a status update: only its author may change it, only for a day
// after posting it (later, reviewers have read it: a new update corrects it), and the project
// afterwards shows the health and date of whatever update is now its latest.

const WINDOW_MS = UPDATE_EDIT_WINDOW_HOURS * 3_600_000;

/** Whether an update posted at `createdAt` can still be changed by its author at `now`. */
export const withinEditWindow = (createdAt: Date, now: Date) => now.getTime() - createdAt.getTime() <= WINDOW_MS;

/** The last moment the author of an update posted at `createdAt` can change it (shown as a deadline). */
export const editableUntil = (createdAt: Date) => new Date(createdAt.getTime() + WINDOW_MS);

/** The update, if it is in this org and scope, the actor wrote it, and the window is open. */
export async function ownRecentUpdateOrThrow(ctx: ActionContext, updateId: string, now: Date) {
  const update = await ctx.tx.statusUpdate.findFirst({
    where: { id: updateId, orgId: ctx.org.id },
    select: {
      id: true,
      projectId: true,
      authorId: true,
      health: true,
      summary: true,
      body: true,
      suggestedHealth: true,
      overrideReason: true,
      createdAt: true,
      editedAt: true,
      acknowledgedAt: true,
      acknowledgedById: true,
      project: { select: { orgUnitId: true, archivedAt: true } },
    },
  });
  if (!update) throw new AppError("NOT_FOUND", "That update does not exist.");
  await ctx.assertUnitInScope(update.project.orgUnitId);
  if (update.authorId !== ctx.actor.userId) throw new AppError("FORBIDDEN", "Only the author of an update can change it.");
  if (!withinEditWindow(update.createdAt, now)) {
    throw new AppError(
      "FORBIDDEN",
      `An update can be changed for ${UPDATE_EDIT_WINDOW_HOURS} hours after posting; this one was posted on ${formatDate(update.createdAt.toISOString())}. Post a new update instead.`,
    );
  }
  return update;
}

/** Sets the project's health and last-update date from its latest remaining update. */
export async function syncProjectWithLatestUpdate(ctx: ActionContext, projectId: string, now: Date) {
  const [project, latest] = await Promise.all([
    ctx.tx.project.findFirst({ where: { id: projectId, orgId: ctx.org.id }, select: { health: true } }),
    ctx.tx.statusUpdate.findFirst({
      where: { projectId, orgId: ctx.org.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { health: true, createdAt: true },
    }),
  ]);
  if (!project) return;
  const health: Health = latest?.health ?? "UNKNOWN";
  await ctx.tx.project.updateMany({
    where: { id: projectId, orgId: ctx.org.id },
    data: { health, lastUpdateAt: latest?.createdAt ?? null, ...(project.health !== health ? { healthChangedAt: now } : {}) },
  });
}
