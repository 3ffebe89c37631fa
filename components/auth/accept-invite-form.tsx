"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
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
      <FormField id="name" label="Your name" errors={errors.name}>
        <Input id="name" name="name" autoComplete="name" required {...describedBy("name", errors.name)} />
      </FormField>
      <FormField
        id="password"
        label="Password"
        errors={errors.password}
        help="At least 12 characters; not your email or a common password."
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          {...describedBy("password", errors.password, true)}
        />
      </FormField>
      <FormField id="confirmPassword" label="Confirm password" errors={errors.confirmPassword}>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          {...describedBy("confirmPassword", errors.confirmPassword)}
        />
      </FormField>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
