import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type * as React from "react";

import { Providers } from "@/components/providers";

import "./globals.css";

// Inline SVG icon: without a <link rel="icon">, browsers request /favicon.ico, which the
// /[org] route would otherwise treat as an org slug.
const ICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/><path d="M6.5 12.5h19l-3.2 6.2a3 3 0 0 1-2.67 1.63h-7.26a3 3 0 0 1-2.67-1.63z" fill="#fff"/><path d="M14.6 20.3h2.8l-.6 5.2a.8.8 0 0 1-1.6 0z" fill="#c7d2fe"/><path d="M16 6.5v5" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></svg>',
  );

export const metadata: Metadata = {
  title: { default: "Keel", template: "%s · Keel" },
  icons: { icon: ICON },
  description: "The cockpit for engineering leadership: delivery, money and people in one model.",
};

export const viewport: Viewport = { themeColor: "#0f172a" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request headers renders every page per request, so Next.js can put this
  // request's CSP nonce (set by proxy.ts) on its scripts. A page prerendered at build time
  // would carry no nonce and its scripts would be blocked.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
