import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3324";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
for (const [w, h] of [[1440, 900], [390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(`${base}/login`);
  await page.fill("input[name=email]", "director@acme.example");
  await page.fill("input[name=password]", "keel-demo");
  await page.click("button[type=submit]");
  await page.waitForURL(/dashboard/, { timeout: 60000 });
  await page.goto(`${base}/acme/account`);
  await page.getByText("Notifications", { exact: true }).first().scrollIntoViewIfNeeded();
  await page.locator("text=Save notification settings").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/mail25-account-${w}.png`, fullPage: false });
  await page.goto(`${base}/unsubscribe?t=bad`);
  await page.screenshot({ path: `/tmp/mail25-unsub-${w}.png` });
  await page.close();
}
await browser.close();
