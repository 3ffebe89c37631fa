import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, headerEnv, newNonce, securityHeaders } from "@/lib/security/headers";

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(
    csp.split(";").map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/s)
          .slice(0, 2) as [string, string],
    ),
  );
}

describe("security headers", () => {
  it("gives scripts only this request's nonce: no unsafe-inline, no eval outside development", () => {
    const csp = directives(contentSecurityPolicy("abc123==", { production: true, dev: false }));
    expect(csp["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp["script-src"]).not.toContain("unsafe");
    expect(csp["object-src"]).toBe("'none'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["base-uri"]).toBe("'self'");
    expect(csp["form-action"]).toBe("'self'");
    // Inline styles only (Radix/recharts style attributes), and never together with a nonce,
    // which would silently disable 'unsafe-inline'.
    expect(csp["style-src"]).toBe("'self' 'unsafe-inline'");
    expect(directives(contentSecurityPolicy("n", { production: false, dev: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("sends HSTS only in production", () => {
    expect(securityHeaders("n", headerEnv({ KEEL_ENV: "production" }))["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
    expect(securityHeaders("n", headerEnv({}))).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders("n", headerEnv({}))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(securityHeaders("n", headerEnv({}))["Permissions-Policy"]).toContain("camera=()");
  });

  it("makes a different, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
