"use client";

import { RotateCw, TriangleExclamationPoint } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/** Body of the error boundaries. Only the digest is shown: messages may hold server details. */
export function ErrorPanel({ error, retry, className }: { error: unknown; retry: () => void; className?: string }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <Card role="alert" data-error-boundary="" className={cn("mx-auto max-w-lg px-6 py-10 text-center", className)}>
      <div className="mx-auto mb-4 flex size-11 items-center justify-center rounded-full bg-health-off-track-soft text-health-off-track ring-8 ring-health-off-track-soft/40">
        <TriangleExclamationPoint className="size-5" aria-hidden />
      </div>
      <h2 className="text-base font-semibold">Something went wrong</h2>
      <p className="mt-1 text-sm text-muted-foreground">
        We couldn&apos;t load this page. Try again, and if it keeps happening let your admin know.
      </p>
      {digest ? <p className="mt-3 font-mono text-xs text-muted-foreground">Reference: {digest}</p> : null}
      <Button className="mt-6" onClick={() => retry()}>
        <RotateCw aria-hidden />
        Try again
      </Button>
    </Card>
  );
}
