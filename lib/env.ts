import { z } from "zod";

// Every setting Keel reads from the environment, in one place and validated once per read.
// The start script (scripts/start.ts) checks them before it touches any database, so a
// misconfigured production start fails in the first second with one line per problem, each
// saying what to set; the app and the scripts read them through `readEnv()`, never through
// process.env directly (tests pass their own record).

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const flag = z
  .string()
  .optional()
  .transform((v) => ["1", "true", "yes", "on"].includes((v ?? "").trim().toLowerCase()));

const optionalPositiveInt = (name: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, `${name} must be a whole number`)
      .transform(Number)
      .refine((n) => n > 0, `${name} must be at least 1`)
      .optional(),
  );

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const ZEnv = z.object({
  /** production turns on the refusals below; anything else is a developer or demo machine. */
  KEEL_ENV: optionalText.pipe(
    z.enum(["development", "test", "production"], { message: "KEEL_ENV must be development, test or production" }).default("development"),
  ),
  /** A PostgreSQL server. Unset or empty: the embedded database under KEEL_DATA_DIR. */
  DATABASE_URL: optionalText,
  DATABASE_REPLICA_URL: optionalText,
  AUTH_SECRET: optionalText,
  NEXTAUTH_SECRET: optionalText,
  /**
   * 32 random bytes (base64 or hex) that seal stored secrets: webhook signing secrets, an org's SSO
   * client secret (lib/security/secret-box.ts). Required in production; development derives a fixed key.
   */
  KEEL_ENCRYPTION_KEY: optionalText,
  NEXTAUTH_URL: optionalText.pipe(z.url({ message: "NEXTAUTH_URL must be an absolute URL such as https://keel.example.com" }).optional()),
  KEEL_DB_POOL_MAX: optionalPositiveInt("KEEL_DB_POOL_MAX"),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info")),
  KEEL_DATA_DIR: optionalText.transform((v) => v ?? ".data"),
  KEEL_EMBEDDED_DB_PORT: optionalPositiveInt("KEEL_EMBEDDED_DB_PORT"),
  PORT: optionalPositiveInt("PORT"),
  /** How long `npm start` waits for an unreachable PostgreSQL before giving up. */
  KEEL_DB_WAIT_SECONDS: optionalText.pipe(
    z.string().regex(/^\d+$/, "KEEL_DB_WAIT_SECONDS must be a whole number").transform(Number).default(60),
  ),
  KEEL_ALLOW_EMBEDDED_IN_PRODUCTION: flag,
  KEEL_ALLOW_DEMO_IN_PRODUCTION: flag,
  /** on: serve /keel-bench/floor, the bench's bare Next.js page (app/(bench)/keel-bench/floor); 404 otherwise. */
  KEEL_BENCH_FLOOR: flag,
  /** off: compute every figure on every request (lib/figures-memo.ts). */
  KEEL_FIGURES_MEMO: optionalText,
  /** Absolute session lifetime from sign-in, hours (lib/auth/session-policy.ts; default 12). */
  KEEL_SESSION_MAX_AGE_HOURS: optionalPositiveInt("KEEL_SESSION_MAX_AGE_HOURS"),
  /** A session unused this long ends, minutes (default 60; at most the lifetime). */
  KEEL_SESSION_IDLE_MINUTES: optionalPositiveInt("KEEL_SESSION_IDLE_MINUTES"),
  /** Reverse proxies in front of Keel that append to X-Forwarded-For (lib/auth/client-ip.ts). */
  KEEL_TRUSTED_PROXIES: optionalText.pipe(
    z
      .string()
      .regex(/^([0-9]|10)$/, "KEEL_TRUSTED_PROXIES must be a whole number from 0 to 10")
      .transform(Number)
      .optional(),
  ),
  /**
   * off: the web process runs no job worker (webhook deliveries); run `npm run worker` instead,
   * once or more, for multi-instance deployments (docs/scaling.md). Default on.
   */
  KEEL_JOBS_IN_PROCESS: optionalText.pipe(z.enum(["on", "off"], { message: "KEEL_JOBS_IN_PROCESS must be on or off" }).default("on")),
  /**
   * Where notification emails are sent through (lib/notifications/email.ts), e.g.
   * smtps://user:pass@smtp.example.com:465 or smtp://smtp.example.com:587 (STARTTLS). Unset: no email.
   */
  KEEL_SMTP_URL: optionalText.pipe(
    z.url({ message: "KEEL_SMTP_URL must be a URL such as smtp://user:pass@smtp.example.com:587" }).optional(),
  ),
  /** The From of notification emails. */
  KEEL_MAIL_FROM: optionalText.transform((v) => v ?? "Keel <keel@localhost>"),
  /** Set by Next.js: development turns on the dev server's allowances (lib/security/headers.ts). */
  NODE_ENV: optionalText,
});

