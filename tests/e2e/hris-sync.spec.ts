import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { createMemberUser, sql } from "./fixtures";

// A director syncs a fresh org's people from a BambooHR-shaped export in the Teams dialog: the
// columns are suggested from the header, the departments matched to units, the dry run lists the
// joiner, the leaver and the move, and the apply changes the people. A date in another format than
// the one chosen is refused, named by row and column, and nothing changes.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const us = (s: string) => `${s.slice(5, 7)}/${s.slice(8, 10)}/${s.slice(0, 4)}`;

test("a director previews and applies a BambooHR export; a bad date is named by row and column", async ({ page }) => {
  test.setTimeout(120_000);
  const id = randomBytes(4).toString("hex");
  const slug = `hris-${id}`;
  const orgId = `o${id}`;
  await sql(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [orgId, `HRIS ${id}`, slug]);
  const unit = async (code: string, name: string, kind: string, parentId: string | null) => {
    await sql(
      `INSERT INTO "OrgUnit" (id, "orgId", "parentId", kind, name, code, depth, "updatedAt") VALUES ($1, $2, $3, $4::"OrgUnitKind", $5, $6, $7, now())`,
      [`u${code}${id}`, orgId, parentId, kind, name, code, parentId ? 1 : 0],
    );
    return `u${code}${id}`;
  };
  const eng = await unit("ENG", "Engineering", "DEPARTMENT", null);
  await unit("DES", "Design", "TEAM", eng);
  const person = async (key: string, name: string, email: string, orgUnitId: string, title: string) => {
    await sql(
      `INSERT INTO "Person" (id, "orgId", name, email, title, level, "orgUnitId", "startDate", "annualCompCents", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'IC4', $6, '2021-01-04', 15000000, now())`,
      [`p${key}${id}`, orgId, name, email, title, orgUnitId],
    );
    await sql(
      `INSERT INTO "PersonAssignment" (id, "orgId", "personId", "orgUnitId", "effectiveFrom") VALUES ($1, $2, $3, $4, '2021-01-04')`,
      [`a${key}${id}`, orgId, `p${key}${id}`, orgUnitId],
    );
  };
  await person("ada", "Ada Lovelace", `ada@${id}.example`, eng, "VP Engineering");
  await person("grace", "Grace Hopper", `grace@${id}.example`, eng, "Staff Engineer");
  await person("alan", "Alan Turing", `alan@${id}.example`, eng, "Engineer");
  const director = await createMemberUser(slug, "DIRECTOR");

  const leaving = iso(new Date(Date.now() + 20 * 86_400_000));
  const file = (graceHired: string) =>
    [
      "Employee #,First Name,Last Name,Job Title,Department,Work Email,Supervisor EID,Hire Date,Termination Date,SSN",
      `1001,Ada,Lovelace,VP Engineering,Engineering,ada@${id}.example,,01/04/2021,,123-45-6789`,
      `1002,Grace,Hopper,Staff Engineer,Design,grace@${id}.example,1001,${graceHired},,987-65-4321`,
      `1003,Alan,Turing,Engineer,Engineering,alan@${id}.example,1001,01/04/2021,${us(leaving)},111-22-3333`,
      `1004,Joan,Clarke,Engineer,Design,joan@${id}.example,1002,${us(iso(new Date()))},,444-55-6666`,
    ].join("\n");

  await page.goto("/login");
  await page.getByLabel("Email").fill(director.email);
  await page.getByLabel("Password").fill(director.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  await page.goto(`/${slug}/teams`);
  await page.getByRole("button", { name: "Sync from HRIS" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("link", { name: "BambooHR — employee directory" })).toHaveAttribute(
    "href",
    "/samples/hris-bamboohr-directory.csv",
  );

  // A date not in the format chosen: refused, named by row and column, nothing written.
  await dialog
    .getByLabel("HRIS export (CSV)")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(file("2022-07-15")) });
  await expect(dialog.getByLabel("Employee id *")).toHaveValue("Employee #");
  await expect(dialog.getByLabel("Hire date *")).toHaveValue("Hire Date");
  await dialog.getByLabel("Dates in the file").selectOption("us");
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByText('Row 3: Hire Date "2022-07-15" is not a MM/DD/YYYY date (the format chosen)')).toBeVisible();
  expect(await sql(`SELECT 1 FROM "Person" WHERE "orgId" = $1 AND "hrisEmployeeId" IS NOT NULL`, [orgId])).toHaveLength(0);

  await dialog
    .getByLabel("HRIS export (CSV)")
    .setInputFiles({ name: "directory.csv", mimeType: "text/csv", buffer: Buffer.from(file("07/15/2022")) });
  await expect(dialog.getByLabel("Design", { exact: true })).toHaveValue("DES");
  await expect(dialog.getByLabel("Dates in the file")).toHaveValue("");
  await dialog.getByLabel("Dates in the file").selectOption("us");
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  const preview = dialog.getByRole("region", { name: /Dry run/ });
  await expect(preview.getByText("Joan Clarke — Engineer, Design")).toBeVisible();
  await expect(preview.getByText(`Alan Turing — last day ${leaving}`)).toBeVisible();
  await expect(preview.getByText("Grace Hopper: Engineering → Design")).toBeVisible();
  await expect(preview.getByText("SSN")).toBeVisible();
  await preview.getByRole("button", { name: "Apply these changes" }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`/${slug}/teams`);
  await expect(page.getByText("Joan Clarke").first()).toBeVisible();
  await expect(page.getByText("Grace Hopper").first()).toBeVisible();
  const [alan] = await sql<{ endDate: string }>(`SELECT "endDate"::text AS "endDate" FROM "Person" WHERE id = $1`, [`palan${id}`]);
  expect(alan.endDate).toBe(leaving);
  const saved = await sql(`SELECT 1 FROM "ImportMapping" WHERE "orgId" = $1 AND kind = 'PEOPLE'`, [orgId]);
  expect(saved).toHaveLength(1);

  // The next file of this shape comes with its saved mapping.
  await page.getByRole("button", { name: "Sync from HRIS" }).click();
  await page
    .getByRole("dialog")
    .getByLabel("HRIS export (CSV)")
    .setInputFiles({ name: "directory.csv", mimeType: "text/csv", buffer: Buffer.from(file("07/15/2022")) });
  await expect(page.getByText("Mapped with the mapping saved for files with these columns")).toBeVisible();
  await expect(page.getByRole("dialog").getByLabel("Dates in the file")).toHaveValue("us");
});
