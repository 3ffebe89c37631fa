import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { addDays, addMonths, daysInMonth, fiscalYearOf, fiscalYearStart, monthLabel, ymd } from "@/lib/seed/dates";
import { payrollCost } from "@/lib/seed/payroll";
import type { PlannedProject } from "@/lib/seed/projects";
import type { Rng } from "@/lib/seed/random";
import type { PersonRow, UnitRow } from "@/lib/seed/types";

// Plan and ledger for the previous and current fiscal years. Payroll is the unit's employees'
// loaded pay by days in post (lib/seed/payroll.ts); its plan comes from the caller (the year's
// opening roster and budgeted positions). Other spend comes from each team's monthly base in its
// UnitSpec. Actuals vary around plan, with a few team/category pairs running hot this year.

export type FinanceInput = {
  orgId: string;
  fiscalStartMonth: number;
  teams: UnitRow[];
  people: PersonRow[];
  /** Planned personnel cost in dollars of a unit for a month. */
  personnelPlan: (unitId: string, month: Date) => number;
  projects: PlannedProject[];
  vendorsFor: (teamCode: string, category: BudgetCategory) => { id: string; name: string }[];
  overspend: Record<string, Partial<Record<string, number>>>;
  refPrefix: string;
};

const MEMOS: Partial<Record<BudgetCategory, string[]>> = {
  HARDWARE: ["Sensors and spare parts", "Test robot components", "Laptops for new hires", "Test devices", "Bench power supplies"],
  TRAINING: ["Conference tickets", "Online course licences", "Certification exam fees"],
  TRAVEL: ["Customer site visit", "Team offsite travel", "Pilot site trip", "Conference travel"],
  OTHER: ["Team event", "Office supplies", "Recruiting event"],
};

const cents = (dollars: number) => BigInt(Math.round(dollars * 100));

export function buildFinance(
  input: FinanceInput,
  rng: Rng,
  today: Date,
): { budgetLines: Prisma.BudgetLineCreateManyInput[]; actuals: Prisma.ActualEntryCreateManyInput[] } {
  const { orgId, fiscalStartMonth } = input;
  const curFy = fiscalYearOf(today, fiscalStartMonth);
  const first = fiscalYearStart(curFy - 1, fiscalStartMonth);
  const budgetLines: Prisma.BudgetLineCreateManyInput[] = [];
  const actuals: Prisma.ActualEntryCreateManyInput[] = [];
  let seq = 0;

  for (const team of input.teams) {
    const spend = { PERSONNEL: 0, ...team.spec.spend } as Partial<Record<BudgetCategory, number>>;
    const projects = input.projects.filter((p) => p.unit.id === team.id);
    for (let i = 0; i < 24; i++) {
      const month = addMonths(first, i);
      const fy = fiscalYearOf(month, fiscalStartMonth);
      const isCurrent = fy === curFy;
      const payroll = month > today ? 0 : payrollCost(input.people, team.id, month);
      for (const [category, base] of Object.entries(spend) as [BudgetCategory, number][]) {
        const plan =
          category === "PERSONNEL"
            ? Math.round(input.personnelPlan(team.id, month) / 100) * 100
            : Math.round((base * (isCurrent ? 1 : 0.88) * rng.float(0.95, 1.05)) / 100) * 100;
        budgetLines.push({ id: randomUUID(), orgId, orgUnitId: team.id, month, category, amountCents: cents(plan) });
        if (month > today) continue;

        const factor = isCurrent ? (input.overspend[team.code]?.[category] ?? 1) : 1;
        for (const e of ledgerEntries(rng, category, plan, factor, month, team, input, payroll)) {
          if (e.day > today) continue;
          const live =
            e.taggable && rng.chance(0.6)
              ? projects.filter((p) => p.startDate <= e.day && e.day <= (p.completedDate ?? addDays(p.targetDate, 56)))
              : [];
          const project = live.length > 0 ? rng.pick(live) : undefined;
          seq++;
          actuals.push({
            id: randomUUID(),
            orgId,
            orgUnitId: team.id,
            bookedOn: e.day,
            category,
            amountCents: cents(e.dollars),
            vendorId: e.vendorId,
            projectId: project?.id ?? null,
            memo: e.memo,
            externalRef: `${input.refPrefix}-${month.toISOString().slice(0, 7).replace("-", "")}-${String(seq).padStart(5, "0")}`,
          });
        }
      }
    }
  }
  return { budgetLines, actuals };
}

