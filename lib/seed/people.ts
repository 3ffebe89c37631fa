import { randomUUID } from "node:crypto";

import { addDays } from "@/lib/seed/dates";
import { CONTRACTOR_LOCATIONS, LOCATIONS, createNamePicker, emailFor } from "@/lib/seed/names";
import type { Rng } from "@/lib/seed/random";
import type { PersonRow, UnitRow, UnitSpec } from "@/lib/seed/types";

// Base salary in dollars by level (US tech, 2026-ish); each person gets ±8 % around it.
const BASE_PAY: Record<string, number> = {
  IC1: 110_000,
  IC2: 132_000,
  IC3: 158_000,
  IC4: 188_000,
  IC5: 218_000,
  IC6: 252_000,
  M1: 195_000,
  M2: 222_000,
  M3: 258_000,
  M4: 305_000,
};
const IC_LEVELS = ["IC2", "IC2", "IC3", "IC3", "IC3", "IC4", "IC4", "IC5"] as const;
const TITLE_PREFIX: Record<string, string> = {
  IC1: "Associate ",
  IC2: "",
  IC3: "Senior ",
  IC4: "Staff ",
  IC5: "Senior Staff ",
  IC6: "Principal ",
};

export type OrgPeople = { units: UnitRow[]; people: PersonRow[]; byCode: Map<string, UnitRow> };

function payCents(rng: Rng, level: string): bigint {
  const dollars = (BASE_PAY[level] ?? 150_000) * rng.float(0.92, 1.08);
  return BigInt(Math.round(dollars / 500) * 500) * 100n;
}

/** Walks the unit tree parents-first: each unit gets its lead, extras and ICs, reporting upwards. */
export function buildPeople(root: UnitSpec, rng: Rng, today: Date, domain: string): OrgPeople {
  const names = createNamePicker(rng);
  const units: UnitRow[] = [];
  const people: PersonRow[] = [];
  const byCode = new Map<string, UnitRow>();

  const person = (
    p: Omit<PersonRow, "id" | "email" | "location" | "annualCompCents" | "employmentType"> &
      Partial<Pick<PersonRow, "employmentType" | "location">>,
  ): PersonRow => {
    const row: PersonRow = {
      id: randomUUID(),
      email: emailFor(p.name, domain),
      employmentType: "EMPLOYEE",
      location: rng.pick(LOCATIONS),
      annualCompCents: payCents(rng, p.level),
      ...p,
    };
    people.push(row);
    return row;
  };

  const visit = (spec: UnitSpec, parent: UnitRow | null) => {
    const unit: UnitRow = {
      id: randomUUID(),
      parentId: parent?.id ?? null,
      kind: spec.kind,
      name: spec.name,
      code: spec.code,
      depth: parent ? parent.depth + 1 : 0,
      leadId: null,
      spec,
    };
    units.push(unit);
    byCode.set(spec.code, unit);
    // Longer tenure the higher up: leads joined 1–7 years ago, ICs 2 months – 6 years ago.
    const lead = person({
      name: spec.lead.name ? names.reserve(spec.lead.name) : names.next(),
      title: spec.lead.title,
      level: spec.lead.level,
      orgUnitId: unit.id,
      managerId: parent?.leadId ?? null,
      startDate: addDays(today, -rng.int(parent ? 365 : 5 * 365, 7 * 365)),
      endDate: null,
      userKey: spec.lead.userKey,
    });
    unit.leadId = lead.id;
    for (const extra of spec.extras ?? []) {
      person({
        name: names.next(),
        title: extra.title,
        level: extra.level,
        orgUnitId: unit.id,
        managerId: lead.id,
        startDate: addDays(today, -rng.int(400, 2500)),
        endDate: null,
      });
    }
    for (let i = 0; i < (spec.ics ?? 0); i++) {
      const level = rng.pick(IC_LEVELS);
      person({
        name: names.next(),
        title: `${TITLE_PREFIX[level]}${spec.role ?? "Software Engineer"}`,
        level,
        orgUnitId: unit.id,
        managerId: lead.id,
        startDate: addDays(today, -rng.int(60, 6 * 365)),
        endDate: null,
      });
    }
    for (let i = 0; i < (spec.contractors ?? 0); i++) {
      const level = rng.pick(["IC3", "IC4"]);
      person({
        name: names.next(),
        title: `Contract ${spec.role ?? "Software Engineer"}`,
        level,
        orgUnitId: unit.id,
        managerId: lead.id,
        startDate: addDays(today, -rng.int(45, 500)),
        endDate: null,
        employmentType: "CONTRACTOR",
        location: rng.pick(CONTRACTOR_LOCATIONS),
      });
    }
    for (const child of spec.children ?? []) visit(child, unit);
  };
  visit(root, null);
  return { units, people, byCode };
}

