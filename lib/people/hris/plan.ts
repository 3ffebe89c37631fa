import type { Tx } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HRIS_IGNORE } from "@/lib/people/hris/mapping";
import { type HrisFile, type HrisRow, HRIS_SHAPE_LABELS } from "@/lib/people/hris/parse";
import { PERSON_CORE } from "@/lib/people/person-select";
import type { HrisSyncResult } from "@/lib/people/hris/schemas";

// The comparison of an HRIS export with the org's people: who joins, leaves, moves, changes
// manager or title. People are matched by their HRIS employee id, else (once, then linked) by
// work email; departments map to open org units by code, else by a name only one unit has.
// The plan carries the ids the apply (sync.ts) needs; its result is what the dry run shows.

const KEEL_PERSON = {
  ...PERSON_CORE,
  email: true,
  orgUnitId: true,
  managerId: true,
  annualCompCents: true,
  hrisEmployeeId: true,
} as const satisfies Prisma.PersonSelect;
type Keel = Prisma.PersonGetPayload<{ select: typeof KEEL_PERSON }>;

export type HrisPlan = {
  result: HrisSyncResult;
  links: { personId: string; employeeId: string }[];
  joiners: { row: HrisRow; orgUnitId: string; positionId: string | null; managerId: string | null; managerJoiner: string | null }[];
  updates: { row: HrisRow; personId: string; orgUnitId: string; managerId: string | null; managerJoiner: string | null; title: string }[];
  pay: { personId: string; cents: bigint }[];
  leavers: { row: HrisRow; personId: string }[];
  /** "Row N: …" for rows the org's data refuses (the parser found the file's own problems). */
  errors: string[];
};

export type PlanOptions = {
  fillPositions: boolean;
  leaverVacancy: "backfill" | "close";
  effectiveFrom: string;
  readsPay: boolean;
  /** The mapping's department values: a cost centre code, or HRIS_IGNORE. */
  departments: { value: string; code: string }[];
  mappedBy: HrisSyncResult["mappedBy"];
};

const key = (s: string) => s.trim().toLowerCase();

