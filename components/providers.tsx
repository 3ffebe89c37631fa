"use client";

import type * as React from "react";

import { Toaster } from "@/components/ui/toast";

export function Providers({ children }: { children: React.ReactNode }) {
  // No next-auth SessionProvider: membership and role come from the server on every request and
  // nothing on the client reads the session (useSession). The provider added JS to every page
  // and fetched /api/auth/session after every full page load, a second signed-in request per
  // page view; signIn (login form) and sign-out (components/shell/sign-out.ts) work without it.
  return (
    <>
      {children}
      <Toaster />
    </>
  );
}
