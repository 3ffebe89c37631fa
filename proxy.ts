import { NextResponse, type NextRequest } from "next/server";

import { refreshedSessionCookie } from "@/lib/auth/session-cookie";
import { sessionCookie } from "@/lib/auth/session-policy";
import { refuseActionBody, refuseActionHeaders } from "@/lib/security/action-request";
import { headerEnv, newNonce, securityHeaders } from "@/lib/security/headers";
import { checkRequestUrl } from "@/lib/security/request-url";

// Runs before every page, server action and route handler (not static files, see matcher):
//  1. a fresh CSP nonce per request. Next.js reads the nonce from the request's
//     Content-Security-Policy header and puts it on the scripts it renders, which is why
//     every page is rendered dynamically (app/layout.tsx reads the request headers);
//  2. the other security headers (lib/security/headers.ts);
//  3. control characters in the address are stripped from a page read's query (a redirect to
//     the clean address) and refused anywhere else (lib/security/request-url.ts);
//  4. server actions that are cross-origin, over the body limit or undecodable are refused
//     with 403/413/400 and a sentence (lib/security/action-request.ts);
//  5. the session's lastSeen moves forward, so the idle timeout counts from real use.
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, headerEnv());

  // Control characters in the address: stripped from a page read's query, refused elsewhere.
  const verdict = checkRequestUrl(request.nextUrl, request.method);
  if (verdict.kind === "refuse")
    return new NextResponse(verdict.message, { status: 400, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  if (verdict.kind === "redirect") return NextResponse.redirect(new URL(verdict.location, request.nextUrl), 308);

  // A server action Next.js would answer with a bare 500 gets its real status and a sentence.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = refuseActionHeaders(request.headers) ?? (await refuseActionBody(request));
    if (refusal)
      return new NextResponse(refusal.message, {
        status: refusal.status,
        headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      });
  }

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
      // headers from next.config.ts. Not the CSV upload either: Next.js buffers the body of every
      // request the proxy sees and cuts it at 10 MB, which imported the first part of a larger
      // file as if it were whole; the upload routes (the UI's and the API's) check their own access. Not the bench's bare
      // page (/keel-bench/floor, 404 unless KEEL_BENCH_FLOOR=1): it measures Next.js without
      // Keel's per-request work. Prefetches do pass through, so they carry the CSP too.
      source: "/((?!_next/static|_next/image|favicon.ico|keel-bench/floor/?$|[^/]+/budgets/import/?$|api/v1/actuals/imports/?$).*)",
    },
  ],
};
