import type { Metadata } from "next";
import Link from "next/link";

import { KeelWordmark } from "@/components/shell/keel-logo";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-10 px-6 py-12">
      <KeelWordmark />
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-primary">404</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-3 text-sm text-muted-foreground">
          The page you&apos;re looking for doesn&apos;t exist, or you don&apos;t have access to it.
        </p>
        <Button asChild className="mt-8">
          <Link href="/">Go to home</Link>
        </Button>
      </div>
    </main>
  );
}
