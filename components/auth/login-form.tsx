"use client";

import { LoaderCircle } from "lucide-react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import * as React from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const MESSAGES = {
  invalid: "Invalid email or password",
  throttled: "Too many failed sign-ins for this account. Wait a minute and try again; each further failed attempt doubles the wait.",
  network: "Could not reach the server. Check your connection and try again.",
  // lib/db-outage.ts DB_UNAVAILABLE_MESSAGE (a client component cannot import that module).
  unavailable: "Keel cannot reach its database; try again shortly.",
} as const;

const subscribeNever = () => () => {};

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = React.useState(false);
  const [error, setError] = React.useState<keyof typeof MESSAGES | null>(null);
  // Until React has hydrated, a click would do a native form submit and put the password in
  // the URL; keep the button disabled until the JS handler is attached.
  const hydrated = React.useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const credentials = {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    };
    try {
      let res = await signIn("credentials", credentials);
      // next-auth answers a CSRF-cookie mismatch with ok and no error, just a "?csrf=true" url and
      // no session. It happens when the first /api/auth requests of a fresh visitor race and
      // each set a different CSRF cookie; by now the cookie has settled, so one retry fixes it.
      for (let attempt = 0; attempt < 2 && res?.url?.includes("csrf=true"); attempt++) {
        res = await signIn("credentials", credentials);
      }
      if (!res || res.error || !res.ok || res.url?.includes("csrf=true")) {
        setError(res?.error === "throttled" || res?.error === "unavailable" ? res.error : "invalid");
        setPending(false);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("network");
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <div
          role="alert"
          id="login-error"
          className="rounded-md border border-health-off-track/25 bg-health-off-track-soft px-3 py-2 text-sm text-health-off-track-text"
        >
          {MESSAGES[error]}
        </div>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          placeholder="you@company.com"
          aria-invalid={error === "invalid" || undefined}
          aria-describedby={error ? "login-error" : undefined}
        />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error === "invalid" || undefined}
          aria-describedby={error ? "login-error" : undefined}
        />
      </div>
      <Button type="submit" className="w-full" size="lg" disabled={pending || !hydrated}>
        {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
        Sign in
      </Button>
    </form>
  );
}