type Entry = { day: Date; dollars: number; vendorId: string | null; memo: string; taggable: boolean };

/** The ledger lines of one team × category × month. */
function ledgerEntries(
  rng: Rng,
  category: BudgetCategory,
  plan: number,
  factor: number,
  month: Date,
  team: UnitRow,
  input: FinanceInput,
  payroll: number,
): Entry[] {
  const y = month.getUTCFullYear();
  const m = month.getUTCMonth() + 1;
  const lastDay = ymd(y, m, daysInMonth(month));
  const on = (d: number) => ymd(y, m, Math.min(d, daysInMonth(month)));
  const vendors = input.vendorsFor(team.code, category);
  const label = monthLabel(month);

  switch (category) {
    case "PERSONNEL": {
      // Semi-monthly payroll, so the current month shows a first run before month end.
      const run = (payroll * rng.float(0.99, 1.02)) / 2;
      return [on(15), lastDay].map((day, i) => ({
        day,
        dollars: run,
        vendorId: null,
        memo: `Payroll ${label} (${i + 1}/2)`,
        taggable: false,
      }));
    }
    case "SOFTWARE": {
      const total = plan * factor * rng.float(0.94, 1.06);
      const picks = vendors.length > 0 ? rng.shuffle(vendors).slice(0, rng.int(1, Math.min(3, vendors.length))) : [];
      if (picks.length === 0)
        return [{ day: on(rng.int(1, 20)), dollars: total, vendorId: null, memo: "Software subscriptions", taggable: false }];
      const weights = picks.map(() => rng.float(0.5, 1.5));
      const sum = weights.reduce((a, b) => a + b, 0);
      const out: Entry[] = picks.map((v, i) => ({
        day: on(rng.int(1, 20)),
        dollars: (total * weights[i]) / sum,
        vendorId: v.id,
        memo: `${v.name} subscription ${label}`,
        taggable: false,
      }));
      if (rng.chance(0.04))
        out.push({
          day: on(rng.int(5, 25)),
          dollars: -total * rng.float(0.02, 0.1),
          vendorId: picks[0].id,
          memo: `Credit note from ${picks[0].name}`,
          taggable: false,
        });
      return out;
    }
    case "CLOUD": {
      const v = vendors.length > 0 ? rng.pick(vendors) : null;
      const out: Entry[] = [
        {
          day: lastDay,
          dollars: plan * factor * rng.float(0.9, 1.12),
          vendorId: v?.id ?? null,
          memo: `${v?.name ?? "Cloud"} usage ${label}`,
          taggable: true,
        },
      ];
      if (v && rng.chance(0.05))
        out.push({
          day: on(rng.int(8, 22)),
          dollars: -plan * rng.float(0.03, 0.08),
          vendorId: v.id,
          memo: `${v.name} service credit`,
          taggable: false,
        });
      return out;
    }
    case "CONTRACTORS": {
      const v = vendors.length > 0 ? rng.pick(vendors) : null;
      return [
        {
          day: on(rng.int(8, 12)),
          dollars: plan * factor * rng.float(0.95, 1.08),
          vendorId: v?.id ?? null,
          memo: `${v?.name ?? "Contractor"} invoice ${label}`,
          taggable: true,
        },
      ];
    }
    case "HARDWARE": {
      if (!rng.chance(0.65)) return [];
      const v = vendors.length > 0 ? rng.pick(vendors) : null;
      return [
        {
          day: on(rng.int(3, 26)),
          dollars: plan * factor * rng.float(0.6, 2.1),
          vendorId: v?.id ?? null,
          memo: rng.pick(MEMOS.HARDWARE!),
          taggable: true,
        },
      ];
    }
    case "TRAINING":
    case "TRAVEL": {
      if (!rng.chance(0.6)) return [];
      const v = vendors.length > 0 && rng.chance(0.6) ? rng.pick(vendors) : null;
      return [
        {
          day: on(rng.int(2, 27)),
          dollars: plan * factor * rng.float(0.7, 2),
          vendorId: v?.id ?? null,
          memo: rng.pick(MEMOS[category]!),
          taggable: category === "TRAVEL",
        },
      ];
    }
    default:
      return [
        {
          day: on(rng.int(2, 27)),
          dollars: plan * factor * rng.float(0.5, 1.5),
          vendorId: null,
          memo: rng.pick(MEMOS.OTHER!),
          taggable: false,
        },
      ];
  }
}
