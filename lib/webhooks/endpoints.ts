import { randomUUID } from "node:crypto";

import { defineAction } from "@/lib/action";
import type { ActionContext } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sealSecret } from "@/lib/security/secret-box";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { DELIVERY_POLICY } from "@/lib/webhooks/policy";
import {
  ZCreateWebhookInput,
  ZRedeliverInput,
  ZUpdateWebhookInput,
  ZWebhookSettingsInput,
  ZWebhookTargetInput,
} from "@/lib/webhooks/schemas";
import { newWebhookSecret } from "@/lib/webhooks/sign";
import { checkLiteralHost, TargetRefusedError } from "@/lib/webhooks/ssrf";

// The admin's webhook actions (settings → Webhooks). Every one is audited; the signing secret is
// returned once, at creation, and never written to the audit trail.

// Every action here is the admins' (webhooks:manage) and refreshes the settings page.
const MANAGE = { permission: "webhooks:manage", revalidate: { path: "/{org}/settings/webhooks", type: "layout" } } as const;
const AUDITED = { url: true, description: true, events: true, enabled: true, disabledReason: true } as const;

/** Refuses a target the delivery would refuse anyway: plain http or a literal private address, unless allowed. */
async function assertTargetAllowed(ctx: ActionContext, url: string) {
  const org = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { webhooksAllowPrivate: true } });
  const target = new URL(url);
  if (target.protocol !== "https:" && !org.webhooksAllowPrivate) throw invalid({ url: ["The address must start with https://."] });
  try {
    checkLiteralHost(target.hostname, org.webhooksAllowPrivate);
  } catch (error) {
    if (error instanceof TargetRefusedError)
      throw invalid({ url: ["That is a private or loopback address: Keel refuses to send there unless private targets are allowed."] });
    throw error;
  }
}

async function endpointOrThrow(ctx: ActionContext, endpointId: string, version?: number) {
  const ep = await ctx.tx.webhookEndpoint.findFirst({
    where: { id: endpointId, orgId: ctx.org.id },
    select: { id: true, version: true, ...AUDITED },
  });
  if (!ep) throw new AppError("NOT_FOUND", "That webhook does not exist.");
  if (version !== undefined && ep.version !== version) throw conflict();
  return ep;
}

type StoredEndpoint = Awaited<ReturnType<typeof endpointOrThrow>>;

/**
 * A change to one endpoint at the version the admin saw: the target it will send to (`targetOf`,
 * when the change can send) is checked first, then the change moves the version and is audited
 * before and after.
 */
async function changeEndpoint(
  ctx: ActionContext,
  { endpointId, version }: { endpointId: string; version: number },
  data: Prisma.WebhookEndpointUpdateInput,
  targetOf?: (before: StoredEndpoint) => string,
) {
  const before = await endpointOrThrow(ctx, endpointId, version);
  if (targetOf) await assertTargetAllowed(ctx, targetOf(before));
  const after = await ctx.tx.webhookEndpoint.update({
    where: { id: before.id },
    data: { ...data, version: { increment: 1 } },
    select: { id: true, version: true, ...AUDITED },
  });
  await ctx.audit({ entityType: "WebhookEndpoint", entityId: before.id, before, after });
  return { endpointId: after.id, version: after.version };
}

export const createWebhook = defineAction({
  name: "webhook.create",
  ...MANAGE,
  input: ZCreateWebhookInput,
  async handler(ctx, input) {
    await assertTargetAllowed(ctx, input.url);
    const secret = newWebhookSecret();
    const ep = await ctx.tx.webhookEndpoint.create({
      data: {
        orgId: ctx.org.id,
        url: input.url,
        description: input.description,
        events: input.events,
        secretSealed: sealSecret(secret, ctx.org.id),
      },
      select: { id: true, ...AUDITED },
    });
    await ctx.audit({ entityType: "WebhookEndpoint", entityId: ep.id, after: ep });
    return { endpointId: ep.id, secret };
  },
});

