import type { ActionContext } from "@/lib/action";
import { toDateString } from "@/lib/fiscal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordFirstAssignment } from "@/lib/people/assignment";

/**
 * A new person (a hire filling a position, an HRIS joiner) with their first period from their
 * start date, audited as person.create with `note` (what the person came with) after the basics.
 */
export async function addPersonInTx(
  ctx: ActionContext,
  data: Omit<Prisma.PersonUncheckedCreateInput, "orgId">,
  note: Record<string, unknown>,
) {
  const person = await ctx.tx.person.create({
    data: { orgId: ctx.org.id, ...data },
    select: { id: true, name: true, orgUnitId: true, managerId: true, startDate: true },
  });
  await recordFirstAssignment(ctx, person);
  await ctx.audit({
    action: "person.create",
    entityType: "Person",
    entityId: person.id,
    after: {
      name: person.name,
      orgUnitId: person.orgUnitId,
      managerId: person.managerId,
      startDate: toDateString(person.startDate),
      ...note,
    },
  });
  return person;
}
