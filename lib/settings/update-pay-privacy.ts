import { defineAction } from "@/lib/action";
import { saveOrgRowIfUnchanged } from "@/lib/settings/save-org-row";
import { ZUpdatePayPrivacyInput } from "@/lib/settings/schemas";

const SELECT = { payMinGroupSize: true, financeReadsPay: true, updatedAt: true } as const;

/** The org's pay privacy settings (docs/privacy.md), by admins and directors. */
export const updatePayPrivacy = defineAction({
  name: "org.pay-privacy.update",
  permission: "org:settings",
  input: ZUpdatePayPrivacyInput,
  async handler(ctx, { expectedUpdatedAt, ...changes }) {
    const before = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: SELECT });
    return saveOrgRowIfUnchanged(ctx, { select: SELECT, before, expectedUpdatedAt, changes });
  },
});
