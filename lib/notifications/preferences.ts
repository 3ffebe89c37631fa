import type { Db, Tx } from "@/lib/db-factory";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_CHANNELS } from "@/lib/notifications/kinds";

// Which channels a user gets a kind on. No preference row = the default: in app and email on,
// Slack on once the user has given a Slack webhook. A row says on or off for one kind × channel.

export type UserChannels = {
  email: string;
  timeZone: string;
  quietStartHour: number | null;
  quietEndHour: number | null;
  slackWebhookUrl: string | null;
  channels: NotificationChannel[];
};

export function defaultEnabled(channel: NotificationChannel, hasSlack: boolean): boolean {
  return channel === "SLACK" ? hasSlack : true;
}

/** The user's enabled channels for `kind`, with what sending needs; null when there is no such user. */
export async function channelsFor(client: Db | Tx, userId: string, kind: NotificationKind): Promise<UserChannels | null> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      timeZone: true,
      quietStartHour: true,
      quietEndHour: true,
      slackWebhookUrl: true,
      notificationPreferences: { where: { kind }, select: { channel: true, enabled: true } },
    },
  });
  if (!user) return null;
  const set = new Map(user.notificationPreferences.map((p) => [p.channel, p.enabled]));
  const hasSlack = !!user.slackWebhookUrl;
  const channels = NOTIFICATION_CHANNELS.filter((c) => (c === "SLACK" && !hasSlack ? false : (set.get(c) ?? defaultEnabled(c, hasSlack))));
  const { notificationPreferences: _p, ...rest } = user;
  return { ...rest, channels };
}
