import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";

import { LoginForm } from "@/components/auth/login-form";
import { KeelWordmark } from "@/components/shell/keel-logo";
import { getSessionUser } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { parseSearch, type SearchParams, zParam } from "@/lib/search-params";
import { DB_UNAVAILABLE_MESSAGE, isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";

export const metadata: Metadata = { title: "Sign in" };

const ZSearch = z.object({ callbackUrl: zParam(), sso: zParam() });

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = parseSearch(ZSearch, await searchParams);
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // A single sign-on that came back refused (app/api/auth/sso/callback): a reason word, shown as a sentence.
  const ssoError = params.sso?.slice(0, 20);
  let dbDown = false;
  try {
    if (await getSessionUser()) redirect(callbackUrl);
  } catch (error) {
    // redirect() throws too; only an unreachable database is caught and said plainly.
    if (!isDbUnavailable(error)) throw error;
    reportDbUnavailable(error, { route: "/login" });
    dbDown = true;
  }

  return (
    <main className="relative flex min-h-screen flex-col items-center justify-center overflow-hidden bg-canvas px-4 py-12">
      <div aria-hidden className="pointer-events-none absolute inset-x-0 top-0 h-80 bg-gradient-to-b from-primary-soft/80 to-transparent" />
      <div className="relative flex w-full max-w-sm flex-col items-center gap-8">
        <KeelWordmark />
        <div className="w-full rounded-xl border border-border bg-card p-8 shadow-card">
          <div className="mb-6 space-y-1.5">
            <h1 className="text-xl font-semibold tracking-tight">Sign in to Keel</h1>
            <p className="text-sm text-muted-foreground">Delivery, money and people in one place.</p>
          </div>
          {dbDown ? (
            <p role="alert" className="mb-4 rounded-md border border-border bg-muted px-3 py-2 text-sm">
              {DB_UNAVAILABLE_MESSAGE}
            </p>
          ) : null}
          <LoginForm callbackUrl={callbackUrl} ssoError={ssoError} />
        </div>
        <p className="text-center text-xs text-muted-foreground">
          Access is by invitation. Ask your organization admin if you need an account.
        </p>
      </div>
    </main>
  );
}
