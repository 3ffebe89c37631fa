import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { addDays, addQuarters, atTime, fiscalQuarterOf, fiscalYearOf } from "@/lib/seed/dates";
import type { Rng } from "@/lib/seed/random";
import type { Turnover } from "@/lib/seed/people";
import type { PersonRow, UnitRow } from "@/lib/seed/types";

// The hiring plan: ~20 positions across every status. FILLED positions point at the most recent
// hires (including two who start in the coming weeks); BACKFILL positions at people who left
// or are leaving.

const PAY: Record<string, number> = { IC2: 132_000, IC3: 158_000, IC4: 188_000, IC5: 218_000, M1: 195_000 };

type Slot = { team: string; status: PositionStatus; level: string; quarterOffset: number; title?: string };

const SLOTS: Slot[] = [
  { team: "ENG-AUTO-PERC", status: "PLANNED", level: "IC4", quarterOffset: 1 },
  { team: "ENG-AUTO-SIM", status: "PLANNED", level: "IC3", quarterOffset: 1 },
  { team: "ENG-PROD-BILL", status: "PLANNED", level: "IC3", quarterOffset: 2 },
  { team: "ENG-PLAT-SEC", status: "PLANNED", level: "IC4", quarterOffset: 2 },
  { team: "ENG-PLAT-INFRA", status: "OPEN", level: "IC4", quarterOffset: 0 },
  { team: "ENG-PROD-MOBILE", status: "OPEN", level: "IC3", quarterOffset: 0 },
  { team: "ENG-PROD-MOBILE", status: "OPEN", level: "IC2", quarterOffset: 1 },
  { team: "ENG-AUTO-NAV", status: "OPEN", level: "IC5", quarterOffset: 0 },
  { team: "ENG-PLAT-DATA", status: "OPEN", level: "IC3", quarterOffset: 1 },
  { team: "ENG-PROD-CONSOLE", status: "OPEN", level: "M1", quarterOffset: 0, title: "Engineering Manager" },
  { team: "ENG-PLAT-SRE", status: "CLOSED", level: "IC3", quarterOffset: -1 },
  { team: "ENG-PROD-INTEG", status: "CLOSED", level: "IC4", quarterOffset: -2 },
  { team: "ENG-AUTO-FW", status: "CLOSED", level: "IC3", quarterOffset: 0 },
];

export function buildPositions(orgId: string, units: Map<string, UnitRow>, people: PersonRow[], turnover: Turnover,
  rng: Rng, today: Date, fiscalStartMonth: number): Prisma.PositionCreateManyInput[] {
  const fy = fiscalYearOf(today, fiscalStartMonth);
  const q = fiscalQuarterOf(today, fiscalStartMonth);
  const unitById = new Map([...units.values()].map((u) => [u.id, u]));
  const role = (u: UnitRow) => u.spec.role ?? "Software Engineer";
  const prefix = (level: string) => ({ IC2: "", IC3: "Senior ", IC4: "Staff ", IC5: "Senior Staff " })[level] ?? "";
  const pay = (level: string) => BigInt(Math.round(((PAY[level] ?? 160_000) * rng.float(0.97, 1.05)) / 1000) * 1000) * 100n;
  const rows: Prisma.PositionCreateManyInput[] = [];

  for (const s of SLOTS) {
    const unit = units.get(s.team)!;
    const at = addQuarters(fy, q, s.quarterOffset);
    const openedAt = s.status === "PLANNED" ? null : atTime(addDays(today, -rng.int(20, 110)), 15);
    rows.push({
      id: randomUUID(), orgId, orgUnitId: unit.id, title: s.title ?? `${prefix(s.level)}${role(unit)}`, level: s.level,
      status: s.status, targetStartDate: addDays(today, s.quarterOffset * 91 + rng.int(10, 60)), annualCompCents: pay(s.level),
      budgetFiscalYear: at.fy, budgetFiscalQuarter: at.q, openedAt,
      closedAt: s.status === "CLOSED" ? atTime(addDays(today, -rng.int(5, 15)), 16) : null,
      // A senior Toronto hire is costed with a lower benefits load than the org default.
      loadedCostMultiplier: s.team === "ENG-AUTO-NAV" ? "1.2000" : null,
    });
  }

  // Filled: the two future starters plus the two most recent hires already on board.
  const recent = people.filter((p) => p.startDate <= today && !p.endDate && p.employmentType === "EMPLOYEE" && p.level.startsWith("IC"))
    .sort((a, b) => b.startDate.getTime() - a.startDate.getTime()).slice(0, 2);
  for (const p of [...turnover.starting, ...recent]) {
    const at = { fy: fiscalYearOf(p.startDate, fiscalStartMonth), q: fiscalQuarterOf(p.startDate, fiscalStartMonth) };
    rows.push({
      id: randomUUID(), orgId, orgUnitId: p.orgUnitId, title: p.title, level: p.level, status: "FILLED", personId: p.id,
      targetStartDate: p.startDate, annualCompCents: p.annualCompCents, budgetFiscalYear: at.fy, budgetFiscalQuarter: at.q,
      openedAt: atTime(addDays(p.startDate, -rng.int(80, 130)), 15), filledAt: atTime(addDays(p.startDate, -rng.int(20, 40)), 17),
    });
  }

  // Backfills for two who left and one who is leaving.
  for (const p of [...turnover.departed.slice(0, 2), ...turnover.leaving.slice(0, 1)]) {
    const unit = unitById.get(p.orgUnitId)!;
    rows.push({
      id: randomUUID(), orgId, orgUnitId: unit.id, title: p.title, level: p.level, status: "BACKFILL", backfillForId: p.id,
      targetStartDate: addDays(p.endDate!, rng.int(45, 75)), annualCompCents: pay(p.level), budgetFiscalYear: fy,
      budgetFiscalQuarter: q, openedAt: atTime(addDays(p.endDate! < today ? p.endDate! : today, -rng.int(7, 20)), 15),
    });
  }
  return rows;
}
