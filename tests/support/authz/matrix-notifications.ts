import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import type { PublicRow, SelfRow } from "@/tests/support/authz/matrix";

// Notifications (docs/notifications.md): the settings and "mark read" act on the caller's own
// account; the unsubscribe link's signed token is its only authority. Forged: a token whose
// signature Keel did not make, for a real user (NOT_FOUND, nothing written).

export const NOTIFICATION_PUBLIC_ROWS: PublicRow[] = [
  {
    action: "notifications.unsubscribe",
    valid: async (fx) => ({ token: unsubscribeToken(fx.users.director, "DIRECTOR_DIGEST") }),
    forged: (fx) => ({ token: `${fx.users.director}.DIRECTOR_DIGEST.${"A".repeat(43)}` }),
    forgedOutcome: "NOT_FOUND",
  },
];

export const NOTIFICATION_SELF_ROWS: SelfRow[] = [
  {
    action: "account.notifications.update",
    valid: async () => ({
      timeZone: "Europe/Berlin",
      quietStartHour: 22,
      quietEndHour: 7,
      digestWeekday: 5,
      digestHour: 8,
      slackWebhookUrl: "https://hooks.slack.com/services/T000/B000/XXXX",
      preferences: [{ kind: "DIRECTOR_DIGEST", channel: "EMAIL", enabled: false }],
    }),
  },
  { action: "account.notifications.read", valid: async () => ({}) },
];
