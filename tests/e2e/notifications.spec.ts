import { expect, test } from "@playwright/test";
import { PgBoss } from "pg-boss";
import { SMTPServer } from "smtp-server";

import { createMemberUser, signIn, sql } from "./fixtures";

// The weekly director digest end to end, on the real clock and the real scheduler path: a
// manager's health move, the director's own digest day set to today, the scheduler's pg-boss job
// (what its cron sends every 15 minutes), the send job, an SMTP server started here (the web
// server's KEEL_SMTP_URL points at E2E_SMTP_PORT, chosen by scripts/test.ts), and the one-click
// unsubscribe link of the received mail.

type Mail = { to: string[]; raw: string };

function listen(port: number) {
  const got: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        got.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  return new Promise<{ got: Mail[]; close: () => Promise<void> }>((resolve, reject) => {
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => resolve({ got, close: () => new Promise<void>((r) => server.close(() => r())) }));
  });
}

/** A header of the message, unfolded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  return head.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1];
}

/** The text/plain part, decoded from quoted-printable or base64. */
function plainText(raw: string): string {
  const boundary = header(raw, "Content-Type")?.match(/boundary="?([^";]+)"?/)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  const part = parts.find((p) => /^Content-Type: text\/plain/im.test(p));
  if (!part) throw new Error("the message has no text/plain part");
  const [head, ...rest] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const encoding = head.match(/^Content-Transfer-Encoding:\s*(\S+)/im)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const soft = body.replace(/=\r?\n/g, "");
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(soft[i], "utf8"));
    }
    return Buffer.from(bytes).toString("utf8");
  }
  return body;
}

test("a director receives the weekly digest by email with a manager's health move, and unsubscribes in one click", async ({ browser }) => {
  const smtpPort = Number(process.env.E2E_SMTP_PORT);
  expect(smtpPort, "E2E_SMTP_PORT is set by scripts/test.ts").toBeGreaterThan(0);
  const inbox = await listen(smtpPort);
  try {
    // 1. A manager moves a project in their scope to Off track.
    const project = "ERP Connector (SAP)";
    const [{ id: projectId }] = await sql<{ id: string }>(
      `SELECT p.id FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p.name = $1`,
      [project],
    );
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signIn(manager, "manager@acme.example");
    await manager.goto(`/acme/projects/${projectId}`);
    const form = manager.getByRole("form", { name: "Post a status update" });
    await form.getByLabel("Off track").check();
    await form.getByLabel("Summary").fill("SAP sandbox access revoked; no date yet");
    await form.getByRole("button", { name: /^(Post update|Add another update)$/ }).click();
    await expect(manager.getByText(/^Update posted/).first()).toBeVisible();
    await managerContext.close();

    // 2. A new director chooses today, from midnight, as their digest day, in a time zone where it
    // is about noon now (so the local day cannot turn over during the test).
    const director = await createMemberUser("acme", "DIRECTOR");
    const offset = 12 - new Date().getUTCHours(); // −11 … +12
    const timeZone = offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
    const local = new Date(Date.now() + offset * 3_600_000);
    const localDay = local.toISOString().slice(0, 10);
    const weekday = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][local.getUTCDay()];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, director.email, director.password);
    await page.goto("/acme/account");
    await page.getByLabel("Time zone").fill(timeZone);
    await page.getByLabel("Weekly digest on").selectOption({ label: weekday });
    await page.getByLabel("Weekly digest from").selectOption({ label: "00:00" });
    await page.getByRole("button", { name: "Save notification settings" }).click();
    await expect(page.getByText("Notification settings saved").first()).toBeVisible();

    // 3. The scheduler runs (as its cron would) on the server's clock; the send job mails the digest.
    const boss = new PgBoss({
      connectionString: process.env.E2E_DATABASE_URL,
      schema: "pgboss",
      supervise: false,
      schedule: false,
      migrate: false,
      max: 1,
    });
    await boss.start();
    try {
      await boss.send("notification-schedule", {});
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
    await expect.poll(() => inbox.got.filter((m) => m.to.includes(director.email)).length, { timeout: 30_000, intervals: [250] }).toBe(1);
    const mail = inbox.got.find((m) => m.to.includes(director.email))!;
    expect(header(mail.raw, "Subject")).toBe(`Keel weekly digest, ${localDay}`);
    const text = plainText(mail.raw);
    expect(text).toContain(`Acme Robotics: the week to`);
    expect(text).toMatch(/ERP Connector \(SAP\): [A-Za-z ]+ → Off track/);
    expect(text).toContain("- ERP Connector (SAP) is off track");
    const listUnsubscribe = header(mail.raw, "List-Unsubscribe") ?? "";
    expect(header(mail.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = listUnsubscribe.match(/^<(http[^>]+\/unsubscribe\?t=[^>]+)>$/)?.[1];
    expect(link, listUnsubscribe).toBeTruthy();
    expect(text).toContain(`Unsubscribe from these: ${link}`);
    const [row] = await sql<{ state: string }>(
      `SELECT state::text FROM "Notification" WHERE "userId" = $1 AND kind = 'DIRECTOR_DIGEST' AND channel = 'EMAIL'`,
      [director.id],
    );
    expect(row.state).toBe("SENT");

    // 4. The link, opened without a session, asks; the button turns the digest off by email.
    const anonymous = await browser.newContext();
    const out = await anonymous.newPage();
    await out.goto(link!);
    await expect(out.getByRole("heading", { name: "Unsubscribe from “Weekly director digest”?" })).toBeVisible();
    await out.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(out.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
    await anonymous.close();
    await page.reload();
    await expect(page.getByLabel("Weekly director digest by email")).not.toBeChecked();
    await expect(page.getByLabel("Weekly director digest by in app")).toBeChecked();
    await context.close();
  } finally {
    await inbox.close();
  }
});
