import type { NextRequest } from "next/server";

import { unsubscribe } from "@/lib/notifications/settings";
import { KIND_LABELS } from "@/lib/notifications/kinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

// One-click unsubscribe (RFC 8058) from the link in every notification email and Slack message:
// no session; the signed token in ?t= names the user and the kind and is the only authority
// (checked again by the notifications.unsubscribe action). GET only shows a button, because mail
// scanners open links; the button's POST, or a mail client's own "List-Unsubscribe=One-Click"
// POST to the same address, turns the kind off by email and Slack.

export const dynamic = "force-dynamic";

const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} · Keel</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}

const invalid = () =>
  page(404, "This unsubscribe link is not valid", "<p>Open your notification settings in Keel (Account) to choose what you receive.</p>");

export function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("t") ?? "";
  const target = token ? readUnsubscribeToken(token) : null;
  if (!target) return invalid();
  return page(
    200,
    `Unsubscribe from “${KIND_LABELS[target.kind]}”?`,
    `<p>You will no longer get these by email or Slack. You can turn them back on in your account settings.</p>
<form method="post" action="/unsubscribe?t=${encodeURIComponent(token)}"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`,
  );
}

export async function POST(request: NextRequest) {
  const result = await unsubscribe.run({ token: request.nextUrl.searchParams.get("t") ?? "" });
  if (!result.ok) return invalid();
  return page(200, "You are unsubscribed", `<p>You will no longer get “${escapeHtml(result.data.label)}” by email or Slack.</p>`);
}
