import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { encryptionKeyBytes, readEnv } from "@/lib/env";

// Seals secrets Keel must store and read back (an org's SSO client secret): AES-256-GCM with a
// fresh 96-bit nonce per seal, key from KEEL_ENCRYPTION_KEY. Production refuses to start without
// that key (lib/env.ts); elsewhere a key is derived from AUTH_SECRET so a demo needs no extra
// setting. Format "v1.<base64url(nonce | tag | ciphertext)>": the prefix names the format, so a
// later key rotation can add "v2." beside it.

const VERSION = "v1";

let cached: { source: string; key: Buffer } | null = null;

function key(): Buffer {
  const env = readEnv();
  if (!env.KEEL_ENCRYPTION_KEY && env.production) throw new Error("KEEL_ENCRYPTION_KEY is not set");
  const source = env.KEEL_ENCRYPTION_KEY ?? `auth:${env.authSecret ?? ""}`;
  if (cached?.source === source) return cached.key;
  let bytes: Buffer | null;
  if (env.KEEL_ENCRYPTION_KEY) {
    bytes = encryptionKeyBytes(env.KEEL_ENCRYPTION_KEY);
    if (!bytes) throw new Error("KEEL_ENCRYPTION_KEY must be 32 bytes in base64 or hex");
  } else {
    if (!env.authSecret) throw new Error("Neither KEEL_ENCRYPTION_KEY nor AUTH_SECRET is set");
    bytes = Buffer.from(hkdfSync("sha256", env.authSecret, "", "Keel secret box v1 (development key)", 32));
  }
  cached = { source, key: bytes };
  return bytes;
}

/** Encrypts and authenticates a secret for storage. */
export function seal(plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), nonce);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** Decrypts what seal() made; throws when it was altered or sealed under another key. */
export function open(sealed: string): string {
  const [version, data] = sealed.split(".", 2);
  if (version !== VERSION || !data) throw new Error("Not a sealed secret");
  const raw = Buffer.from(data, "base64url");
  if (raw.length < 28) throw new Error("Not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
