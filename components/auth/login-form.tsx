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
  sso: "Your organization signs in through its identity provider: use the single sign-on button below.",
} as const;

/** Why a single sign-on came back refused (lib/sso/oidc.ts SsoReason); the detail is the admin's. */
const SSO_MESSAGES: Record<string, string> = {
  unverified: "Your identity provider has not verified your email address, so Keel cannot sign you in with it.",
  domain: "Your email's domain is not allowed to sign in to this organization.",
  account: "This email already has a Keel account in another organization. Ask an admin of this organization to invite it.",
  email: "Your identity provider did not send an email address. Ask your admin to check the single sign-on settings.",
  unreachable: "Keel could not reach your identity provider. Try again shortly, or ask your admin.",
  none: "No single sign-on is set up for that email's domain.",
  state: "The sign-in took too long or was started in another tab. Please try again.",
};
const SSO_FALLBACK = "Single sign-on could not be completed. Try again; if it keeps failing, your admin can see why in Settings.";

const subscribeNever = () => () => {};

export function LoginForm({ callbackUrl, ssoError }: { callbackUrl: string; ssoError?: string }) {
  const router = useRouter();
  const [pending, setPending] = React.useState(false);
  const [error, setError] = React.useState<keyof typeof MESSAGES | null>(null);
  const [email, setEmail] = React.useState("");
  const [provider, setProvider] = React.useState<{ email: string; name: string } | null>(null);

  // Once the typed email has a domain, ask whether it signs in through an org's provider.
  React.useEffect(() => {
    const typed = email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(typed)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/auth/sso/lookup?email=${encodeURIComponent(typed)}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ provider: string | null }>) : { provider: null }))
        .then(({ provider: name }) => setProvider(name ? { email: typed, name } : null))
        .catch(() => {});
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [email]);
  const sso = provider && provider.email === email.trim().toLowerCase() ? provider : null;
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
        setError(res?.error === "throttled" || res?.error === "unavailable" || res?.error === "sso" ? res.error : "invalid");
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
      {ssoError && !error ? (
        <div
          role="alert"
          className="rounded-md border border-health-off-track/25 bg-health-off-track-soft px-3 py-2 text-sm text-health-off-track-text"
        >
          {SSO_MESSAGES[ssoError] ?? SSO_FALLBACK}
        </div>
      ) : null}
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
          value={email}
          onChange={(e) => setEmail(e.target.value)}
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
      {sso ? (
        <Button asChild variant="outline" size="lg" className="w-full">
          <a href={`/api/auth/sso/start?email=${encodeURIComponent(sso.email)}&callbackUrl=${encodeURIComponent(callbackUrl)}`}>
            Sign in with {sso.name}
          </a>
        </Button>
      ) : null}
    </form>
  );
}
