import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks (standardwebhooks.com): the secret is "whsec_" + base64 of random bytes; the
// signature is HMAC-SHA256 keyed with those bytes over "<webhook-id>.<webhook-timestamp>.<body>",
// sent as "v1,<base64>" in webhook-signature. The spec's libraries verify it as is.

/** A new signing secret: 24 random bytes, as the spec's libraries generate them. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

function webhookSignature(secret: string, id: string, timestampSec: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestampSec}.${body}`).digest("base64")}`;
}

/** The three headers of a signed delivery. */
export function signedHeaders(secret: string, id: string, timestampSec: number, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSec),
    "webhook-signature": webhookSignature(secret, id, timestampSec, body),
  };
}
