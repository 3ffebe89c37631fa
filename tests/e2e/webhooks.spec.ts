import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

import { expect, test } from "@playwright/test";

import { signedHeaders } from "../../lib/webhooks/sign";
import { createMemberUser, signIn, sql } from "./fixtures";

// The webhooks settings page end to end: an admin allows private targets, adds an endpoint that
// points at a receiver this test runs, sends a test event, sees its delivery in the log with the
// receiver's response code, and redelivers it. Delivery goes through the real queue (pg-boss in
// the server's process).

const RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? 3454);
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiver: Server;

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      // 202, not 200: the log must show the receiver's own code.
      res.writeHead(202).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  // Later specs post updates in acme: no endpoint of this test may be left to fail at them.
  await sql(`DELETE FROM "WebhookEndpoint" WHERE url LIKE $1`, [`http://127.0.0.1:${RECEIVER_PORT}/hook/%`]);
  await sql(`UPDATE "Organization" SET "webhooksAllowPrivate" = false WHERE slug = 'acme'`);
});

test("an admin adds an endpoint, sees a signed delivery with its response code, and redelivers it", async ({ page }) => {
  const admin = await createMemberUser("acme", "ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/acme/settings/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

  // A loopback http receiver is refused until the org allows private targets.
  const url = `http://127.0.0.1:${RECEIVER_PORT}/hook/${randomBytes(4).toString("hex")}`;
  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByRole("checkbox", { name: /status_update\.posted/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("The address must start with https://.")).toBeVisible();
  await page.getByLabel("Allow private network targets").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Webhook targets saved", { exact: true })).toBeVisible();

  // The refused form was reset by React: fill it again.
  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByRole("checkbox", { name: /status_update\.posted/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_/);
  const row = page.getByRole("row").filter({ hasText: url });
  await row.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event queued", { exact: true })).toBeVisible();

  await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
  const first = received[0];
  const id = String(first.headers["webhook-id"]);
  const timestamp = Number(first.headers["webhook-timestamp"]);
  expect(first.headers["webhook-signature"]).toBe(signedHeaders(secret, id, timestamp, first.body)["webhook-signature"]);
  expect(JSON.parse(first.body)).toMatchObject({ type: "webhook.test" });

  // The delivery log of the endpoint: the attempt with the receiver's 202.
  await row.getByRole("link", { name: url }).click();
  await expect(page).toHaveURL(/[?&]endpoint=/);
  const log = page.locator("#deliveries");
  const logShows = (rowText: string) =>
    expect(async () => {
      await page.reload();
      await expect(log.getByRole("row").filter({ hasText: rowText })).toContainText("#1 202", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  await logShows("webhook.test");
  await log.getByRole("button", { name: "Redeliver" }).click();
  await expect(page.getByText("Redelivery queued", { exact: true })).toBeVisible();

  // The same event again, under the same webhook-id (receivers dedupe by it), logged as a redelivery.
  await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
  expect(received[1].headers["webhook-id"]).toBe(id);
  await logShows("(redelivery)");
  const audit = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "actorId" = $1 ORDER BY at`, [admin.id]);
  expect(audit.map((a) => a.action)).toEqual(["webhook.settings.update", "webhook.create", "webhook.test", "webhook.redeliver"]);
});
