import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (/usr/bin/chromium), never a downloaded browser,
// against a production build (scripts/server.ts, as `npm start` runs it) on a seeded throwaway database that
// scripts/test.ts provides in E2E_DATABASE_URL.
const port = Number(process.env.E2E_PORT ?? 3217);
const baseURL = `http://localhost:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL;
// The server's SMTP server: tests/e2e/notifications.spec.ts listens there while it reads mail;
// at other times a send finds no server and is retried, as with any SMTP outage.
const smtpPort = process.env.E2E_SMTP_PORT;
if (!databaseUrl) {
  throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through `npm test` (scripts/test.ts seeds a database for them).");
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  // One retry, with a trace of it: a test that passes only on its retry is listed as "flaky" in
  // the run's output (docs/testing.md), so a timing race on a loaded machine is seen, not hidden,
  // and does not fail a run whose every behaviour works.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The production web server as `npm start` runs it (scripts/server.ts), on the seeded database.
    command: "node --import tsx scripts/server.ts",
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: baseURL,
      KEEL_DB_POOL_MAX: process.env.KEEL_DB_POOL_MAX ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      KEEL_SMTP_URL: smtpPort ? `smtp://127.0.0.1:${smtpPort}` : "",
      KEEL_MAIL_FROM: "Keel <keel@e2e.example>",
    },
  },
});
