import { readEnv } from "@/lib/env";

// Where the login page may send a user after sign-in: only a path of this app. The value is
// resolved with the URL API against an origin of our own, exactly as a browser would resolve
// it, and kept only if it stays on that origin; what is returned is the URL API's own
// serialisation (tabs and line breaks removed, everything else percent-encoded), so
// "/%09/evil.example" cannot become "//evil.example" in the browser and "%0a" cannot reach a
// Location header. Anything else goes to "/", which lands on the user's org dashboard.

const BASE = "http://keel.invalid";
const CONTROL = /[\u0000-\u001f\u007f]/;

export function safeCallbackUrl(value: string | string[] | undefined, ownOrigin: string | undefined = readEnv().NEXTAUTH_URL): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.length > 2000 || CONTROL.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  let own: string | null = null;
  try {
    own = ownOrigin ? new URL(ownOrigin).origin : null;
  } catch {
    own = null;
  }
  if (url.origin !== BASE && url.origin !== own) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path the URL API kept but a browser could still read as another host ("//…", "/\…").
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}