export type KeelEnv = z.output<typeof ZEnv> & {
  /** AUTH_SECRET, or NEXTAUTH_SECRET when only that is set. */
  authSecret: string | undefined;
  production: boolean;
  embedded: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "EnvError";
  }
}

/** The settings, parsed; throws EnvError (one line per invalid variable). */
export function readEnv(raw: Record<string, string | undefined> = process.env): KeelEnv {
  const parsed = ZEnv.safeParse(raw);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
  return { ...e, authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET, production: e.KEEL_ENV === "production", embedded: !e.DATABASE_URL };
}

/** Bytes a secret stands for: hex and base64 are decoded, anything else counts as UTF-8. */
export function secretBytes(secret: string): Buffer {
  if (/^[0-9a-f]+$/i.test(secret) && secret.length % 2 === 0) return Buffer.from(secret, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret) && secret.length % 4 !== 1) return Buffer.from(secret, "base64");
  return Buffer.from(secret, "utf8");
}

/**
 * Whether a secret looks like 32 random bytes: at least 32 bytes once decoded, and not a short
 * pattern repeated (fewer than 10 distinct characters, or under 3 bits of entropy per
 * character, which 32 random bytes in hex or base64 practically never are). A heuristic: it
 * stops placeholders and typos, not a determined operator.
 */
export function strongSecret(secret: string): boolean {
  if (secretBytes(secret).length < 32) return false;
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (counts.size < 10) return false;
  let bits = 0;
  for (const n of counts.values()) bits -= (n / secret.length) * Math.log2(n / secret.length);
  return bits >= 3;
}

const GENERATE = "generate one with `openssl rand -base64 32`";

/**
 * What is wrong with these settings for this environment, one line each saying what to set.
 * Empty when Keel may start. Production refuses what a demo tolerates.
 */
export function startupRefusals(env: KeelEnv): string[] {
  const out: string[] = [];
  if (env.AUTH_SECRET && env.NEXTAUTH_SECRET && env.AUTH_SECRET !== env.NEXTAUTH_SECRET) {
    out.push("AUTH_SECRET and NEXTAUTH_SECRET differ: set only AUTH_SECRET (or both to the same value).");
  }
  const keyMalformed = !!env.KEEL_ENCRYPTION_KEY && secretBytes(env.KEEL_ENCRYPTION_KEY).length !== 32;
  if (keyMalformed) out.push(`KEEL_ENCRYPTION_KEY must be exactly 32 random bytes, base64 or hex (${GENERATE}).`);
  if (!env.production) return out;
  if (env.embedded && !env.KEEL_ALLOW_EMBEDDED_IN_PRODUCTION) {
    out.push(
      "KEEL_ENV=production needs DATABASE_URL (a PostgreSQL server): set it, or set KEEL_ALLOW_EMBEDDED_IN_PRODUCTION=1 to run the embedded single-process database on purpose.",
    );
  }
  if (!env.authSecret) out.push(`KEEL_ENV=production needs AUTH_SECRET: set it to 32 or more random bytes (${GENERATE}).`);
  else if (!strongSecret(env.authSecret))
    out.push(`AUTH_SECRET is too weak for production: set it to 32 or more random bytes (${GENERATE}).`);
  if (!env.KEEL_ENCRYPTION_KEY)
    out.push(
      `KEEL_ENV=production needs KEEL_ENCRYPTION_KEY: set it to 32 random bytes, base64 or hex (${GENERATE}); it seals stored secrets.`,
    );
  else if (!keyMalformed && !strongSecret(env.KEEL_ENCRYPTION_KEY))
    out.push(`KEEL_ENCRYPTION_KEY must be exactly 32 random bytes, base64 or hex (${GENERATE}).`);
  if (!env.NEXTAUTH_URL) out.push("KEEL_ENV=production needs NEXTAUTH_URL: set it to the https:// address users open Keel at.");
  else if (new URL(env.NEXTAUTH_URL).protocol !== "https:")
    out.push("NEXTAUTH_URL must start with https:// in production (sign-in cookies are Secure).");
  return out;
}

/** Whether a start may seed the demo org (director@acme.example / keel-demo) into an empty database. */
export function demoSeedAllowed(env: KeelEnv): boolean {
  return !env.production || env.KEEL_ALLOW_DEMO_IN_PRODUCTION;
}
