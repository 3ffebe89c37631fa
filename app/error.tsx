"use client";

import { useEffect } from "react";

import { ErrorPanel } from "@/components/shell/error-panel";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <ErrorPanel error={error} retry={retry} className="w-full" />
    </main>
  );
}
