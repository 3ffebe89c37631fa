import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";

// The notification kinds and channels a user chooses between (account page), with their labels.
// One place, so the preferences form, the unsubscribe page and the docs name them alike.

export const NOTIFICATION_KINDS = [
  "UPDATE_DUE",
  "STALE_ESCALATION",
  "ACK_REQUESTED",
  "DIRECTOR_DIGEST",
  "IMPORT_RESULT",
  "POSITION_OPEN",
] as const satisfies readonly NotificationKind[];

export const NOTIFICATION_CHANNELS = ["IN_APP", "EMAIL", "SLACK"] as const satisfies readonly NotificationChannel[];

export const KIND_LABELS: Record<NotificationKind, string> = {
  UPDATE_DUE: "Update due tomorrow",
  STALE_ESCALATION: "Stale project escalated to you",
  ACK_REQUESTED: "Update awaiting your acknowledgement",
  DIRECTOR_DIGEST: "Weekly director digest",
  IMPORT_RESULT: "Import finished or failed",
  POSITION_OPEN: "Position open too long",
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = { IN_APP: "In app", EMAIL: "Email", SLACK: "Slack" };
