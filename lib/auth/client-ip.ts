import { readEnv } from "@/lib/env";

// Which address a failed sign-in is counted against.
//
// X-Forwarded-For is written by whoever sends the request: a client can put any address in it.
// Next.js fills it from the socket only when the request has none, and does not expose the
// socket address to route handlers otherwise, so Keel cannot tell a genuine header from a
// forged one by itself. Hence:
//   - KEEL_TRUSTED_PROXIES=N (N reverse proxies in front of Keel, each appending the address it
//     saw): the N-th entry from the right is the address the outermost trusted proxy saw, and
//     anything to its left is client-supplied and ignored;
//   - unset: no address at all (null). Sign-ins are then throttled per account only: one
//     counter shared by every visitor would let anyone fill it and lock everyone out, and a
//     forged header must not give an attacker a fresh counter per request.

function trustedProxyHops(raw?: Record<string, string | undefined>): number {
  return readEnv(raw).KEEL_TRUSTED_PROXIES ?? 0;
}

type Headers = Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: Headers, hops = trustedProxyHops()): string | null {
  if (hops === 0) return null;
  const raw = headers?.["x-forwarded-for"];
  const list = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = list[list.length - hops];
  // Fewer entries than trusted proxies: the chain is not what the deployment said it is.
  if (!address || address.length > 64 || !/^[0-9a-fA-F:.]+$/.test(address)) return null;
  return address;
}
