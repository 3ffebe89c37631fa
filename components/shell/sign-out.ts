// Signing out through next-auth's documented REST endpoints (GET /api/auth/csrf, then POST
// /api/auth/signout with the token), which is all next-auth/react's signOut() does for us. Not
// importing next-auth/react here keeps it (and the Babel runtime it brings) off
// every signed-in page: only the login and invite forms, which call signIn(), load it.
export async function signOutToLogin(): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  // A failed sign-out must not look like a successful one: stay on the page, signed in.
  if (!res.ok) throw new Error(`sign-out failed: HTTP ${res.status}`);
  // A full page load, not router.push: nothing of the signed-in pages stays in the client cache.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.href = "/login";
}