export const updateWebhook = defineAction({
  name: "webhook.update",
  ...MANAGE,
  input: ZUpdateWebhookInput,
  async handler(ctx, { endpointId, version, ...changes }) {
    return changeEndpoint(ctx, { endpointId, version }, changes, () => changes.url);
  },
});

export const disableWebhook = defineAction({
  name: "webhook.disable",
  ...MANAGE,
  input: ZWebhookTargetInput,
  async handler(ctx, target) {
    return changeEndpoint(ctx, target, { enabled: false, disabledAt: new Date(), disabledReason: "Disabled by an admin." });
  },
});

export const enableWebhook = defineAction({
  name: "webhook.enable",
  ...MANAGE,
  input: ZWebhookTargetInput,
  async handler(ctx, target) {
    return changeEndpoint(
      ctx,
      target,
      { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
      (before) => before.url,
    );
  },
});

export const deleteWebhook = defineAction({
  name: "webhook.delete",
  ...MANAGE,
  input: ZWebhookTargetInput,
  async handler(ctx, { endpointId, version }) {
    const before = await endpointOrThrow(ctx, endpointId, version);
    await ctx.tx.webhookEndpoint.delete({ where: { id: before.id } });
    await ctx.audit({ entityType: "WebhookEndpoint", entityId: before.id, before });
    return { endpointId: before.id };
  },
});

/** Sends a `webhook.test` event to one endpoint (enabled or not: testing a disabled one is how to check a fix). */
export const sendTestWebhook = defineAction({
  name: "webhook.test",
  ...MANAGE,
  input: ZWebhookTargetInput,
  async handler(ctx, { endpointId }) {
    const ep = await endpointOrThrow(ctx, endpointId);
    const eventId = await emitWebhookEvent(
      ctx.tx,
      ctx.org.id,
      "webhook.test",
      { org: { slug: ctx.org.slug }, message: "A test event from Keel's webhook settings." },
      { endpointId: ep.id },
    );
    await ctx.audit({ entityType: "WebhookEndpoint", entityId: ep.id, after: { eventId } });
    return { eventId };
  },
});

/** Sends a delivery's event again, as a new delivery with the same webhook-id (receivers dedupe by it). */
export const redeliverWebhook = defineAction({
  name: "webhook.redeliver",
  ...MANAGE,
  input: ZRedeliverInput,
  async handler(ctx, { deliveryId }) {
    const d = await ctx.tx.webhookDelivery.findFirst({
      where: { id: deliveryId, orgId: ctx.org.id },
      select: { id: true, endpointId: true, eventId: true, eventType: true, payload: true },
    });
    if (!d) throw new AppError("NOT_FOUND", "That delivery does not exist.");
    const copy = await ctx.tx.webhookDelivery.create({
      data: {
        id: randomUUID(),
        orgId: ctx.org.id,
        endpointId: d.endpointId,
        eventId: d.eventId,
        eventType: d.eventType,
        payload: d.payload ?? {},
        maxAttempts: DELIVERY_POLICY.retryLimit + 1,
        redeliveryOfId: d.id,
      },
      select: { id: true },
    });
    await ctx.audit({
      entityType: "WebhookEndpoint",
      entityId: d.endpointId,
      after: { eventId: d.eventId, deliveryId: copy.id, redeliveryOf: d.id },
    });
    return { deliveryId: copy.id };
  },
});

/** Whether this org's endpoints may be private, loopback or link-local addresses (and plain http). */
export const updateWebhookSettings = defineAction({
  name: "webhook.settings.update",
  ...MANAGE,
  input: ZWebhookSettingsInput,
  async handler(ctx, { allowPrivate }) {
    const before = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { webhooksAllowPrivate: true } });
    const after = await ctx.tx.organization.update({
      where: { id: ctx.org.id },
      data: { webhooksAllowPrivate: allowPrivate },
      select: { webhooksAllowPrivate: true },
    });
    await ctx.audit({ entityType: "Organization", entityId: ctx.org.id, before, after });
    return after;
  },
});
