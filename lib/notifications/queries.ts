import "server-only";

import { db } from "@/lib/db";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { defaultEnabled } from "@/lib/notifications/preferences";

// Reads of a user's notifications: the in-app messages under the bell (this org's, the user's
// own) and the settings the account page edits.

type InboxItem = { id: string; kind: NotificationKind; subject: string; href: string | null; createdAt: string; read: boolean };
export type Inbox = { unread: number; items: InboxItem[] };

const INBOX_ITEMS = 5;
const INBOX_DAYS = 30;

/** The user's latest in-app messages in this org (last 30 days) and how many are unread. */
export async function getInbox(orgId: string, userId: string, now = new Date()): Promise<Inbox> {
  const since = new Date(now.getTime() - INBOX_DAYS * 86_400_000);
  const where = { orgId, userId, channel: "IN_APP" as const, createdAt: { gte: since } };
  const [unread, rows] = await Promise.all([
    db.notification.count({ where: { ...where, readAt: null } }),
    db.notification.findMany({
      where,
      select: { id: true, kind: true, subject: true, href: true, createdAt: true, readAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: INBOX_ITEMS,
    }),
  ]);
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      href: r.href,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
  };
}

export type NotificationSettings = {
  timeZone: string;
  quietStartHour: number | null;
  quietEndHour: number | null;
  /** The weekly digest's local day (0 = Sunday) and hour. */
  digestWeekday: number;
  digestHour: number;
  /** The user's own Slack webhook (they set it; shown only to them). */
  slackWebhookUrl: string | null;
  enabled: Record<NotificationKind, Record<NotificationChannel, boolean>>;
};

/** The signed-in user's notification settings, each kind × channel with its default filled in. */
export async function getNotificationSettings(userId: string): Promise<NotificationSettings> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      timeZone: true,
      quietStartHour: true,
      quietEndHour: true,
      digestWeekday: true,
      digestHour: true,
      slackWebhookUrl: true,
      notificationPreferences: { select: { kind: true, channel: true, enabled: true } },
    },
  });
  const set = new Map(u.notificationPreferences.map((p) => [`${p.kind}:${p.channel}`, p.enabled]));
  const enabled = Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [
      k,
      Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, set.get(`${k}:${c}`) ?? defaultEnabled(c, true)])),
    ]),
  ) as NotificationSettings["enabled"];
  return {
    timeZone: u.timeZone,
    quietStartHour: u.quietStartHour,
    quietEndHour: u.quietEndHour,
    digestWeekday: u.digestWeekday,
    digestHour: u.digestHour,
    slackWebhookUrl: u.slackWebhookUrl,
    enabled,
  };
}
