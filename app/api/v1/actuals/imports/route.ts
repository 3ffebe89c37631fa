import { importProblem, readImportUpload } from "@/lib/api/actuals-import";
import { idempotent } from "@/lib/api/idempotency";
import { json } from "@/lib/api/problem";
import { importActuals } from "@/lib/budgets/import-actuals";
import { discardUpload } from "@/lib/budgets/upload";
import { withToken } from "@/lib/route-guard";

// A ledger import through the UI's own action (actuals.import): the same all-or-nothing checks,
// audit event and import.completed webhook. JSON rows or a CSV body (lib/api/actuals-import.ts);
// Idempotency-Key makes a retry safe. Outside proxy.ts's matcher, like the UI's upload: a large
// CSV body must reach the route whole.
export const POST = withToken(
  async (request, principal) => {
    const read = await readImportUpload(request);
    if (!read.ok) return read.response;
    const { uploadId, fileName, fingerprint, source } = read.upload;
    try {
      return await idempotent(request, principal.tokenId, fingerprint, async () => {
        const result = await importActuals.runAsToken({ userId: principal.userId!, scopes: principal.scopes }, principal.org.slug, {
          uploadId,
          fileName,
        });
        return result.ok ? json(result.data, { status: 201 }) : importProblem(result, source);
      });
    } finally {
      await discardUpload(uploadId);
    }
  },
  { scope: "budgets:write", permission: "actuals:write" },
);