export type Turnover = { departed: PersonRow[]; leaving: PersonRow[]; starting: PersonRow[] };

/**
 * Marks a few employees as departed (end date in the past), leaving soon (end date in the next
 * weeks) or not yet started, so headcount and backfill views have something to show.
 */
export function applyTurnover(
  people: PersonRow[],
  leadIds: Set<string>,
  rng: Rng,
  today: Date,
  counts: { departed: number; leaving: number; starting: number },
): Turnover {
  const pool = rng.shuffle(people.filter((p) => p.employmentType === "EMPLOYEE" && !leadIds.has(p.id) && !p.userKey));
  const departed = pool.splice(0, counts.departed);
  const leaving = pool.splice(0, counts.leaving);
  const starting = pool.filter((p) => p.level === "IC2" || p.level === "IC3").slice(0, counts.starting);
  departed.forEach((p, i) => {
    p.endDate = addDays(today, -(25 + i * 37));
    // Leavers had real tenure; a one-month stint would make the backfill story odd.
    if (p.startDate > addDays(p.endDate, -365)) p.startDate = addDays(p.endDate, -rng.int(400, 1500));
  });
  leaving.forEach((p, i) => (p.endDate = addDays(today, 12 + i * 16)));
  starting.forEach((p, i) => (p.startDate = addDays(today, 10 + i * 14)));
  return { departed, leaving, starting };
}

/**
 * Adds people who left before this year's turnover (`counts.lastYear` in the previous fiscal
 * year, `counts.thisYear` in this one), each replaced later by one of the recent hires of the same
 * team, so last year's roster is not just today's projected backwards. Returns hire id → the
 * person they replaced.
 */
export function addFormerEmployees(
  people: PersonRow[],
  turnover: Turnover,
  leadIds: Set<string>,
  rng: Rng,
  today: Date,
  year: { lastStart: Date; thisStart: Date },
  domain: string,
  counts: { lastYear: number; thisYear: number },
): Map<string, PersonRow> {
  const names = createNamePicker(rng);
  for (const p of people) names.reserve(p.name);
  const moving = new Set([...turnover.departed, ...turnover.leaving].map((p) => p.id));
  const hires = rng.shuffle(
    people.filter(
      (p) =>
        p.employmentType === "EMPLOYEE" &&
        !leadIds.has(p.id) &&
        !p.userKey &&
        !moving.has(p.id) &&
        p.startDate >= addDays(year.lastStart, 40),
    ),
  );
  const left = { lastYear: 0, thisYear: 0 };
  const replaced = new Map<string, PersonRow>();
  for (const hire of hires) {
    // The seat stood empty for a month or two between the leaver's last day and the hire's first.
    const endDate = addDays(hire.startDate, -rng.int(25, 75));
    // This year's are earlier in the year: the current quarter's departures are the turnover's.
    const bucket = endDate < year.lastStart || endDate >= addDays(today, -90) ? null : endDate < year.thisStart ? "lastYear" : "thisYear";
    if (!bucket || left[bucket] >= counts[bucket]) continue;
    left[bucket]++;
    const name = names.next();
    const former: PersonRow = {
      id: randomUUID(),
      name,
      email: emailFor(name, domain),
      title: hire.title,
      level: hire.level,
      orgUnitId: hire.orgUnitId,
      managerId: hire.managerId,
      startDate: addDays(endDate, -rng.int(500, 1800)),
      endDate,
      employmentType: "EMPLOYEE",
      annualCompCents: BigInt(Math.round((Number(hire.annualCompCents) * rng.float(0.95, 1.03)) / 50_000) * 50_000),
      location: rng.pick(LOCATIONS),
    };
    people.push(former);
    replaced.set(hire.id, former);
  }
  return replaced;
}
