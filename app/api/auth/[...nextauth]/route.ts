import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { authOptions } from "@/lib/auth";
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName, deviceCookieValue, deviceIdOf, newDeviceId } from "@/lib/auth/device";
import { sessionCookie } from "@/lib/auth/session-policy";

const handler = NextAuth(authOptions);

/**
 * next-auth's handler; after a successful credentials sign-in (its answer sets the session
 * cookie) the browser also gets the signed "known device" cookie for that email, which keeps
 * the real user's sign-ins off the account's shared throttle (lib/auth/throttle.ts).
 */
async function post(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const signingIn = request.nextUrl.pathname.endsWith("/callback/credentials");
  const form = signingIn
    ? await request
        .clone()
        .formData()
        .catch(() => null)
    : null;
  const response: Response = await handler(request, context);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  const session = sessionCookie().name;
  const signedIn = response.headers.getSetCookie().some((c) => c.startsWith(`${session}=`) && !c.startsWith(`${session}=;`));
  if (signingIn && email && signedIn) {
    const name = deviceCookieName();
    const deviceId = deviceIdOf(request.cookies.get(name)?.value) ?? newDeviceId();
    const secure = sessionCookie().secure ? "; Secure" : "";
    response.headers.append(
      "Set-Cookie",
      `${name}=${deviceCookieValue(deviceId, email)}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`,
    );
  }
  return response;
}

export { handler as GET, post as POST };
