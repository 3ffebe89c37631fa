import { NextResponse, type NextRequest } from "next/server";

import { refreshedSessionCookie } from "@/lib/auth/session-cookie";
import { sessionCookie } from "@/lib/auth/session-policy";
import { headerEnv, newNonce, securityHeaders } from "@/lib/security/headers";

// Runs before every page, server action and route handler (not static files, see matcher):
//  1. a fresh CSP nonce per request. Next.js reads the nonce from the request's
//     Content-Security-Policy header and puts it on the scripts it renders, which is why
//     every page is rendered dynamically (app/layout.tsx reads the request headers);
//  2. the other security headers (lib/security/headers.ts);
//  3. the session's lastSeen moves forward, so the idle timeout counts from real use.
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, headerEnv());

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);

  // next-auth's own routes write the cookie themselves; a second Set-Cookie would race theirs.
  if (!request.nextUrl.pathname.startsWith("/api/auth/")) {
    const refreshed = await refreshedSessionCookie(request.cookies.get(sessionCookie().name)?.value);
    if (refreshed) response.cookies.set(refreshed.name, refreshed.value, refreshed.options);
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Not static assets or the image optimizer: they carry no script and get the static
      // headers from next.config.ts. Prefetches are left out as Next.js's CSP guide advises.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
