import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

import pino, { type Logger } from "pino";

import { readEnv } from "@/lib/env";

// The one logger: JSON lines on stdout with time (ISO 8601), level (a word), msg and whatever
// fields the call passes (a request id, a route, a duration). Secrets never reach a line: the
// fields that may carry one are replaced by configuration, and connection strings inside
// error messages lose their password. LOG_LEVEL sets the threshold (info by default).
//
// One instance per process, kept on globalThis: the start script, the web server and the code
// Next.js bundles load this module separately, and they must share one destination.

const REDACT = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "secret",
  "*.secret",
  "token",
  "*.token",
  "sessionToken",
  "*.sessionToken",
  "authorization",
  "cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  "*.headers.authorization",
  "*.headers.cookie",
  'headers["x-forwarded-for"]',
  "AUTH_SECRET",
  "NEXTAUTH_SECRET",
  "databaseUrl",
  "DATABASE_URL",
];

/** A connection string's password is never logged. */
export function scrubSecrets(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, "$1***@");
}

function serializeError(err: unknown) {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const key of ["message", "stack"]) if (typeof out[key] === "string") out[key] = scrubSecrets(out[key] as string);
  return out;
}

const g = globalThis as unknown as { keelLogger?: Logger; keelRequestContext?: AsyncLocalStorage<RequestContext> };

export type RequestContext = { reqId: string };

/** The request being served (scripts/server.ts enters it): every line logged while serving it carries its id. */
export const requestContext: AsyncLocalStorage<RequestContext> = (g.keelRequestContext ??= new AsyncLocalStorage<RequestContext>());

function envLevel(): string {
  try {
    return readEnv().LOG_LEVEL;
  } catch {
    // An invalid LOG_LEVEL is reported by the start script's env check; logging still works.
    return "info";
  }
}

/** Keel's logger configuration on any destination (stdout by default; tests pass a stream). */
export function createLogger(level = envLevel(), destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: REDACT, censor: "[redacted]" },
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { reqId: ctx.reqId } : {};
      },
    },
    destination,
  );
}

export const logger: Logger = (g.keelLogger ??= createLogger());

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token (a load balancer's), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
}

/** A request's route for the log: the path without its query and without the secrets some paths carry (invitation tokens). */
export function routeOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0];
  return path.replace(/^\/invite\/[^/]+/, "/invite/[token]");
}
