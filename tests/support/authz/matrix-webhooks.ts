import type { OrgFx } from "@/tests/support/authz/fixture";
import { row } from "@/tests/support/authz/matrix";

// Webhooks: only admins manage them (webhooks:manage). Every cell works on a fresh endpoint (or
// delivery) of its own. Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN.
const target = async (fx: OrgFx) => ({ endpointId: (await fx.make.webhook()).id, version: 1 });

export const WEBHOOK_ROWS = [
  row("webhook.create", "ok F F F F F N U -", () => ({ url: "https://hooks.example.com/keel", events: ["status_update.posted"] })),
  row("webhook.update", "ok F F F F F N U N", async (fx) => ({
    ...(await target(fx)),
    url: "https://hooks.example.com/changed",
    events: ["position.filled", "member.added"],
  })),
  row("webhook.disable", "ok F F F F F N U N", target),
  row("webhook.enable", "ok F F F F F N U N", target),
  row("webhook.delete", "ok F F F F F N U N", target),
  row("webhook.test", "ok F F F F F N U N", target),
  row("webhook.redeliver", "ok F F F F F N U N", async (fx) => ({ deliveryId: (await fx.make.webhookDelivery()).id })),
  row("webhook.settings.update", "ok F F F F F N U -", () => ({ allowPrivate: true })),
];
