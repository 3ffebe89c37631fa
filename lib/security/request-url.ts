// Control characters in an address (NUL, line breaks, escapes…) have no meaning in any of
// Keel's query parameters, and PostgreSQL text cannot hold NUL: a "%00" in a search box's
// parameter gave a 500. proxy.ts strips them from the query of a page read (redirecting to the
// clean address) and refuses them anywhere else. Pure: unit-tested.

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

export type UrlVerdict = { kind: "ok" } | { kind: "redirect"; location: string } | { kind: "refuse"; message: string };

const CONTROL_CHAR_MESSAGE = "The address contains a control character (such as %00 or a line break), so it was refused.";

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export function checkRequestUrl(url: URL, method: string): UrlVerdict {
  const path = decodedPath(url.pathname);
  if (path === null || CONTROL.test(path)) return { kind: "refuse", message: CONTROL_CHAR_MESSAGE };
  const params = [...url.searchParams];
  if (!params.some(([k, v]) => CONTROL.test(k) || CONTROL.test(v))) return { kind: "ok" };
  if (method !== "GET" && method !== "HEAD") return { kind: "refuse", message: CONTROL_CHAR_MESSAGE };
  const clean = new URLSearchParams();
  for (const [k, v] of params) {
    const key = k.replace(CONTROL_ALL, "");
    if (key) clean.append(key, v.replace(CONTROL_ALL, ""));
  }
  const query = clean.toString();
  return { kind: "redirect", location: `${url.pathname}${query ? `?${query}` : ""}` };
}
