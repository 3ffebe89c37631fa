import { defineAction } from "@/lib/action";
import { ZRevertImportInput } from "@/lib/budgets/schemas";
import { conflict, notFound } from "@/lib/errors";

// Reverting deletes exactly the ledger lines the batch inserted (importBatchId), and keeps the
// batch itself, marked REVERTED, as history. The status check and flip are one conditional
// UPDATE so two concurrent reverts cannot both run.
export const revertImport = defineAction({
  name: "actuals.import.revert",
  permission: "actuals:write",
  revalidate: { path: "/{org}/budgets", type: "layout" },
  input: ZRevertImportInput,
  async handler(ctx, { batchId }) {
    const orgId = ctx.org.id;
    const batch = await ctx.tx.importBatch.findFirst({
      where: { id: batchId, orgId },
      select: { id: true, kind: true, fileName: true, status: true, insertedCount: true },
    });
    if (!batch || batch.kind !== "ACTUALS") throw notFound("That import does not exist.");
    const { count: flipped } = await ctx.tx.importBatch.updateMany({
      where: { id: batchId, orgId, status: "COMPLETED" },
      data: { status: "REVERTED", revertedAt: new Date(), revertedById: ctx.actor.userId },
    });
    if (flipped === 0) throw conflict("That import was already reverted.");
    const { count: deleted } = await ctx.tx.actualEntry.deleteMany({ where: { orgId, importBatchId: batchId } });
    await ctx.audit({
      entityType: "ImportBatch",
      entityId: batchId,
      before: { status: "COMPLETED", fileName: batch.fileName, insertedCount: batch.insertedCount },
      after: { status: "REVERTED", deletedCount: deleted },
    });
    return { batchId, deletedCount: deleted };
  },
});
