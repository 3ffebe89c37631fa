import { z } from "zod";

import { defineUserAction, definePublicAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { ZNotificationSettingsInput, ZUnsubscribeInput } from "@/lib/notifications/schemas";
import { checkLiteralHost, TargetRefusedError } from "@/lib/webhooks/ssrf";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { KIND_LABELS } from "@/lib/notifications/kinds";

// A user's own notification settings (account page), the one-click unsubscribe of an email or
// Slack link (no session: the signed token is the authority), and marking the in-app ones read.

export const updateNotificationSettings = defineUserAction({
  name: "account.notifications.update",
  input: ZNotificationSettingsInput,
  revalidate: { path: "/", type: "layout" },
  async handler(ctx, input) {
    if (input.slackWebhookUrl) {
      try {
        // A Slack webhook is a public address: a literal private or loopback one is refused here,
        // and every address the name resolves to is checked again at each send.
        checkLiteralHost(new URL(input.slackWebhookUrl).hostname, false);
      } catch (error) {
        if (error instanceof TargetRefusedError)
          throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
            slackWebhookUrl: ["That is a private or loopback address: Keel does not send there."],
          });
        throw error;
      }
    }
    const before = await ctx.tx.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { timeZone: true, quietStartHour: true, quietEndHour: true, digestWeekday: true, digestHour: true, slackWebhookUrl: true },
    });
    const { preferences, ...settings } = input;
    await ctx.tx.user.update({ where: { id: ctx.user.id }, data: settings });
    for (const p of preferences)
      await ctx.tx.notificationPreference.upsert({
        where: { userId_kind_channel: { userId: ctx.user.id, kind: p.kind, channel: p.channel } },
        create: { userId: ctx.user.id, ...p },
        update: { enabled: p.enabled },
      });
    // The webhook address is a credential of the user's Slack: the trail says only whether one is set.
    const audited = (s: typeof before) => ({ ...s, slackWebhookUrl: s.slackWebhookUrl ? "set" : null });
    await ctx.audit({
      entityType: "User",
      entityId: ctx.user.id,
      before: audited(before),
      after: { ...audited(settings as typeof before), preferences: preferences.length },
    });
    return { saved: true };
  },
});

export const markNotificationsRead = defineUserAction({
  name: "account.notifications.read",
  input: z.object({}),
  async handler(ctx) {
    const { count } = await ctx.tx.notification.updateMany({
      where: { userId: ctx.user.id, channel: "IN_APP", readAt: null },
      data: { readAt: new Date() },
    });
    await ctx.audit({ entityType: "User", entityId: ctx.user.id, after: { read: count } });
    return { read: count };
  },
});

export const unsubscribe = definePublicAction({
  name: "notifications.unsubscribe",
  input: ZUnsubscribeInput,
  async handler(ctx, input) {
    const target = readUnsubscribeToken(input.token);
    const membership = target
      ? await ctx.tx.membership.findFirst({ where: { userId: target.userId }, select: { orgId: true }, orderBy: { createdAt: "asc" } })
      : null;
    if (!target || !membership) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid.");
    for (const channel of ["EMAIL", "SLACK"] as const)
      await ctx.tx.notificationPreference.upsert({
        where: { userId_kind_channel: { userId: target.userId, kind: target.kind, channel } },
        create: { userId: target.userId, kind: target.kind, channel, enabled: false },
        update: { enabled: false },
      });
    await ctx.audit({
      orgId: membership.orgId,
      actorId: target.userId,
      entityType: "User",
      entityId: target.userId,
      after: { kind: target.kind },
    });
    return { kind: target.kind, label: KIND_LABELS[target.kind] };
  },
});
