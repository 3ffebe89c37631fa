import { readEnv } from "../env";

// Response security headers for pages, set per request by proxy.ts (the CSP carries a fresh
// nonce, so it cannot be a static header in next.config.ts). Pure functions: unit-tested.

export type HeaderEnv = { production: boolean; dev: boolean };

/** Production means KEEL_ENV=production: the deployment says it is served over https. */
export function headerEnv(raw?: Record<string, string | undefined>): HeaderEnv {
  const env = readEnv(raw);
  return { production: env.production, dev: env.NODE_ENV === "development" };
}

/** 16 random bytes, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, env: HeaderEnv): string {
  const directives = [
    "default-src 'self'",
    // Next.js puts the nonce on its own inline and bundle scripts (it reads it from this
    // header); 'strict-dynamic' lets those load their chunks. No 'unsafe-inline' for scripts.
    // React's dev server needs eval for its debugging aids; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env.dev ? " 'unsafe-eval'" : ""}`,
    // Styles: Radix (popover/menu positioning) and recharts set style="" attributes at run
    // time, which a nonce cannot cover. Inline styles cannot run code, so 'unsafe-inline' is
    // allowed for styles only. (No nonce here on purpose: a nonce would disable it.)
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (env.production) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers set on every page response (static assets get the non-CSP ones from next.config.ts). */
export function securityHeaders(nonce: string, env: HeaderEnv): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, env),
    ...STATIC_SECURITY_HEADERS,
  };
  // HSTS only in production: on a plain-http local or demo run it would pin the browser to
  // https for this host name (localhost included) for a year.
  if (env.production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** Headers that do not vary per request: also applied to static files via next.config.ts. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};
