import type { ActionContext } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { addDaysIso, utcDate } from "@/lib/headcount/position-helpers";
import { toDateString } from "@/lib/fiscal";

// Effective-dated history of where a person sits and whom they report to (PersonAssignment).
// Person.orgUnitId/managerId stay the current values; this keeps the periods behind them.

/** The part of an action context these need: the transaction and the org (also a SCIM write, lib/scim/). */
type OrgTx = { tx: ActionContext["tx"]; org: { id: string } };

type Current = { id: string; orgUnitId: string; managerId: string | null; startDate: Date };

/**
 * A person's first period: where they sit and whom they report to from their start date, open,
 * or up to `effectiveTo` (a period reconstructed for someone created before history was kept).
 */
export async function recordFirstAssignment(ctx: OrgTx, person: Current, effectiveTo?: Date) {
  await ctx.tx.personAssignment.create({
    data: {
      orgId: ctx.org.id,
      personId: person.id,
      orgUnitId: person.orgUnitId,
      managerId: person.managerId,
      effectiveFrom: person.startDate,
      effectiveTo,
    },
  });
}

export async function recordAssignment(
  ctx: OrgTx,
  person: Current,
  next: { orgUnitId: string; managerId: string | null },
  effectiveFrom: string,
) {
  const open = await ctx.tx.personAssignment.findFirst({
    where: { orgId: ctx.org.id, personId: person.id, effectiveTo: null },
    orderBy: { effectiveFrom: "desc" },
    select: { id: true, effectiveFrom: true },
  });
  const start = toDateString(person.startDate);
  if (!open) {
    // People created before history was kept: their first period is reconstructed from the
    // values they had until now.
    if (effectiveFrom > start) await recordFirstAssignment(ctx, person, utcDate(addDaysIso(effectiveFrom, -1)));
  } else {
    const openFrom = toDateString(open.effectiveFrom);
    if (effectiveFrom < openFrom) {
      throw invalid({ effectiveFrom: [`The current assignment starts ${openFrom}: a change must be effective on or after it.`] });
    }
    if (effectiveFrom === openFrom) {
      // A same-day correction replaces the period instead of leaving a zero-length one.
      await ctx.tx.personAssignment.delete({ where: { id: open.id } });
    } else {
      await ctx.tx.personAssignment.update({ where: { id: open.id }, data: { effectiveTo: utcDate(addDaysIso(effectiveFrom, -1)) } });
    }
  }
  await ctx.tx.personAssignment.create({
    data: {
      orgId: ctx.org.id,
      personId: person.id,
      orgUnitId: next.orgUnitId,
      managerId: next.managerId,
      effectiveFrom: utcDate(effectiveFrom < start ? start : effectiveFrom),
    },
  });
}

/**
 * The database half of the cycle rule: walk up from the proposed manager with a recursive CTE
 * (UNION, so an existing loop terminates) inside the transaction. The advisory lock serialises
 * reporting-line changes per org, so two concurrent edits (A→B and B→A) cannot both pass.
 */
export async function assertNoReportingCycle(ctx: OrgTx, personId: string, managerId: string | null) {
  if (!managerId) return;
  await ctx.tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`keel:reporting:${ctx.org.id}`}))) l`;
  const [row] = await ctx.tx.$queryRaw<{ cycle: boolean }[]>`
    WITH RECURSIVE chain("id", "managerId") AS (
      SELECT p."id", p."managerId" FROM "Person" p WHERE p."orgId" = ${ctx.org.id} AND p."id" = ${managerId}
      UNION
      SELECT p."id", p."managerId" FROM "Person" p JOIN chain c ON p."id" = c."managerId" WHERE p."orgId" = ${ctx.org.id}
    )
    SELECT EXISTS (SELECT 1 FROM chain WHERE "id" = ${personId}) AS "cycle"`;
  if (row?.cycle)
    throw invalid({ managerId: ["That would make a reporting loop: this manager reports (directly or indirectly) to this person."] });
}
