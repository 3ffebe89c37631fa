import type { ActionContext } from "@/lib/action";
import { defineAction } from "@/lib/action";
import { conflict, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { reorgInStateOrThrow } from "@/lib/org/reorg/guards";
import { ownProposalOrThrow, proposalInScopeOrThrow } from "@/lib/org/reorg/proposal";
import { newUnitRef, type ReorgStep, ZAddReorgStepInput, ZCreateReorgInput, ZRemoveReorgStepInput } from "@/lib/org/reorg/schemas";
import { touchedUnitIds } from "@/lib/org/reorg/steps";
import { label } from "@/lib/org/tree-guards";

// Drafting a reorg: create it, add and remove steps. Managers draft too, as proposals inside
// their subtree (lib/org/reorg/proposal.ts); only directors and admins apply. A step is checked
// against the tree as it is when added (units and people of this org, open units, new units
// named by an earlier step); whether the steps still work together is what the preview and the
// apply find out.

export const createReorg = defineAction({
  name: "reorg.create",
  permission: "reorg:propose",
  input: ZCreateReorgInput,
  async handler(ctx, input) {
    const reorg = await ctx.tx.reorg.create({
      data: { orgId: ctx.org.id, name: input.name, createdById: ctx.actor.userId },
      select: { id: true, name: true, version: true },
    });
    await ctx.audit({ entityType: "Reorg", entityId: reorg.id, after: reorg });
    return { reorgId: reorg.id, version: reorg.version };
  },
});

async function checkUnitRef(ctx: ActionContext, field: string, ref: string, earlier: ReorgStep[]): Promise<void> {
  if (ref.startsWith("new:")) {
    if (!earlier.some((s) => s.kind === "create" && newUnitRef(s.code) === ref.toLowerCase())) {
      throw invalid({ [`step.${field}`]: [`No earlier step of this reorg creates the unit ${ref.slice(4)}.`] });
    }
    return;
  }
  const unit = await ctx.tx.orgUnit.findFirst({
    where: { id: ref, orgId: ctx.org.id },
    select: { name: true, code: true, closedOn: true },
  });
  if (!unit) throw invalid({ [`step.${field}`]: ["That org unit does not exist."] });
  if (unit.closedOn) throw invalid({ [`step.${field}`]: [`${label(unit)} is closed.`] });
}

/** `leads`: the unit the person would lead, named in the refusal. */
async function checkPerson(ctx: ActionContext, field: string, personId: string, leads: string | null = null): Promise<void> {
  const person = await ctx.tx.person.findFirst({ where: { id: personId, orgId: ctx.org.id }, select: { name: true, endDate: true } });
  const so = leads ? `, so they cannot lead ${leads}` : "";
  if (!person) throw invalid({ [`step.${field}`]: [`That person is not in this organization${so}.`] });
  if (person.endDate && toDateString(person.endDate) < toDateString(new Date()))
    throw invalid({ [`step.${field}`]: [`${person.name} has left the organization${so}.`] });
}

/** A step's unit by name: an existing unit of this org, or one an earlier step creates. */
async function unitLabel(ctx: ActionContext, ref: string, earlier: ReorgStep[]): Promise<string> {
  const made = earlier.find((s) => s.kind === "create" && newUnitRef(s.code) === ref.toLowerCase());
  if (made && made.kind === "create") return `${made.name} (${made.code})`;
  const unit = await ctx.tx.orgUnit.findFirst({ where: { id: ref, orgId: ctx.org.id }, select: { name: true, code: true } });
  return unit ? label(unit) : "the unit";
}

async function checkStep(ctx: ActionContext, step: ReorgStep, earlier: ReorgStep[]): Promise<void> {
  switch (step.kind) {
    case "move":
      await checkUnitRef(ctx, "unit", step.unit, earlier);
      await checkUnitRef(ctx, "parent", step.parent, earlier);
      if (step.unit === step.parent) throw invalid({ "step.parent": ["A unit cannot be its own parent."] });
      return;
    case "merge":
      await checkUnitRef(ctx, "unit", step.unit, earlier);
      await checkUnitRef(ctx, "target", step.target, earlier);
      if (step.unit === step.target) throw invalid({ "step.target": ["A unit cannot be merged into itself."] });
      return;
    case "create": {
      await checkUnitRef(ctx, "parent", step.parent, earlier);
      const code = step.code.toLowerCase();
      if (earlier.some((s) => s.kind === "create" && s.code.toLowerCase() === code))
        throw invalid({ "step.code": [`An earlier step already creates a unit with the code ${step.code}.`] });
      const clash = await ctx.tx.orgUnit.findFirst({
        where: { orgId: ctx.org.id, code: { equals: step.code, mode: "insensitive" } },
        select: { name: true, code: true },
      });
      if (clash) throw invalid({ "step.code": [`The code ${clash.code} is already used by ${clash.name}.`] });
      if (step.leadId) await checkPerson(ctx, "leadId", step.leadId, `${step.name} (${step.code})`);
      return;
    }
    case "person":
      await checkPerson(ctx, "personId", step.personId);
      await checkUnitRef(ctx, "unit", step.unit, earlier);
      if (step.managerId) await checkPerson(ctx, "managerId", step.managerId);
      return;
    case "lead":
      await checkUnitRef(ctx, "unit", step.unit, earlier);
      if (step.leadId) await checkPerson(ctx, "leadId", step.leadId, await unitLabel(ctx, step.unit, earlier));
      return;
  }
}

async function saveSteps(ctx: ActionContext, reorgId: string, version: number, steps: ReorgStep[]) {
  const unitIds = await touchedUnitIds(ctx, steps);
  const { count } = await ctx.tx.reorg.updateMany({
    where: { id: reorgId, orgId: ctx.org.id, version },
    data: { steps, unitIds, version: { increment: 1 } },
  });
  if (count === 0) throw conflict("This reorg was changed by someone else since you opened it. Reload to see the change, then try again.");
  return { reorgId, version: version + 1 };
}

export const addReorgStep = defineAction({
  name: "reorg.add-step",
  permission: "reorg:propose",
  input: ZAddReorgStepInput,
  async handler(ctx, input) {
    await ownProposalOrThrow(ctx, input.reorgId);
    const reorg = await reorgInStateOrThrow(ctx, input.reorgId, input.version, ["DRAFT"], "edited");
    if (reorg.steps.length >= 200) throw invalid({ _form: ["A reorg has at most 200 steps."] });
    await proposalInScopeOrThrow(ctx, [...reorg.steps, input.step]);
    await checkStep(ctx, input.step, reorg.steps);
    const result = await saveSteps(ctx, reorg.id, reorg.version, [...reorg.steps, input.step]);
    await ctx.audit({ entityType: "Reorg", entityId: reorg.id, after: { step: input.step, index: reorg.steps.length } });
    return result;
  },
});

export const removeReorgStep = defineAction({
  name: "reorg.remove-step",
  permission: "reorg:propose",
  input: ZRemoveReorgStepInput,
  async handler(ctx, input) {
    await ownProposalOrThrow(ctx, input.reorgId);
    const reorg = await reorgInStateOrThrow(ctx, input.reorgId, input.version, ["DRAFT"], "edited");
    await proposalInScopeOrThrow(ctx, reorg.steps);
    const step = reorg.steps[input.index];
    if (!step) throw invalid({ index: ["That step does not exist."] });
    const rest = reorg.steps.filter((_, i) => i !== input.index);
    if (step.kind === "create" && rest.slice(input.index).some((s) => JSON.stringify(s).includes(`"${newUnitRef(step.code)}"`))) {
      throw invalid({ index: [`A later step uses the new unit ${step.name}: remove that step first.`] });
    }
    const result = await saveSteps(ctx, reorg.id, reorg.version, rest);
    await ctx.audit({ entityType: "Reorg", entityId: reorg.id, before: { step, index: input.index } });
    return result;
  },
});
