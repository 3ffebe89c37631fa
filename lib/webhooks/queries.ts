import "server-only";

import { db } from "@/lib/db";

// Reads for the webhook settings page (admins only: the page checks webhooks:manage). DTOs
// carry no secret, sealed or not.

export type WebhookEndpointDto = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  version: number;
  createdAt: string;
};

/** The org's endpoints, oldest first, and whether private targets are allowed. */
export async function getWebhookOverview(orgId: string): Promise<{ allowPrivate: boolean; endpoints: WebhookEndpointDto[] }> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { webhooksAllowPrivate: true } });
  const rows = await db.webhookEndpoint.findMany({
    where: { orgId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      enabled: true,
      disabledReason: true,
      consecutiveFailures: true,
      version: true,
      createdAt: true,
    },
  });
  return { allowPrivate: org.webhooksAllowPrivate, endpoints: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export type WebhookDeliveryDto = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  state: string;
  attempts: number;
  maxAttempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  error: string | null;
  redelivery: boolean;
  createdAt: string;
  lastAttemptAt: string | null;
  log: { attempt: number; at: string; responseStatus: number | null; durationMs: number; error: string | null }[];
};

/** The latest deliveries of one endpoint (or of the org with null), newest first, with each attempt. */
export async function listWebhookDeliveries(orgId: string, endpointId: string | null, take = 50): Promise<WebhookDeliveryDto[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { orgId, ...(endpointId ? { endpointId } : {}) },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      endpointId: true,
      eventId: true,
      eventType: true,
      state: true,
      attempts: true,
      maxAttempts: true,
      responseStatus: true,
      durationMs: true,
      error: true,
      redeliveryOfId: true,
      createdAt: true,
      lastAttemptAt: true,
      attemptLog: {
        orderBy: { attempt: "asc" },
        select: { attempt: true, at: true, responseStatus: true, durationMs: true, error: true },
      },
    },
  });
  return rows.map(({ attemptLog, redeliveryOfId, createdAt, lastAttemptAt, ...r }) => ({
    ...r,
    redelivery: redeliveryOfId !== null,
    createdAt: createdAt.toISOString(),
    lastAttemptAt: lastAttemptAt?.toISOString() ?? null,
    log: attemptLog.map((a) => ({ ...a, at: a.at.toISOString() })),
  }));
}
