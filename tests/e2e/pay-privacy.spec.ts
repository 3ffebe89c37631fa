import { expect, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// Individual pay is visible only with compensation:read (admin, director): for everyone else it
// must be absent from the HTML and from the React payload embedded in it, not merely hidden.

async function samplePay() {
  const rows = await sql<{ cents: string }>(
    `SELECT p."annualCompCents"::text AS cents FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
     WHERE o.slug = 'acme' AND p."endDate" IS NULL ORDER BY p.name LIMIT 3`,
  );
  expect(rows).toHaveLength(3);
  return rows.map((r) => ({
    raw: r.cents,
    formatted: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(r.cents) / 100),
  }));
}

for (const email of ["viewer@acme.example", "finance@acme.example", "manager@acme.example"]) {
  test(`${email} gets no individual pay in any people or headcount payload`, async ({ page }) => {
    const pay = await samplePay();
    await signIn(page, email);
    for (const path of ["/acme/teams", "/acme/headcount"]) {
      const response = await page.goto(path);
      const html = (await response?.text()) ?? "";
      expect(html.length).toBeGreaterThan(1000);
      expect(html).not.toMatch(/annualComp/i);
      for (const p of pay) {
        expect(html).not.toContain(p.formatted);
        expect(html).not.toContain(`"${p.raw}"`);
      }
    }
  });
}

test("a director sees individual pay on the teams page", async ({ page }) => {
  const pay = await samplePay();
  await signIn(page, "director@acme.example");
  const response = await page.goto("/acme/teams");
  const html = (await response?.text()) ?? "";
  expect(pay.some((p) => html.includes(p.formatted) || html.includes(p.raw))).toBe(true);
});

// The lines behind money figures: a PERSONNEL ledger line can be one person's payroll, so roles
// without pay access get none — not as rows, not in the total, not in the CSV — and are told so.
for (const email of ["viewer@acme.example", "finance@acme.example", "manager@acme.example"]) {
  test(`${email} gets no PERSONNEL ledger or plan line, on the lines page or in its CSV`, async ({ page }) => {
    await signIn(page, email);
    for (const kind of ["actual", "plan"]) {
      const all = await page.request.get(`/acme/budgets/lines?kind=${kind}&from=2025-02&to=2027-01`);
      const html = await all.text();
      expect(html).toContain("Personnel lines are shown only to roles that may read pay");
      expect(html).not.toMatch(/Payroll \w+ \d{4}/);
      expect(html).not.toContain(">Personnel</td>");
      const personnel = await page.request.get(`/acme/budgets/lines?kind=${kind}&cat=PERSONNEL&from=2025-02&to=2027-01`);
      expect(await personnel.text()).toContain("Personnel lines are not shown");
      const csv = await (await page.request.get(`/acme/budgets/lines/export?kind=${kind}&from=2025-02&to=2027-01`)).text();
      expect(csv.split("\r\n").length).toBeGreaterThan(10);
      expect(csv).not.toMatch(/,PERSONNEL,|Payroll/);
      const only = await (await page.request.get(`/acme/budgets/lines/export?kind=${kind}&cat=PERSONNEL&from=2025-02&to=2027-01`)).text();
      expect(only.trim().split("\r\n")).toHaveLength(1);
    }
  });
}

test("a director sees PERSONNEL ledger lines and their CSV", async ({ page }) => {
  await signIn(page, "director@acme.example");
  const html = await (await page.request.get("/acme/budgets/lines?cat=PERSONNEL&from=2025-02&to=2027-01")).text();
  expect(html).toMatch(/Payroll \w+ \d{4}/);
  expect(await (await page.request.get("/acme/budgets/lines/export?cat=PERSONNEL&from=2025-02&to=2027-01")).text()).toMatch(/,PERSONNEL,/);
});
