import { isDeepStrictEqual } from "node:util";

import { type ActionContext, defineAction } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { estimatedBackfillPay } from "@/lib/headcount/backfill-estimate";
import { fillPositionInTx } from "@/lib/headcount/fill-position";
import { utcDate } from "@/lib/headcount/position-helpers";
import { headerSignature } from "@/lib/imports/ledger-mapping";
import { grantFor } from "@/lib/permissions";
import { addPersonInTx } from "@/lib/people/add-person";
import { type HrisMapping, ZSavedHrisMapping } from "@/lib/people/hris/mapping";
import { hrisHeader, parseHrisCsv, recogniseHrisColumns } from "@/lib/people/hris/parse";
import { type HrisPlan, planHrisSync } from "@/lib/people/hris/plan";
import { type HrisSyncResult, ZHrisSyncInput } from "@/lib/people/hris/schemas";
import { endPersonInTx } from "@/lib/people/set-end-date";
import { updatePersonInTx } from "@/lib/people/update-person";

/**
 * People sync from an HRIS export (docs/imports.md#people-from-an-hris): a dry run lists the
 * joiners, leavers, moves, manager and title changes; an apply records them through the same
 * domain functions as the people pages (fills, effective-dated moves, departures with their
 * backfills), all in this one transaction. Any bad row refuses the whole file. The HRIS id stored
 * on each person makes a second apply of the same file change nothing. The whole org's people are
 * in the file, so it needs people:write across the org; a pay column only from a pay reader.
 * A file is read through the mapping sent, else the org's mapping saved for the file's shape
 * (so a scheduled API sync reads a file mapped once in the dialog), else the preset header names;
 * an apply through a mapping sent saves it for that shape.
 */
