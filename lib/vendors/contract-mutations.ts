import { defineAction, type ActionContext } from "@/lib/action";
import { conflict, invalid, notFound } from "@/lib/errors";
import { CONTRACT_FIELDS } from "@/lib/vendors/contract-select";
import { ZContractInput, ZUpdateContractInput } from "@/lib/vendors/schemas";

const CONTRACT_SELECT = { ...CONTRACT_FIELDS, ownerId: true } as const;

const date = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** Vendor, org unit and owner must all belong to the actor's org; foreign ids are field errors. */
async function checkRefs(ctx: ActionContext, input: { vendorId: string; orgUnitId: string; ownerId: string | null }) {
  const orgId = ctx.org.id;
  const [vendor, unit, owner] = await Promise.all([
    ctx.tx.vendor.findFirst({ where: { id: input.vendorId, orgId }, select: { id: true } }),
    ctx.tx.orgUnit.findFirst({ where: { id: input.orgUnitId, orgId }, select: { id: true } }),
    input.ownerId ? ctx.tx.person.findFirst({ where: { id: input.ownerId, orgId }, select: { id: true } }) : Promise.resolve({ id: "" }),
  ]);
  const errors: Record<string, string[]> = {};
  if (!vendor) errors.vendorId = ["Choose a vendor of this organization."];
  if (!unit) errors.orgUnitId = ["Choose an org unit of this organization."];
  if (!owner) errors.ownerId = ["Choose an owner from this organization."];
  if (Object.keys(errors).length) throw invalid(errors);
}

function data(input: {
  vendorId: string;
  orgUnitId: string;
  category: string;
  name: string;
  annualAmount: bigint;
  startDate: string;
  endDate: string;
  renewalNoticeDate: string | null;
  autoRenew: boolean;
  ownerId: string | null;
  status: string;
}) {
  return {
    vendorId: input.vendorId,
    orgUnitId: input.orgUnitId,
    category: input.category as never,
    name: input.name,
    annualAmountCents: input.annualAmount,
    startDate: date(input.startDate)!,
    endDate: date(input.endDate)!,
    renewalNoticeDate: date(input.renewalNoticeDate),
    autoRenew: input.autoRenew,
    ownerId: input.ownerId,
    status: input.status as never,
  };
}

export const createContract = defineAction({
  name: "contracts.create",
  permission: "vendors:write",
  input: ZContractInput,
  async handler(ctx, input) {
    await checkRefs(ctx, input);
    const contract = await ctx.tx.contract.create({ data: { orgId: ctx.org.id, ...data(input) }, select: CONTRACT_SELECT });
    await ctx.audit({ entityType: "Contract", entityId: contract.id, after: contract });
    return { id: contract.id, version: contract.version };
  },
});

export const updateContract = defineAction({
  name: "contracts.update",
  permission: "vendors:write",
  input: ZUpdateContractInput,
  async handler(ctx, { id, version, ...input }) {
    const before = await ctx.tx.contract.findFirst({ where: { id, orgId: ctx.org.id }, select: CONTRACT_SELECT });
    if (!before) throw notFound("That contract does not exist.");
    await checkRefs(ctx, input);
    const { count } = await ctx.tx.contract.updateMany({
      where: { id, orgId: ctx.org.id, version },
      data: { ...data(input), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    const after = await ctx.tx.contract.findFirstOrThrow({ where: { id, orgId: ctx.org.id }, select: CONTRACT_SELECT });
    await ctx.audit({ entityType: "Contract", entityId: id, before, after });
    return { id, version: after.version };
  },
});
