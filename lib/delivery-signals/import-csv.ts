import { randomUUID } from "node:crypto";

import { defineAction } from "@/lib/action";
import { readCsv } from "@/lib/delivery-signals/csv-table";
import { parseJiraCsv } from "@/lib/delivery-signals/jira-csv";
import { parseLinearCsv } from "@/lib/delivery-signals/linear-csv";
import { ZImportDeliveryCsvInput } from "@/lib/delivery-signals/schemas";
import { storeRecords } from "@/lib/delivery-signals/store";
import { invalid } from "@/lib/errors";
import { projectInScopeOrThrow } from "@/lib/projects/guards";

// A Jira or Linear CSV export, for when the API is not reachable: every row is checked first
// (row and column named, up to 20 problems listed), nothing is written unless all pass; then the
// items are stored like a sync's, on the project's connection of that kind (made if missing,
// without a token), and the upload is on the sync log.

const SHOWN = 20;

export const importDeliveryCsv = defineAction({
  name: "delivery.csv.import",
  permission: "delivery:connect",
  revalidate: { path: "/{org}", type: "layout" },
  input: ZImportDeliveryCsvInput,
  async handler(ctx, input) {
    const project = await projectInScopeOrThrow(ctx, input.projectId);
    const table = readCsv(input.csv);
    const { records, errors } = input.kind === "JIRA" ? parseJiraCsv(table, input.dateOrder) : parseLinearCsv(table);
    if (errors.length) {
      const more = errors.length > SHOWN ? [`… and ${errors.length - SHOWN} more problem(s).`] : [];
      throw invalid({ csv: [...errors.slice(0, SHOWN), ...more] }, "The file was not imported: nothing was written.");
    }
    if (!records.length) throw invalid({ csv: ["The file has no issues under its header row."] });
    const source =
      (await ctx.tx.deliverySource.findFirst({
        where: { orgId: ctx.org.id, projectId: project.id, kind: input.kind },
        select: { id: true },
      })) ??
      (await ctx.tx.deliverySource.create({
        data: { orgId: ctx.org.id, projectId: project.id, kind: input.kind, baseUrl: "", query: "" },
        select: { id: true },
      }));
    const stored = await storeRecords(ctx.tx, { orgId: ctx.org.id, projectId: project.id, sourceId: source.id }, records);
    const now = new Date();
    await ctx.tx.deliverySource.update({ where: { id: source.id }, data: { lastSyncedAt: now } });
    const log = await ctx.tx.deliverySyncLog.create({
      data: {
        id: randomUUID(),
        orgId: ctx.org.id,
        projectId: project.id,
        sourceId: source.id,
        via: "csv",
        state: "SUCCEEDED",
        itemsSeen: stored,
        finishedAt: now,
      },
      select: { id: true },
    });
    await ctx.audit({ entityType: "Project", entityId: project.id, after: { kind: input.kind, items: stored } });
    return { items: stored, logId: log.id };
  },
});
