import { KIND_LABELS } from "@/lib/notifications/kinds";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

// Plain HTML + text for email, and Slack's mrkdwn text, from one notification's subject, text and
// link. A text line starting with "- " is a list item; a blank line separates paragraphs. The
// links are absolute: the message is read outside Keel.

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

export type Rendered = { subject: string; text: string; html: string; slack: string };

export function renderNotification(
  n: { kind: NotificationKind; subject: string; text: string; href: string | null },
  links: { baseUrl: string; unsubscribeUrl: string },
): Rendered {
  const open = n.href ? `${links.baseUrl}${n.href}` : links.baseUrl;
  const footer = `You get this because "${KIND_LABELS[n.kind]}" is on in your Keel account settings.`;
  const text = `${n.text}\n\nOpen in Keel: ${open}\n\n--\n${footer}\nUnsubscribe from these: ${links.unsubscribeUrl}\n`;
  const blocks = n.text.split(/\n{2,}/).map((block) => {
    const lines = block.split("\n");
    if (lines.every((l) => l.startsWith("- "))) return `<ul>${lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join("")}</ul>`;
    return `<p>${lines.map(escapeHtml).join("<br>")}</p>`;
  });
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:640px">
<h1 style="font-size:18px">${escapeHtml(n.subject)}</h1>
${blocks.join("\n")}
<p><a href="${escapeHtml(open)}">Open in Keel</a></p>
<hr><p style="font-size:12px;color:#555">${escapeHtml(footer)} <a href="${escapeHtml(links.unsubscribeUrl)}">Unsubscribe from these</a></p>
</body></html>`;
  // Slack escapes only &, < and > in text.
  const slackEscape = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const slack = `*${slackEscape(n.subject)}*\n${slackEscape(n.text)}\n<${open}|Open in Keel> · <${links.unsubscribeUrl}|Unsubscribe>`;
  return { subject: n.subject, text, html, slack };
}
