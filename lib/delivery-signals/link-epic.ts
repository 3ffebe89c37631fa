import { defineAction } from "@/lib/action";
import { ZLinkEpicInput } from "@/lib/delivery-signals/schemas";
import { AppError } from "@/lib/errors";

// A milestone's progress is its epic's issues done/total: the epic key (Jira), project milestone
// or parent issue (Linear) or GitHub milestone title it is linked to. Blank unlinks.

export const linkMilestoneEpic = defineAction({
  name: "delivery.epic.link",
  permission: "delivery:connect",
  revalidate: { path: "/{org}", type: "layout" },
  input: ZLinkEpicInput,
  async handler(ctx, { milestoneId, epicKey }) {
    const milestone = await ctx.tx.milestone.findFirst({
      where: { id: milestoneId, orgId: ctx.org.id },
      select: { id: true, projectId: true, project: { select: { orgUnitId: true } }, deliveryEpicLinks: { select: { epicKey: true } } },
    });
    if (!milestone) throw new AppError("NOT_FOUND", "That milestone does not exist.");
    await ctx.assertUnitInScope(milestone.project.orgUnitId);
    const before = { epicKey: milestone.deliveryEpicLinks[0]?.epicKey ?? null };
    if (epicKey)
      await ctx.tx.deliveryEpicLink.upsert({
        where: { milestoneId: milestone.id },
        create: { orgId: ctx.org.id, projectId: milestone.projectId, milestoneId: milestone.id, epicKey },
        update: { epicKey },
      });
    else await ctx.tx.deliveryEpicLink.deleteMany({ where: { orgId: ctx.org.id, milestoneId: milestone.id } });
    await ctx.audit({ entityType: "Milestone", entityId: milestone.id, before, after: { epicKey: epicKey || null } });
    return { milestoneId: milestone.id };
  },
});