export const syncPeopleFromHris = defineAction({
  name: "people.hris.sync",
  permission: "people:write",
  revalidate: { path: "/{org}", type: "layout" },
  input: ZHrisSyncInput,
  timeoutMs: 120_000,
  async handler(ctx, input): Promise<HrisSyncResult> {
    if (ctx.grant !== "org")
      throw new AppError("FORBIDDEN", "A people sync covers the whole organization: it needs people:write across the org.");
    const header = hrisHeader(input.csv);
    const signature = headerSignature(header);
    const saved = input.mapping
      ? null
      : await ctx.tx.importMapping.findUnique({
          where: { orgId_kind_signature: { orgId: ctx.org.id, kind: "PEOPLE", signature } },
          select: { mapping: true },
        });
    const savedMapping = saved ? ZSavedHrisMapping.safeParse(saved.mapping) : null;
    const mapping: HrisMapping | null = input.mapping ?? (savedMapping?.success ? savedMapping.data : null);
    const mappedBy = input.mapping ? "chosen" : mapping ? "saved" : "preset";
    const file = parseHrisCsv(input.csv, input.dateFormat, ctx.org.currency, mapping?.columns);
    // A mapping that picks exactly a preset's columns names the file by that preset.
    const preset = recogniseHrisColumns(header);
    if (mapping && isDeepStrictEqual(JSON.parse(JSON.stringify(mapping.columns)), preset.columns)) file.shape = preset.shape;
    if (file.columns.pay && !ctx.actor.readsPay) {
      const message = `Column "${file.columns.pay}" holds pay, which only members who may read pay can import (through an API token, one with the compensation:read scope). Nothing was changed: remove the column and try again.`;
      throw invalid({ file: [message] }, message);
    }
    if (input.fillPositions && grantFor(ctx.actor.role, "positions:write") !== "org") {
      throw invalid({ fillPositions: ["Filling positions needs permission to change positions across the org."] });
    }
    const effectiveFrom = input.effectiveFrom ?? toDateString(new Date());
    if (effectiveFrom > toDateString(new Date())) {
      throw invalid({ effectiveFrom: ["Moves take effect today or earlier; future-dated moves are not scheduled yet."] });
    }
    // One sync of an org at a time: two would both see the same joiners.
    await ctx.tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`keel:hris:${ctx.org.id}`}))) l`;
    const plan = file.errors.length
      ? null
      : await planHrisSync(ctx.tx, ctx.org.id, file, {
          fillPositions: input.fillPositions,
          leaverVacancy: input.leaverVacancy,
          effectiveFrom,
          readsPay: ctx.actor.readsPay,
          departments: mapping?.departments ?? [],
          mappedBy,
        });
    const errors = [...file.errors, ...(plan?.errors ?? [])];
    if (!plan || errors.length) throw invalid({ file: errors.slice(0, 200) }, "Nothing was changed: correct these rows and try again.");
    const counts = {
      fileName: input.fileName,
      shape: file.shape,
      mappedBy,
      joiners: plan.result.joiners.length,
      leavers: plan.result.leavers.length,
      moves: plan.result.moves.length,
      managerChanges: plan.result.managerChanges.length,
      titleChanges: plan.result.titleChanges.length,
      linked: plan.result.linked.length,
      payChanges: plan.result.payChanges,
    };
    if (input.dryRun) {
      await ctx.audit({ action: "people.hris.preview", entityType: "Organization", entityId: ctx.org.id, after: counts });
      return plan.result;
    }
    await applyPlan(ctx, plan, { ...input, effectiveFrom });
    if (input.mapping) await saveMapping(ctx, signature, header, { ...input.mapping, dateFormat: input.dateFormat });
    await ctx.audit({ entityType: "Organization", entityId: ctx.org.id, after: { ...counts, leaverVacancy: input.leaverVacancy } });
    return { ...plan.result, dryRun: false };
  },
});

/** Saves an applied mapping for the file's shape; written only when it differs from the saved one. */
async function saveMapping(ctx: ActionContext, signature: string, header: string[], mapping: HrisMapping & { dateFormat: string }) {
  const where = { orgId_kind_signature: { orgId: ctx.org.id, kind: "PEOPLE" as const, signature } };
  const prior = await ctx.tx.importMapping.findUnique({ where, select: { mapping: true } });
  // jsonb keeps keys in its own order: compare as values, after dropping undefined fields as JSON does.
  if (prior && isDeepStrictEqual(prior.mapping, JSON.parse(JSON.stringify(mapping)))) return;
  const saved = await ctx.tx.importMapping.upsert({
    where,
    create: { orgId: ctx.org.id, kind: "PEOPLE", signature, header, mapping, updatedById: ctx.actor.userId },
    update: { header, mapping, updatedById: ctx.actor.userId },
    select: { id: true },
  });
  await ctx.audit({ action: "people.hris.mapping", entityType: "ImportMapping", entityId: saved.id, after: { signature } });
}

/** A refusal by a domain rule, named by the file's row. */
async function atRow<T>(row: number, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED") throw error;
    const reasons = error.fieldErrors ? Object.values(error.fieldErrors).flat() : [error.message];
    throw invalid({ file: [`Row ${row}: ${reasons.join("; ")}`] }, "Nothing was changed: correct these rows and try again.");
  }
}

const PERSON = { id: true, version: true, level: true, orgUnitId: true, managerId: true } as const;

async function applyPlan(
  ctx: ActionContext,
  plan: HrisPlan,
  input: { fillPositions: boolean; leaverVacancy: "backfill" | "close"; effectiveFrom: string },
) {
  const { tx } = ctx;
  const orgId = ctx.org.id;
  for (const link of plan.links) {
    await tx.person.update({ where: { id: link.personId }, data: { hrisEmployeeId: link.employeeId, version: { increment: 1 } } });
    await ctx.audit({ action: "person.update", entityType: "Person", entityId: link.personId, after: { hrisEmployeeId: link.employeeId } });
  }

  const joined = new Map<string, string>();
  for (const j of plan.joiners) {
    const { row } = j;
    const pay = ctx.actor.readsPay ? row.payCents : null;
    let personId: string;
    if (j.positionId) {
      const position = await tx.position.findFirstOrThrow({ where: { id: j.positionId, orgId }, select: { version: true } });
      const filled = await atRow(row.row, () =>
        fillPositionInTx(ctx, {
          mode: "new",
          positionId: j.positionId!,
          version: position.version,
          name: row.name,
          email: row.email,
          startDate: row.hireDate,
          managerId: j.managerId ?? undefined,
        }),
      );
      personId = filled.personId;
      await tx.person.update({
        where: { id: personId },
        data: { hrisEmployeeId: row.employeeId, title: row.title, ...(pay === null ? {} : { annualCompCents: pay }) },
      });
    } else {
      const level = "—";
      const person = await addPersonInTx(
        ctx,
        {
          name: row.name,
          email: row.email,
          title: row.title,
          level,
          orgUnitId: j.orgUnitId,
          managerId: j.managerId,
          startDate: utcDate(row.hireDate),
          // Budgeted at Keel's estimate unless a pay reader's file says what they are paid.
          annualCompCents: pay ?? (await estimatedBackfillPay(tx, orgId, level, "")),
          hrisEmployeeId: row.employeeId,
        },
        { hrisEmployeeId: row.employeeId },
      );
      personId = person.id;
    }
    joined.set(row.employeeId, personId);
  }
  // A joiner's manager who joins in the same file: set on the joiner's first (only) period.
  for (const j of plan.joiners) {
    if (!j.managerJoiner) continue;
    const personId = joined.get(j.row.employeeId)!;
    const managerId = joined.get(j.managerJoiner) ?? null;
    if (!managerId) continue;
    await tx.person.update({ where: { id: personId }, data: { managerId } });
    await tx.personAssignment.updateMany({ where: { orgId, personId, effectiveTo: null }, data: { managerId } });
    await ctx.audit({ action: "person.move", entityType: "Person", entityId: personId, before: { managerId: null }, after: { managerId } });
  }

  for (const u of plan.updates) {
    const person = await tx.person.findFirstOrThrow({ where: { id: u.personId, orgId }, select: PERSON });
    const managerId = u.managerJoiner ? (joined.get(u.managerJoiner) ?? u.managerId) : u.managerId;
    await atRow(u.row.row, () =>
      updatePersonInTx(ctx, {
        personId: person.id,
        version: person.version,
        title: u.title,
        level: person.level,
        orgUnitId: u.orgUnitId,
        managerId: managerId ?? undefined,
        effectiveFrom: input.effectiveFrom,
      }),
    );
  }

  for (const p of plan.pay) {
    await tx.person.update({ where: { id: p.personId }, data: { annualCompCents: p.cents, version: { increment: 1 } } });
    // The amount stays out of the audit trail, as everywhere pay changes.
    await ctx.audit({ action: "person.update", entityType: "Person", entityId: p.personId, after: { payChanged: true } });
  }

  for (const l of plan.leavers) {
    const person = await tx.person.findFirstOrThrow({ where: { id: l.personId, orgId }, select: PERSON });
    await atRow(l.row.row, () =>
      endPersonInTx(ctx, {
        personId: person.id,
        version: person.version,
        endDate: l.row.terminationDate!,
        vacancy: input.leaverVacancy,
        regretted: "unrecorded",
      }),
    );
  }
}
