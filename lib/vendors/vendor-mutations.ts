import { defineAction } from "@/lib/action";
import { conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZUpdateVendorInput, ZVendorInput } from "@/lib/vendors/schemas";

const VENDOR_SELECT = { id: true, name: true, website: true } as const;

function duplicateName(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

export const createVendor = defineAction({
  name: "vendors.create",
  permission: "vendors:write",
  revalidate: { path: "/{org}/vendors" },
  input: ZVendorInput,
  async handler(ctx, input) {
    const clash = await ctx.tx.vendor.findFirst({
      where: { orgId: ctx.org.id, name: { equals: input.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (clash) throw conflict("A vendor with that name already exists.");
    try {
      const vendor = await ctx.tx.vendor.create({ data: { orgId: ctx.org.id, ...input }, select: VENDOR_SELECT });
      await ctx.audit({ entityType: "Vendor", entityId: vendor.id, after: vendor });
      return vendor;
    } catch (e) {
      if (duplicateName(e)) throw conflict("A vendor with that name already exists.");
      throw e;
    }
  },
});

export const updateVendor = defineAction({
  name: "vendors.update",
  permission: "vendors:write",
  revalidate: { path: "/{org}/vendors" },
  input: ZUpdateVendorInput,
  async handler(ctx, { id, ...changes }) {
    const before = await ctx.tx.vendor.findFirst({ where: { id, orgId: ctx.org.id }, select: VENDOR_SELECT });
    if (!before) throw notFound("That vendor does not exist.");
    const clash = await ctx.tx.vendor.findFirst({
      where: { orgId: ctx.org.id, id: { not: id }, name: { equals: changes.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (clash) throw conflict("A vendor with that name already exists.");
    const after = await ctx.tx.vendor.update({ where: { id }, data: changes, select: VENDOR_SELECT });
    await ctx.audit({ entityType: "Vendor", entityId: id, before, after });
    return after;
  },
});
