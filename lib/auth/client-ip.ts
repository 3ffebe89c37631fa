// Which address a failed sign-in is counted against.
//
// X-Forwarded-For is written by whoever sends the request: a client can put any address in it.
// Next.js fills it from the socket only when the request has none, and does not expose the
// socket address to route handlers otherwise, so Keel cannot tell a genuine header from a
// forged one by itself. Hence:
//   - KEEL_TRUSTED_PROXIES=N (N reverse proxies in front of Keel, each appending the address it
//     saw): the N-th entry from the right is the address the outermost trusted proxy saw, and
//     anything to its left is client-supplied and ignored;
//   - unset: every sign-in shares one fixed key (with a higher limit, see throttle.ts), so a
//     forged header cannot give an attacker a fresh counter per request.

export const SHARED_IP_KEY = "shared";

function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.KEEL_TRUSTED_PROXIES);
  return Number.isInteger(n) && n > 0 && n <= 10 ? n : 0;
}

type Headers = Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: Headers, hops = trustedProxyHops()): string {
  if (hops === 0) return SHARED_IP_KEY;
  const raw = headers?.["x-forwarded-for"];
  const list = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = list[list.length - hops];
  // Fewer entries than trusted proxies: the chain is not what the deployment said it is.
  if (!address || address.length > 64 || !/^[0-9a-fA-F:.]+$/.test(address)) return SHARED_IP_KEY;
  return address;
}
