"use client";

import { useEffect } from "react";

import "./globals.css";

// Replaces the root layout when it fails, so it brings its own <html>/<body> and styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center bg-canvas p-6">
        <title>Something went wrong · Keel</title>
        <div role="alert" className="max-w-md rounded-xl border border-border bg-card px-6 py-10 text-center shadow-card">
          <h1 className="text-base font-semibold">Something went wrong</h1>
          <p className="mt-1 text-sm text-muted-foreground">Keel hit an unexpected error. Please try again.</p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-6 inline-flex h-9 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:outline-none"
          >
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
