import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

import { readEnv, secretBytes } from "@/lib/env";

// Secrets Keel must give back later (a webhook's signing secret, an identity provider's client
// secret) are stored sealed: AES-256-GCM with a random 96-bit nonce, under KEEL_ENCRYPTION_KEY.
// The stored form is "v1.<nonce>.<ciphertext>.<tag>" (base64url), so a later key or algorithm can
// sit beside it. A database dump alone does not reveal them. Production refuses to start without
// the key (lib/env.ts); elsewhere a fixed development key is derived, so a demo needs no setup
// (and its sealed values are no secret from anyone who reads this file).

const VERSION = "v1";

function key(): Buffer {
  const env = readEnv();
  if (env.KEEL_ENCRYPTION_KEY) {
    const bytes = secretBytes(env.KEEL_ENCRYPTION_KEY);
    if (bytes.length !== 32) throw new Error("KEEL_ENCRYPTION_KEY must be exactly 32 bytes (base64 or hex).");
    return bytes;
  }
  if (env.production) throw new Error("KEEL_ENCRYPTION_KEY is not set: production refuses to seal or open secrets without it.");
  return createHash("sha256").update("keel development encryption key (not a secret)").digest();
}

/** Seals a secret for storage; `context` (e.g. the row's org id) must be given again to open it. */
export function sealSecret(plain: string, context = ""): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), nonce);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, nonce, body, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Opens what sealSecret sealed; throws when it was tampered with, or sealed under another key or context. */
export function openSecret(sealed: string, context = ""): string {
  const [version, nonce, body, tag] = sealed.split(".");
  if (version !== VERSION || !nonce || body === undefined || !tag) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(nonce, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
