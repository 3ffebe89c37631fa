"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { usePageResult } from "@/components/forms/page-result";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { MySession } from "@/lib/account/my-sessions";
import { endMySessionAction } from "@/lib/account/actions";
import { formatDate, formatRelative } from "@/lib/format";

/**
 * The signed-in user's own sessions, each other one with a button that signs it out. A signed-out
 * session leaves the list, so the result is shown and focused at the top of the page.
 */
export function MySessions({ sessions, nowIso }: { sessions: MySession[]; nowIso: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const showOnPage = usePageResult();
  const end = (s: MySession) =>
    startTransition(async () => {
      const result = await endMySessionAction({ sessionId: s.id });
      if (result.ok) {
        toast.success(`Signed out: ${result.data.device}`);
        showOnPage(`Signed out: ${result.data.device}.`);
      } else {
        toast.error(result.message);
        showOnPage(`Not signed out: ${result.message}`);
      }
      router.refresh();
    });
  if (sessions.length === 0) return <p className="text-sm text-muted-foreground">No other sessions.</p>;
  return (
    <ul className="divide-y divide-border" aria-label="Your sessions">
      {sessions.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <div className="min-w-0">
            <div className="font-medium">
              {s.device}
              {s.current ? (
                <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs font-normal text-muted-foreground">This browser</span>
              ) : null}
            </div>
            <div className="text-xs text-muted-foreground">
              Signed in {formatDate(s.createdAt)} · last used {formatRelative(s.lastSeenAt, nowIso)}
            </div>
          </div>
          {s.current ? null : (
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              onClick={() => end(s)}
              aria-label={`Sign out ${s.device}, signed in ${formatDate(s.createdAt)}`}
            >
              Sign out
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
