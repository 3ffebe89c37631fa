import type { Db, Tx } from "@/lib/db-factory";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { channelsFor } from "@/lib/notifications/preferences";
import { quietUntil } from "@/lib/notifications/quiet-hours";

// THE way to notify someone: one row per channel the user has on for the kind, written in the
// caller's transaction (the outbox: the change and its notification commit together). In-app
// rows are delivered on writing (the bell reads them); email and Slack rows wait for the worker
// (lib/notifications/worker.ts), not before the end of the user's quiet hours. The same user,
// kind and key is written once per channel, so a scheduler that runs twice notifies once.

export type NotifyInput = {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  /** What makes this notification the same one on a re-run (e.g. "due:<projectId>:<date>"). */
  dedupeKey: string;
  subject: string;
  /** Plain text; "- " lines are list items, blank lines separate paragraphs (templates.ts). */
  text: string;
  /** A path in Keel ("/acme/projects/…"). */
  href?: string | null;
};

/** PostgreSQL text cannot hold NUL: a file name or value quoted from a bad file may carry one. */
const storable = (s: string) => s.replaceAll("\u0000", "\uFFFD");

/** Writes the notification's rows; returns how many were new (0: off everywhere, not a member, or sent before). */
export async function notify(client: Db | Tx, n: NotifyInput, now = new Date()): Promise<number> {
  const member = await client.membership.findUnique({
    where: { orgId_userId: { orgId: n.orgId, userId: n.userId } },
    select: { id: true },
  });
  if (!member) return 0;
  const user = await channelsFor(client, n.userId, n.kind);
  if (!user || user.channels.length === 0) return 0;
  const notBefore = quietUntil(now, user) ?? now;
  const { count } = await client.notification.createMany({
    data: user.channels.map((channel) => ({
      orgId: n.orgId,
      userId: n.userId,
      kind: n.kind,
      channel,
      dedupeKey: n.dedupeKey,
      subject: storable(n.subject).slice(0, 300),
      text: storable(n.text),
      href: n.href ?? null,
      createdAt: now,
      ...(channel === "IN_APP" ? { state: "SENT" as const, sentAt: now, notBefore: now } : { notBefore }),
    })),
    skipDuplicates: true,
  });
  return count;
}
