"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";

import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { acceptInvitationAction } from "@/lib/settings/actions";

type State = ActionResult<{ orgSlug: string; email: string }> | null;

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = { ...Object.fromEntries(form), token };
    const result = await acceptInvitationAction(input);
    if (result.ok) {
      await signIn("credentials", { email, password: String(form.get("password")), redirect: false });
      router.push(`/${result.data.orgSlug}/dashboard`);
      router.refresh();
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {errors._form?.[0] ?? state.message}
        </p>
      ) : null}
      <TextField id="name" name="name" label="Your name" errors={errors.name} autoComplete="name" required />
      <TextField
        id="password"
        name="password"
        label="Password"
        errors={errors.password}
        help="At least 12 characters; not your email or a common password."
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        label="Confirm password"
        errors={errors.confirmPassword}
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
