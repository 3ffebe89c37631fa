"use client";

import { SessionProvider } from "next-auth/react";
import type * as React from "react";

import { Toaster } from "@/components/ui/toast";

export function Providers({ children }: { children: React.ReactNode }) {
  return (
    // Membership and role come from the server on every request; the client session is only
    // used for signIn/signOut, so there is no need to poll it.
    <SessionProvider refetchOnWindowFocus={false}>
      {children}
      <Toaster />
    </SessionProvider>
  );
}
