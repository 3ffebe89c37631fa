import type { ActionContext } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { mergeUnitInTx } from "@/lib/org/close-unit";
import { createUnitInTx } from "@/lib/org/create-unit";
import { moveUnitInTx } from "@/lib/org/move-unit";
import { newUnitRef, type ReorgStep } from "@/lib/org/reorg/schemas";
import { setUnitLeadInTx } from "@/lib/org/set-unit-lead";
import { taggedContext, todayIso } from "@/lib/org/tree-guards";
import { updatePersonInTx } from "@/lib/people/update-person";

// Running a reorg's steps: each is the same lib function as the single tree edit (or the
// person move) it stands for, with the unit's version read just before it, because a reorg is
// a plan rather than a form opened at a version. Every step writes its own audit event under
// its own action name, tagged with the reorg.

const STEP_ACTIONS: Record<ReorgStep["kind"], string> = {
  move: "org-unit.move",
  merge: "org-unit.merge",
  create: "org-unit.create",
  person: "person.move",
  lead: "org-unit.set-lead",
};

export const STEP_VERBS: Record<ReorgStep["kind"], string> = {
  move: "Move unit",
  merge: "Merge unit",
  create: "New unit",
  person: "Move person",
  lead: "Change lead",
};

type Created = Map<string, string>;

function unitIdOf(ref: string, created: Created): string {
  if (!ref.startsWith("new:")) return ref;
  const id = created.get(ref.toLowerCase());
  // Checked when the step was added; kept for steps written by hand into the JSON.
  if (!id) throw invalid({ unit: [`No earlier step creates the unit ${ref.slice(4)}.`] });
  return id;
}

async function versionOf(ctx: ActionContext, unitId: string): Promise<number> {
  const unit = await ctx.tx.orgUnit.findFirst({ where: { id: unitId, orgId: ctx.org.id }, select: { version: true } });
  if (!unit) throw new AppError("VALIDATION", "That org unit does not exist.");
  return unit.version;
}

async function runStep(ctx: ActionContext, step: ReorgStep, created: Created): Promise<void> {
  switch (step.kind) {
    case "move": {
      const unitId = unitIdOf(step.unit, created);
      await moveUnitInTx(ctx, { unitId, version: await versionOf(ctx, unitId), parentId: unitIdOf(step.parent, created) });
      return;
    }
    case "merge": {
      const unitId = unitIdOf(step.unit, created);
      await mergeUnitInTx(ctx, { unitId, version: await versionOf(ctx, unitId), targetId: unitIdOf(step.target, created) });
      return;
    }
    case "create": {
      const { unitId } = await createUnitInTx(ctx, {
        parentId: unitIdOf(step.parent, created),
        name: step.name,
        code: step.code,
        kind: step.unitKind,
        leadId: step.leadId ?? null,
      });
      created.set(newUnitRef(step.code), unitId);
      return;
    }
    case "lead": {
      const unitId = unitIdOf(step.unit, created);
      await setUnitLeadInTx(ctx, { unitId, version: await versionOf(ctx, unitId), leadId: step.leadId ?? null });
      return;
    }
    case "person": {
      const person = await ctx.tx.person.findFirst({
        where: { id: step.personId, orgId: ctx.org.id },
        select: { id: true, title: true, level: true, managerId: true, version: true },
      });
      if (!person) throw invalid({ personId: ["That person is not in this organization."] });
      await updatePersonInTx(ctx, {
        personId: person.id,
        version: person.version,
        title: person.title,
        level: person.level,
        orgUnitId: unitIdOf(step.unit, created),
        managerId: step.managerId === undefined ? person.managerId : step.managerId,
        effectiveFrom: todayIso(),
      });
      return;
    }
  }
}

/**
 * Runs the steps in order inside the caller's transaction. A refused step stops the run with
 * its message, prefixed by its number, so the caller's transaction writes nothing.
 */
export async function runReorgSteps(ctx: ActionContext, reorgId: string, steps: ReorgStep[]): Promise<void> {
  const created: Created = new Map();
  for (const [i, step] of steps.entries()) {
    try {
      await runStep(taggedContext(ctx, STEP_ACTIONS[step.kind], { reorgId }), step, created);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const detail = Object.values(error.fieldErrors ?? {}).flat()[0] ?? error.message;
      throw new AppError(
        error.code === "NOT_FOUND" ? "VALIDATION" : error.code,
        `Step ${i + 1} (${STEP_VERBS[step.kind].toLowerCase()}): ${detail}`,
      );
    }
  }
}

/** The existing units a reorg's steps touch (named units, and the unit each moved person is in now). */
export async function touchedUnitIds(ctx: ActionContext, steps: ReorgStep[]): Promise<string[]> {
  const ids = new Set<string>();
  const people: string[] = [];
  for (const s of steps) {
    const refs =
      s.kind === "move" ? [s.unit, s.parent] : s.kind === "merge" ? [s.unit, s.target] : s.kind === "create" ? [s.parent] : [s.unit];
    for (const r of refs) if (!r.startsWith("new:")) ids.add(r);
    if (s.kind === "person") people.push(s.personId);
  }
  if (people.length) {
    const rows = await ctx.tx.person.findMany({ where: { orgId: ctx.org.id, id: { in: people } }, select: { orgUnitId: true } });
    for (const r of rows) ids.add(r.orgUnitId);
  }
  return [...ids].sort();
}
