import { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { notFound } from "@/lib/errors";
import type { MappedKind } from "@/lib/imports/ledger-mapping";
import { ZId } from "@/lib/validation";

// Forgetting a saved mapping: the next file of that shape is mapped afresh. Whoever may import a
// kind may delete its mappings (the permission of that kind's import); a mapping of another org
// or another kind is not found.

const ZDeleteMappingInput = z.object({ id: ZId("Choose a saved mapping.") });

async function deleteMapping(ctx: ActionContext, kind: MappedKind, id: string) {
  const m = await ctx.tx.importMapping.findFirst({
    where: { id, orgId: ctx.org.id, kind },
    select: { id: true, signature: true, header: true },
  });
  if (!m) throw notFound("That saved mapping does not exist.");
  await ctx.tx.importMapping.delete({ where: { id: m.id } });
  await ctx.audit({ entityType: "ImportMapping", entityId: m.id, before: { kind, signature: m.signature, header: m.header } });
  return { id: m.id };
}

export const deleteActualsMapping = defineAction({
  name: "actuals.import.mapping.delete",
  permission: "actuals:write",
  input: ZDeleteMappingInput,
  handler: (ctx, { id }) => deleteMapping(ctx, "ACTUALS", id),
});

export const deletePlanMapping = defineAction({
  name: "budgets.import.mapping.delete",
  permission: "budgets:write",
  input: ZDeleteMappingInput,
  handler: (ctx, { id }) => deleteMapping(ctx, "BUDGET", id),
});

export const deletePositionsMapping = defineAction({
  name: "hiring-plan.import.mapping.delete",
  permission: "positions:write",
  input: ZDeleteMappingInput,
  handler: (ctx, { id }) => deleteMapping(ctx, "HIRING_PLAN", id),
});
