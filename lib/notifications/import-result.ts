import type { RefusedCaller, Refusal } from "@/lib/action/types";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db-factory";
import { logger } from "@/lib/log";
import { notify } from "@/lib/notifications/notify";

// "Import finished / failed" for the ledger and plan imports. Finished is written in the import's
// own transaction (it commits with the lines); failed after the import rolled back, by the
// caller that ran it (the upload route, the API) or the action's `afterRefusal` (the mapped
// import), since nothing of the import's transaction stays.

type ImportKind = "actuals" | "plan";
const WHAT: Record<ImportKind, string> = { actuals: "Actuals import", plan: "Plan import" };
const hrefOf = (orgSlug: string) => `/${orgSlug}/budgets`;

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
    href: hrefOf(i.orgSlug),
  });
}

/** After a refused import (bad rows, nothing new): tells the importer what was wrong. Never throws: the refusal is the answer. */
async function noticeImportFailed(i: {
  orgId: string;
  orgSlug: string;
  userId: string;
  kind: ImportKind;
  fileName: string;
  uploadId: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}): Promise<void> {
  const details = Object.values(i.fieldErrors ?? {})
    .flat()
    .slice(0, 20);
  await notify(db, {
    orgId: i.orgId,
    userId: i.userId,
    kind: "IMPORT_RESULT",
    dedupeKey: `import-failed:${i.uploadId}`,
    subject: `${WHAT[i.kind]} failed: ${i.fileName}`,
    text: `${i.fileName} was not imported; nothing was written.\n\n${i.message}${details.length ? `\n\n${details.map((d) => `- ${d}`).join("\n")}` : ""}`,
    href: hrefOf(i.orgSlug),
  }).catch((error: unknown) =>
    logger.error({ err: error, orgId: i.orgId, event: "notifications.import-failed" }, "noting a failed import failed"),
  );
}

/** An import action's `afterRefusal` (lib/action/types.ts): the failed notice for the refused upload. */
export function noticeRefusedImport(kind: ImportKind) {
  return (who: RefusedCaller, input: { uploadId: string; fileName: string }, failure: Refusal) =>
    noticeImportFailed({
      ...who,
      kind,
      fileName: input.fileName,
      uploadId: input.uploadId,
      message: failure.message,
      fieldErrors: failure.fieldErrors,
    });
}
