import { randomUUID } from "node:crypto";

import type { Db, Tx } from "@/lib/db-factory";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { DELIVERY_POLICY } from "@/lib/webhooks/policy";

// Emitting an event writes one WebhookDelivery row (state PENDING) per enabled endpoint of the
// org subscribed to it, in the transaction of the change itself: the outbox. The change and its
// event commit together or not at all, and no job queue needs to be reachable for an action to
// succeed. The worker's relay (lib/webhooks/relay.ts) hands PENDING rows to pg-boss.

type WebhookPayload = { type: WebhookEventType; timestamp: string; data: Record<string, unknown> };

/** The webhook-id of a new event (the same for every endpoint and every attempt). */
const newEventId = () => `msg_${randomUUID().replaceAll("-", "")}`;

/** Writes the deliveries of one event; returns its id, or null when no endpoint subscribes. */
export async function emitWebhookEvent(
  tx: Tx | Db,
  orgId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
  opts: { endpointId?: string } = {},
): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: opts.endpointId ? { id: opts.endpointId, orgId } : { orgId, enabled: true, events: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const eventId = newEventId();
  const payload: WebhookPayload = { type, timestamp: new Date().toISOString(), data };
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      id: randomUUID(),
      orgId,
      endpointId: e.id,
      eventId,
      eventType: type,
      payload: payload as unknown as Prisma.InputJsonValue,
      maxAttempts: DELIVERY_POLICY.retryLimit + 1,
    })),
  });
  return eventId;
}
