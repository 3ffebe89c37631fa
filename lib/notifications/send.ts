import type { Db } from "@/lib/db-factory";
import { readEnv } from "@/lib/env";
import type { Mailer } from "@/lib/notifications/email";
import { channelsFor } from "@/lib/notifications/preferences";
import { renderNotification } from "@/lib/notifications/templates";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { postWebhook } from "@/lib/webhooks/post";

export type SendPolicy = {
  /** Attempts after the first (pg-boss retryLimit). */
  retryLimit: number;
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  timeoutMs: number;
};

export const SEND_POLICY: SendPolicy = { retryLimit: 4, retryDelaySeconds: 60, retryDelayMaxSeconds: 3600, timeoutMs: 10_000 };

export type Senders = {
  /** Null: no SMTP server configured. */
  mailer: Mailer | null;
  /** Where links in messages point: Keel's public address. */
  baseUrl: string;
};

export const envBaseUrl = () => (readEnv().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

export type SendOutcome = "sent" | "retry" | "failed" | "skipped";

type Attempt = { ok: true } | { ok: false; error: string; permanent: boolean };

/**
 * One attempt at one email or Slack notification (`retryCount` attempts came before it), run by
 * the worker for its pg-boss job. A row already settled is skipped, so a job handed over twice
 * sends once; a kind the user turned off since it was written, or a user who has left the org, is skipped too. Every attempt is
 * counted on the row with its error; "retry" tells the caller to throw so pg-boss retries.
 */
export async function sendNotification(
  db: Db,
  id: string,
  retryCount: number,
  senders: Senders,
  policy: SendPolicy = SEND_POLICY,
): Promise<SendOutcome> {
  const n = await db.notification.findUnique({
    where: { id },
    select: {
      id: true,
      orgId: true,
      userId: true,
      kind: true,
      channel: true,
      subject: true,
      text: true,
      href: true,
      state: true,
      attempts: true,
      org: { select: { webhooksAllowPrivate: true } },
    },
  });
  if (!n || n.state === "SENT" || n.state === "FAILED" || n.state === "SKIPPED") return "skipped";
  const member = await db.membership.findUnique({ where: { orgId_userId: { orgId: n.orgId, userId: n.userId } }, select: { id: true } });
  if (!member) {
    await db.notification.update({ where: { id }, data: { state: "SKIPPED", error: "not sent: no longer a member of the organization" } });
    return "skipped";
  }
  const user = await channelsFor(db, n.userId, n.kind);
  if (!user || !user.channels.includes(n.channel)) {
    await db.notification.update({ where: { id }, data: { state: "SKIPPED", error: "not sent: turned off by the user" } });
    return "skipped";
  }
  const unsubscribeUrl = `${senders.baseUrl}/unsubscribe?t=${encodeURIComponent(unsubscribeToken(n.userId, n.kind))}`;
  const msg = renderNotification(n, { baseUrl: senders.baseUrl, unsubscribeUrl });
  let attempt: Attempt;
  if (n.channel === "EMAIL") {
    if (!senders.mailer) attempt = { ok: false, error: "not sent: no SMTP server is configured (KEEL_SMTP_URL)", permanent: true };
    else {
      try {
        await senders.mailer.transport.sendMail({
          from: senders.mailer.from,
          to: user.email,
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          // RFC 2369 and RFC 8058: mail clients offer the one-click unsubscribe themselves.
          headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
        attempt = { ok: true };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // A 5xx SMTP reply is a refusal no retry changes; a connection failure or 4xx may pass later.
        attempt = { ok: false, error: (error as Error).message.slice(0, 500), permanent: code !== undefined && code >= 500 };
      }
    }
  } else {
    if (!user.slackWebhookUrl) attempt = { ok: false, error: "not sent: no Slack webhook is set", permanent: true };
    else {
      const r = await postWebhook(
        user.slackWebhookUrl,
        JSON.stringify({ text: msg.slack }),
        {},
        {
          allowPrivate: n.org.webhooksAllowPrivate,
          timeoutMs: policy.timeoutMs,
        },
      );
      const ok = r.status !== null && r.status >= 200 && r.status < 300;
      attempt = ok ? { ok: true } : { ok: false, error: r.error ?? `HTTP ${r.status}`, permanent: r.permanent };
    }
  }
  const final = attempt.ok || attempt.permanent || retryCount >= policy.retryLimit;
  const now = new Date();
  await db.notification.update({
    where: { id },
    data: {
      attempts: n.attempts + 1,
      state: attempt.ok ? "SENT" : final ? "FAILED" : "QUEUED",
      error: attempt.ok ? null : attempt.error,
      ...(attempt.ok ? { sentAt: now } : {}),
    },
  });
  return attempt.ok ? "sent" : final ? "failed" : "retry";
}
