import { defineAction } from "@/lib/action";
import { AppError, conflict, invalid } from "@/lib/errors";
import { DEPARTURE_REGRET, ZSetDepartureRegretInput } from "@/lib/people/schemas";

type Regret = (typeof DEPARTURE_REGRET)[number];
/** The departureRegretted column of an answer (null: not recorded). The departure action records it too. */
export const fromRegret = (r: Regret): boolean | null => (r === "unrecorded" ? null : r === "regretted");

/**
 * Record whether a departure was regretted (org health's regretted attrition). Whoever may record
 * the departure may say so, for a person who has a last day; the person's pay is neither read nor
 * touched, and the audit event says only that an answer was recorded or taken back.
 */
export const setDepartureRegret = defineAction({
  name: "person.set-departure-regret",
  permission: "people:write",
  input: ZSetDepartureRegretInput,
  async handler(ctx, input) {
    const person = await ctx.tx.person.findFirst({
      where: { id: input.personId, orgId: ctx.org.id },
      select: { id: true, name: true, orgUnitId: true, endDate: true, departureRegretted: true, version: true },
    });
    if (!person) throw new AppError("NOT_FOUND", "That person does not exist.");
    await ctx.assertUnitInScope(person.orgUnitId);
    if (person.version !== input.version) throw conflict();
    if (!person.endDate) throw invalid({ regretted: [`${person.name} has no last day recorded: record the departure first.`] });
    const { count } = await ctx.tx.person.updateMany({
      where: { id: person.id, orgId: ctx.org.id, version: input.version },
      data: { departureRegretted: fromRegret(input.regretted), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    // Not the answer itself: the person's page shows its history to every reader of the org.
    await ctx.audit({
      entityType: "Person",
      entityId: person.id,
      before: { regretRecorded: person.departureRegretted !== null },
      after: { regretRecorded: input.regretted !== "unrecorded" },
    });
    return { personId: person.id };
  },
});
