import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

import { readEnv } from "@/lib/env";

// Email goes out through one SMTP server named by KEEL_SMTP_URL (nodemailer reads the URL:
// smtp:// with STARTTLS when offered, smtps:// for TLS from the start, user and password in it).
// Without it Keel sends no email; those notifications are logged as failed, saying so.

export type Mailer = { transport: nodemailer.Transporter<SMTPTransport.SentMessageInfo>; from: string };

let cached: { url: string; mailer: Mailer } | null = null;

/** The mailer of the environment's settings, or null when KEEL_SMTP_URL is unset. */
export function envMailer(): Mailer | null {
  const env = readEnv();
  if (!env.KEEL_SMTP_URL) return null;
  if (cached?.url !== env.KEEL_SMTP_URL)
    cached = { url: env.KEEL_SMTP_URL, mailer: { transport: nodemailer.createTransport(env.KEEL_SMTP_URL), from: env.KEEL_MAIL_FROM } };
  return cached.mailer;
}

/** A mailer on explicit SMTP options (tests: a local smtp-server without TLS). */
export function createMailer(options: SMTPTransport.Options, from: string): Mailer {
  return { transport: nodemailer.createTransport(options), from };
}
