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
