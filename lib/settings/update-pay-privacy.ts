import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { ZUpdatePayPrivacyInput } from "@/lib/settings/schemas";

const SELECT = { payMinGroupSize: true, financeReadsPay: true, updatedAt: true } as const;

/** The org's pay privacy settings (docs/privacy.md), by admins and directors. */
export const updatePayPrivacy = defineAction({
  name: "org.pay-privacy.update",
  permission: "org:settings",
  revalidate: { path: "/{org}", type: "layout" },
  input: ZUpdatePayPrivacyInput,
  async handler(ctx, { expectedUpdatedAt, ...changes }) {
    const before = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: SELECT });
    // Optimistic concurrency, as for the other settings: one conditional update.
    const { count } = await ctx.tx.organization.updateMany({
      where: { id: ctx.org.id, updatedAt: new Date(expectedUpdatedAt) },
      data: changes,
    });
    if (count === 0) throw new AppError("CONFLICT");
    const after = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: SELECT });
    await ctx.audit({ entityType: "Organization", entityId: ctx.org.id, before, after });
    return { updatedAt: after.updatedAt.toISOString() };
  },
});
