import { createHash } from "node:crypto";

import type { RefusedCaller, Refusal } from "@/lib/action/types";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db-factory";
import { logger } from "@/lib/log";
import { notify } from "@/lib/notifications/notify";

// "Import finished / failed" for the ledger, plan and hiring-plan imports. Finished is written in
// the import's own transaction (it commits with the lines); failed after the import rolled back,
// from the import action's `afterRefusal`, since nothing of the import's transaction stays.

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

type ImportKind = "actuals" | "plan" | "positions";
const WHAT: Record<ImportKind, string> = { actuals: "Actuals import", plan: "Plan import", positions: "Hiring plan import" };
const hrefOf = (orgSlug: string, kind: ImportKind) => `/${orgSlug}/${kind === "positions" ? "headcount" : "budgets"}`;

export function noticeImportFinished(
  tx: Tx,
  i: {
    orgId: string;
    orgSlug: string;
    userId: string;
    kind: ImportKind;
    fileName: string;
    batchId: string;
    rowCount: number;
    insertedCount: number;
    skippedCount: number;
  },
): Promise<number> {
  const skipped = i.skippedCount ? `, ${i.skippedCount} skipped as already imported` : "";
  return notify(tx, {
    orgId: i.orgId,
    userId: i.userId,
    kind: "IMPORT_RESULT",
    dedupeKey: `import:${i.batchId}`,
    subject: `${WHAT[i.kind]} finished: ${i.fileName}`,
    text: `${i.fileName}: ${i.rowCount} ${i.rowCount === 1 ? "row" : "rows"} read, ${i.insertedCount} imported${skipped}.`,
    href: hrefOf(i.orgSlug, i.kind),
  });
}

/** After a refused import (bad rows, nothing new): tells the importer what was wrong. Never throws: the refusal is the answer. */
async function noticeImportFailed(i: {
  orgId: string;
  orgSlug: string;
  userId: string;
  kind: ImportKind;
  fileName: string;
  /** What makes a retry of the same file the same notice: the upload, or the text sent inline. */
  fileKey: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}): Promise<void> {
  const details = Object.values(i.fieldErrors ?? {})
    .flat()
    .slice(0, 20);
  const text = `${i.fileName} was not imported; nothing was written.\n\n${i.message}${details.length ? `\n\n${details.map((d) => `- ${d}`).join("\n")}` : ""}`;
  await notify(db, {
    orgId: i.orgId,
    userId: i.userId,
    kind: "IMPORT_RESULT",
    // A retry refused for the same reason is one notice; the same file refused for another reason
    // (its mapping changed in the wizard) is another, so the importer reads the latest reason.
    dedupeKey: `import-failed:${i.fileKey}:${digest(text)}`,
    subject: `${WHAT[i.kind]} failed: ${i.fileName}`,
    text,
    href: hrefOf(i.orgSlug, i.kind),
  }).catch((error: unknown) =>
    logger.error({ err: error, orgId: i.orgId, event: "notifications.import-failed" }, "noting a failed import failed"),
  );
}

/**
 * An import action's `afterRefusal` (lib/action/types.ts): the failed notice for the refused file,
 * an upload (`uploadId`) or a file sent inline (`csv`, the hiring-plan dialog: keyed by its text).
 */
export function noticeRefusedImport(kind: ImportKind) {
  return (who: RefusedCaller, input: { fileName: string } & ({ uploadId: string } | { csv: string }), failure: Refusal) =>
    noticeImportFailed({
      ...who,
      kind,
      fileName: input.fileName,
      fileKey: "uploadId" in input ? input.uploadId : `text-${digest(input.csv)}`,
      message: failure.message,
      fieldErrors: failure.fieldErrors,
    });
}
