import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";

import { newUploadFile } from "@/lib/budgets/upload";
import type { Db } from "@/lib/db-factory";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";

const uid = () => randomBytes(4).toString("hex");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function createPerson(
  db: Db,
  orgId: string,
  orgUnitId: string,
  annualCompCents: bigint,
  opts: { start?: string; end?: string | null; contractor?: boolean; name?: string } = {},
) {
  return db.person.create({
    data: {
      orgId,
      orgUnitId,
      name: opts.name ?? `Person ${uid()}`,
      title: "Engineer",
      level: "L3",
      startDate: d(opts.start ?? "2020-01-01"),
      endDate: opts.end ? d(opts.end) : null,
      annualCompCents,
      ...(opts.contractor ? { employmentType: "CONTRACTOR" as const } : {}),
    },
  });
}

export async function createPlan(db: Db, orgId: string, orgUnitId: string, month: string, category: BudgetCategory, amountCents: bigint) {
  return db.budgetLine.create({ data: { orgId, orgUnitId, month: d(month), category, amountCents } });
}

export async function createActual(
  db: Db,
  orgId: string,
  orgUnitId: string,
  bookedOn: string,
  category: BudgetCategory,
  amountCents: bigint,
  opts: { vendorId?: string } = {},
) {
  return db.actualEntry.create({
    data: { orgId, orgUnitId, bookedOn: d(bookedOn), category, amountCents, externalRef: `fx-${uid()}`, vendorId: opts.vendorId ?? null },
  });
}

// The upload route discards each file after its import; tests remove theirs when the worker exits.
const written = new Set<string>();
process.once("exit", () => {
  for (const f of written) rmSync(f, { force: true });
});

/** A file the import action's upload id finds, removed when the test worker exits. */
export async function uploadFile(): Promise<{ uploadId: string; filePath: string }> {
  const file = await newUploadFile();
  written.add(file.filePath);
  return file;
}

/** Writes CSV text where the import action's upload id finds it. */
export async function uploadCsv(text: string): Promise<string> {
  const { uploadId, filePath } = await uploadFile();
  await writeFile(filePath, text, "utf8");
  return uploadId;
}
