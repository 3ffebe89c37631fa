import type { Db } from "@/lib/db-factory";
import { logger } from "@/lib/log";
import { openSecret } from "@/lib/security/secret-box";
import type { DeliveryPolicy } from "@/lib/webhooks/policy";
import { postWebhook } from "@/lib/webhooks/post";
import { signedHeaders } from "@/lib/webhooks/sign";

export type AttemptOutcome = "delivered" | "retry" | "failed" | "skipped";

/**
 * One attempt of a delivery, run by the worker for a pg-boss job (`retryCount` attempts came
 * before it). Logs the attempt, and settles the delivery: delivered, failed for good (the last
 * attempt, or a refusal no retry changes) or "retry" (the caller throws so pg-boss retries with
 * backoff). A delivery already settled is skipped, so a job handed over twice sends once.
 */
export async function attemptDelivery(db: Db, deliveryId: string, retryCount: number, policy: DeliveryPolicy): Promise<AttemptOutcome> {
  const d = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      orgId: true,
      eventId: true,
      payload: true,
      state: true,
      attempts: true,
      endpoint: { select: { id: true, url: true, secretSealed: true, enabled: true, org: { select: { webhooksAllowPrivate: true } } } },
    },
  });
  if (!d || d.state === "SUCCEEDED" || d.state === "FAILED") return "skipped";
  const attempt = d.attempts + 1;
  if (!d.endpoint.enabled) {
    await db.webhookDelivery.update({
      where: { id: d.id },
      data: { state: "FAILED", error: "not sent: the endpoint is disabled", finishedAt: new Date() },
    });
    return "failed";
  }
  const body = JSON.stringify(d.payload);
  const headers = signedHeaders(openSecret(d.endpoint.secretSealed, d.orgId), d.eventId, Math.floor(Date.now() / 1000), body);
  const result = await postWebhook(d.endpoint.url, body, headers, {
    allowPrivate: d.endpoint.org.webhooksAllowPrivate,
    timeoutMs: policy.timeoutMs,
  });
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const final = ok || result.permanent || retryCount >= policy.retryLimit;
  const now = new Date();
  const state = ok ? "SUCCEEDED" : final ? "FAILED" : "QUEUED";
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        orgId: d.orgId,
        deliveryId: d.id,
        attempt,
        responseStatus: result.status,
        durationMs: result.durationMs,
        error: result.error,
      },
    });
    await tx.webhookDelivery.update({
      where: { id: d.id },
      data: {
        state,
        attempts: attempt,
        responseStatus: result.status,
        durationMs: result.durationMs,
        error: result.error,
        lastAttemptAt: now,
        ...(final ? { finishedAt: now } : {}),
      },
    });
    if (ok) {
      await tx.webhookEndpoint.update({ where: { id: d.endpoint.id }, data: { consecutiveFailures: 0 } });
    } else if (final) {
      const ep = await tx.webhookEndpoint.update({
        where: { id: d.endpoint.id },
        data: { consecutiveFailures: { increment: 1 } },
        select: { consecutiveFailures: true, enabled: true },
      });
      if (ep.enabled && ep.consecutiveFailures >= policy.disableAfter) {
        await tx.webhookEndpoint.update({
          where: { id: d.endpoint.id },
          data: {
            enabled: false,
            disabledAt: now,
            disabledReason: `Disabled automatically after ${ep.consecutiveFailures} failed deliveries in a row (last: ${result.error ?? "no response"}).`,
            version: { increment: 1 },
          },
        });
        logger.warn(
          { event: "webhook.endpoint.disabled", endpointId: d.endpoint.id, orgId: d.orgId },
          "webhook endpoint disabled after repeated failures",
        );
      }
    }
  });
  return ok ? "delivered" : final ? "failed" : "retry";
}
