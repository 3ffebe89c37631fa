import { z } from "zod";

import { ZCheckbox, ZId, ZVersion } from "@/lib/validation";
import { SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";

const URL_MESSAGE = "Enter the endpoint's full address, e.g. https://hooks.example.com/keel.";

const ZWebhookUrl = z
  .string({ error: URL_MESSAGE })
  .trim()
  .min(1, URL_MESSAGE)
  .max(2000, "The address can be at most 2,000 characters.")
  .refine((s) => URL.canParse(s), URL_MESSAGE)
  // zod runs every refinement even after one failed: each must hold up on any string.
  .refine((s) => !URL.canParse(s) || ["https:", "http:"].includes(new URL(s).protocol), "The address must start with https://.")
  .refine(
    (s) => !URL.canParse(s) || (!new URL(s).username && !new URL(s).password),
    "Leave credentials out of the address: the signature authenticates Keel.",
  );

const ZEvents = z
  .array(z.enum(SUBSCRIBABLE_EVENTS as [string, ...string[]], { error: "That is not an event Keel sends." }), {
    error: "Choose at least one event.",
  })
  .min(1, "Choose at least one event.")
  .transform((list) => [...new Set(list)].sort());

const ZDescription = z.string().trim().max(200, "The description can be at most 200 characters.").default("");

export const ZCreateWebhookInput = z.object({ url: ZWebhookUrl, description: ZDescription, events: ZEvents });

export const ZUpdateWebhookInput = z.object({
  endpointId: ZId(),
  version: ZVersion,
  url: ZWebhookUrl,
  description: ZDescription,
  events: ZEvents,
});

export const ZWebhookTargetInput = z.object({ endpointId: ZId(), version: ZVersion });

export const ZRedeliverInput = z.object({ deliveryId: z.uuid({ error: "That delivery does not exist." }) });

export const ZWebhookSettingsInput = z.object({ allowPrivate: ZCheckbox });