export async function planHrisSync(tx: Tx, orgId: string, file: HrisFile, options: PlanOptions): Promise<HrisPlan> {
  const today = toDateString(new Date());
  const [units, people, open] = await Promise.all([
    tx.orgUnit.findMany({ where: { orgId, closedOn: null }, select: { id: true, name: true, code: true } }),
    tx.person.findMany({ where: { orgId }, select: KEEL_PERSON }),
    options.fillPositions
      ? tx.position.findMany({
          where: { orgId, status: { in: ["OPEN", "BACKFILL"] } },
          select: { id: true, orgUnitId: true, title: true },
          orderBy: [{ openedAt: "asc" }, { createdAt: "asc" }],
        })
      : Promise.resolve([]),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byCode = new Map(units.map((u) => [key(u.code), u.id]));
  const byName = new Map<string, string | null>();
  for (const u of units) byName.set(key(u.name), byName.has(key(u.name)) ? null : u.id);
  // A department the mapping names goes where it says (or is ignored); any other matches a unit
  // by code, else by a name only one unit has.
  const mapped = new Map(options.departments.map((d) => [key(d.value), d.code]));
  const unitFor = (department: string): string | typeof HRIS_IGNORE | null => {
    const code = mapped.get(key(department));
    if (code === HRIS_IGNORE) return HRIS_IGNORE;
    if (code) return byCode.get(key(code)) ?? null;
    return byCode.get(key(department)) ?? byName.get(key(department)) ?? null;
  };

  const byHris = new Map<string, Keel>();
  const byEmail = new Map<string, Keel>();
  const byId = new Map<string, Keel>();
  for (const p of people) {
    byId.set(p.id, p);
    if (p.hrisEmployeeId) byHris.set(p.hrisEmployeeId, p);
    if (p.email) byEmail.set(key(p.email), p);
  }

  const result: HrisSyncResult = {
    dryRun: true,
    shape: file.shape,
    shapeLabel: HRIS_SHAPE_LABELS[file.shape],
    columns: file.columns as Record<string, string>,
    ignoredColumns: file.ignored,
    effectiveFrom: options.effectiveFrom,
    joiners: [],
    leavers: [],
    moves: [],
    managerChanges: [],
    titleChanges: [],
    linked: [],
    payChanges: 0,
    unmappedDepartments: [],
    ignoredDepartments: [],
    mappedBy: options.mappedBy,
    unresolvedSupervisors: [],
    skipped: [],
    unchanged: 0,
  };
  const plan: HrisPlan = { result, links: [], joiners: [], updates: [], pay: [], leavers: [], errors: [] };
  const unmapped = new Map<string, number[]>();
  const ignored = new Map<string, number[]>();
  // A department that matches nothing is listed (unmapped), or refused when the mapping sent it
  // to a cost centre that is not an open unit; an ignored one is listed apart.
  const noteUnmapped = (row: HrisRow) => {
    const code = mapped.get(key(row.department));
    if (code === HRIS_IGNORE) ignored.set(row.department, [...(ignored.get(row.department) ?? []), row.row]);
    else if (code)
      plan.errors.push(
        `Row ${row.row}: ${file.columns.department} "${row.department}" is mapped to cost centre "${code}", which is not an open org unit`,
      );
    else unmapped.set(row.department, [...(unmapped.get(row.department) ?? []), row.row]);
  };

  // Who each row is in Keel (or null: a joiner). A person found by email is linked to the id.
  const matched = new Map<string, Keel | null>();
  for (const row of file.rows) {
    let person = byHris.get(row.employeeId) ?? null;
    if (!person && row.email) {
      const byMail = byEmail.get(row.email);
      // An email is one person's: a joiner cannot take the address of someone else on record.
      if (byMail?.hrisEmployeeId) {
        plan.errors.push(
          `Row ${row.row}: ${file.columns.email} "${row.email}" is ${byMail.name}'s, whose employee id is ${byMail.hrisEmployeeId}`,
        );
        continue;
      }
      if (byMail && !byMail.hrisEmployeeId) {
        person = byMail;
        plan.links.push({ personId: byMail.id, employeeId: row.employeeId });
        result.linked.push({ row: row.row, employeeId: row.employeeId, name: byMail.name, personId: byMail.id });
      }
    }
    matched.set(row.employeeId, person);
  }
  const supervisorOf = (row: HrisRow): { personId: string | null; joiner: string | null } | "none" | "unresolved" => {
    if (!row.supervisorId && !row.supervisorEmail) return "none";
    if (row.supervisorId) {
      if (matched.has(row.supervisorId)) {
        const p = matched.get(row.supervisorId);
        return p ? { personId: p.id, joiner: null } : { personId: null, joiner: row.supervisorId };
      }
      const p = byHris.get(row.supervisorId);
      if (p) return { personId: p.id, joiner: null };
    }
    if (row.supervisorEmail) {
      const inFile = file.rows.find((r) => r.email === row.supervisorEmail);
      if (inFile && matched.has(inFile.employeeId)) {
        const p = matched.get(inFile.employeeId);
        return p ? { personId: p.id, joiner: null } : { personId: null, joiner: inFile.employeeId };
      }
      const p = byEmail.get(row.supervisorEmail);
      if (p) return { personId: p.id, joiner: null };
    }
    return "unresolved";
  };

  const used = new Set<string>();
  for (const row of file.rows) {
    if (!matched.has(row.employeeId)) continue;
    const person = matched.get(row.employeeId) ?? null;
    const named = { row: row.row, employeeId: row.employeeId };
    const supervisor = supervisorOf(row);
    if (supervisor === "unresolved") {
      result.unresolvedSupervisors.push({ ...named, supervisor: row.supervisorId ?? row.supervisorEmail ?? "" });
    }
    if (!person) {
      if (row.terminationDate && row.terminationDate <= today) {
        result.skipped.push({ ...named, reason: `Left on ${row.terminationDate}, before joining Keel` });
        continue;
      }
      const orgUnitId = unitFor(row.department);
      if (!orgUnitId || orgUnitId === HRIS_IGNORE) {
        noteUnmapped(row);
        const why = orgUnitId === HRIS_IGNORE ? "is ignored by the mapping" : "matches no org unit";
        result.skipped.push({ ...named, reason: `Department "${row.department}" ${why}` });
        continue;
      }
      const position = open.find((p) => !used.has(p.id) && p.orgUnitId === orgUnitId && key(p.title) === key(row.title)) ?? null;
      if (position) used.add(position.id);
      const known = typeof supervisor === "object" ? supervisor : null;
      plan.joiners.push({
        row,
        orgUnitId,
        positionId: position?.id ?? null,
        managerId: known?.personId ?? null,
        managerJoiner: known?.joiner ?? null,
      });
      result.joiners.push({
        ...named,
        name: row.name,
        title: row.title,
        unit: unitName.get(orgUnitId)!,
        hireDate: row.hireDate,
        position: position ? `${position.title} (${position.id})` : null,
      });
      continue;
    }
    const withName = { ...named, name: person.name, personId: person.id };
    if (person.endDate) {
      const left = toDateString(person.endDate);
      if (row.terminationDate === left || !row.terminationDate) {
        if (!row.terminationDate) result.skipped.push({ ...named, reason: `Left Keel on ${left}; a rehire is not synced` });
        else result.unchanged++;
      } else result.skipped.push({ ...named, reason: `Already leaving on ${left} (the file says ${row.terminationDate})` });
      continue;
    }
    if (row.terminationDate) {
      if (row.terminationDate < toDateString(person.startDate)) {
        plan.errors.push(`Row ${row.row}: ${file.columns.terminationDate} ${row.terminationDate} is before ${person.name}'s start in Keel`);
        continue;
      }
      plan.leavers.push({ row, personId: person.id });
      result.leavers.push({ ...withName, endDate: row.terminationDate, vacancy: options.leaverVacancy });
      continue;
    }
    let changed = false;
    const unit = unitFor(row.department);
    let orgUnitId = unit ?? person.orgUnitId;
    if (!unit || unit === HRIS_IGNORE) {
      noteUnmapped(row);
      orgUnitId = person.orgUnitId;
    } else if (orgUnitId !== person.orgUnitId) {
      result.moves.push({ ...withName, from: unitName.get(person.orgUnitId) ?? "a closed unit", to: unitName.get(orgUnitId)! });
      changed = true;
    }
    let managerId = person.managerId;
    let managerJoiner: string | null = null;
    if (
      typeof supervisor === "object" &&
      supervisor.personId &&
      supervisor.personId !== person.managerId &&
      supervisor.personId !== person.id
    ) {
      managerId = supervisor.personId;
      const from = person.managerId ? (byId.get(person.managerId)?.name ?? null) : null;
      result.managerChanges.push({ ...withName, from, to: byId.get(managerId)!.name });
      changed = true;
    } else if (typeof supervisor === "object" && supervisor.joiner) {
      // Their new manager joins in this file: set once the joiner exists (sync.ts).
      const joiner = file.rows.find((r) => r.employeeId === supervisor.joiner)!;
      managerJoiner = joiner.employeeId;
      const from = person.managerId ? (byId.get(person.managerId)?.name ?? null) : null;
      result.managerChanges.push({ ...withName, from, to: joiner.name });
      changed = true;
    }
    if (row.title !== person.title) {
      result.titleChanges.push({ ...withName, from: person.title, to: row.title });
      changed = true;
    }
    if (changed) plan.updates.push({ row, personId: person.id, orgUnitId, managerId, managerJoiner, title: row.title });
    if (options.readsPay && row.payCents !== null && row.payCents !== person.annualCompCents) {
      plan.pay.push({ personId: person.id, cents: row.payCents });
      result.payChanges++;
      changed = true;
    }
    if (!changed && !plan.links.some((l) => l.personId === person.id)) result.unchanged++;
  }
  result.unmappedDepartments = [...unmapped].map(([department, rows]) => ({ department, rows }));
  result.ignoredDepartments = [...ignored].map(([department, rows]) => ({ department, rows }));
  return plan;
}
