"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { joinInvitationAction } from "@/lib/settings/actions";

type State = ActionResult<{ orgSlug: string }> | null;

/** A signed-in account accepts an invitation: it joins only by this click (membership by consent). */
export function JoinInviteButton({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(async () => {
    const result = await joinInvitationAction({ token });
    if (result.ok) {
      router.push(`/${result.data.orgSlug}/dashboard`);
      router.refresh();
    }
    return result;
  }, null);
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : `Join ${orgName}`}
      </Button>
    </form>
  );
}
