import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { fiscalPeriod, fiscalQuarterRange, fiscalYearRange } from "@/lib/fiscal";
import { elapsedDays } from "@/lib/dates";
import { addDays, addQuarters, atTime, fiscalYearOf } from "@/lib/seed/dates";
import type { Rng } from "@/lib/seed/random";
import type { Turnover } from "@/lib/seed/people";
import type { PersonRow, UnitRow } from "@/lib/seed/types";

// The hiring plan. Every employee hired since the start of last fiscal year holds the FILLED
// position they were hired on (a replacement's names the person it backfills); the seats of this
// year's leavers are BACKFILL from the day after their last day (lib/people/set-end-date.ts),
// or closed; and a few PLANNED, OPEN and CLOSED requisitions make up the rest.

const PAY: Record<string, number> = { IC2: 132_000, IC3: 158_000, IC4: 188_000, IC5: 218_000, M1: 195_000 };

export type Slot = { team: string; status: PositionStatus; level: string; quarterOffset: number; title?: string };

export const ACME_SLOTS: Slot[] = [
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

export type PositionInput = {
  orgId: string;
  units: Map<string, UnitRow>;
  people: PersonRow[];
  turnover: Turnover;
  /** hire id → the former employee whose seat they filled */
  replaced: Map<string, PersonRow>;
  /** How many of this year's leavers (departed first, then leaving) get a backfill. */
  backfills: { departed: number; leaving: number };
  slots: Slot[];
  fiscalStartMonth: number;
};

/** The positions, and each filled position's original target start (the plan budgeted that day). */
export type PositionPlan = { rows: Prisma.PositionCreateManyInput[]; plannedStart: Map<string, Date> };

export function buildPositions(input: PositionInput, rng: Rng, today: Date): PositionPlan {
  const { orgId, fiscalStartMonth: sm } = input;
  const fy = fiscalYearOf(today, sm);
  const since = fiscalYearRange(fy - 1, sm).start;
  const role = (u: UnitRow) => u.spec.role ?? "Software Engineer";
  const prefix = (level: string) => ({ IC2: "", IC3: "Senior ", IC4: "Staff ", IC5: "Senior Staff " })[level] ?? "";
  const pay = (level: string) => BigInt(Math.round(((PAY[level] ?? 160_000) * rng.float(0.97, 1.05)) / 1000) * 1000) * 100n;
  const budget = (d: Date) => {
    const p = fiscalPeriod(d, sm);
    return { budgetFiscalYear: p.fiscalYear, budgetFiscalQuarter: p.quarter };
  };
  const rows: Prisma.PositionCreateManyInput[] = [];
  const plannedStart = new Map<string, Date>();
  const yesterday = addDays(today, -1);

  // Hires: the requisition was budgeted for a planned start in the same fiscal year as the actual
  // one (hires land a little late more often than early), opened weeks before, filled by the offer.
  const hires = input.people
    .filter((p) => p.employmentType === "EMPLOYEE" && p.startDate >= since)
    .sort((a, b) => a.startDate.getTime() - b.startDate.getTime() || a.name.localeCompare(b.name));
  for (const h of hires) {
    const year = fiscalYearRange(fiscalYearOf(h.startDate, sm), sm);
    // A replacement's requisition opens when its predecessor gives notice and plans for the day after they leave.
    const predecessor = input.replaced.get(h.id);
    const earliest = predecessor ? addDays(predecessor.endDate!, 1) : year.start;
    let planned = addDays(h.startDate, -rng.int(-14, 42));
    if (planned < earliest) planned = earliest < year.start ? year.start : earliest;
    if (planned > year.end) planned = year.end;
    let offer = addDays(h.startDate, -rng.int(21, 45));
    const opened = predecessor
      ? addDays(predecessor.endDate!, -rng.int(7, 30))
      : addDays(planned < offer ? planned : offer, -rng.int(45, 100));
    if (offer < addDays(opened, 10)) offer = addDays(opened, 10);
    const filledAt = atTime(offer < yesterday ? offer : yesterday, 17);
    const id = randomUUID();
    plannedStart.set(id, planned);
    rows.push({
      id,
      orgId,
      orgUnitId: h.orgUnitId,
      title: h.title,
      level: h.level,
      status: "FILLED",
      personId: h.id,
      backfillForId: predecessor?.id ?? null,
      targetStartDate: h.startDate,
      annualCompCents: h.annualCompCents,
      ...budget(planned),
      openedAt: atTime(opened, 15),
      filledAt,
    });
  }

  // This year's leavers: the seat turns BACKFILL (vacant from the day after the last day, opened
  // when the departure was recorded) or is closed — their own position if they were hired on one.
  const leavers = [
    ...input.turnover.departed.map((p, i) => ({ p, backfill: i < input.backfills.departed })),
    ...input.turnover.leaving.map((p, i) => ({ p, backfill: i < input.backfills.leaving })),
  ];
  for (const { p, backfill } of leavers) {
    const end = p.endDate!;
    const vacantFrom = addDays(end, 1);
    const noticeDay = addDays(end, -rng.int(14, 30));
    const recorded = atTime(noticeDay < yesterday ? noticeDay : yesterday, 15);
    const held = rows.find((r) => r.personId === p.id);
    if (!backfill) {
      if (held) Object.assign(held, { status: "CLOSED", closedAt: recorded });
      continue;
    }
    const vacancy = {
      status: "BACKFILL" as const,
      personId: null,
      backfillForId: p.id,
      vacantFrom,
      openedAt: recorded,
      filledAt: null,
      targetStartDate: addDays(vacantFrom, rng.int(30, 60)),
    };
    if (held) Object.assign(held, vacancy);
    else
      rows.push({
        id: randomUUID(),
        orgId,
        orgUnitId: p.orgUnitId,
        title: p.title,
        level: p.level,
        annualCompCents: pay(p.level),
        ...budget(vacantFrom),
        ...vacancy,
      });
  }

  // Requisitions: the target start lies in the budgeted quarter (after today while not filled).
  for (const s of input.slots) {
    const unit = input.units.get(s.team)!;
    const at = addQuarters(fy, fiscalPeriod(today, sm).quarter, s.quarterOffset);
    const q = fiscalQuarterRange(at.fy, at.q, sm);
    const soon = addDays(today, 10);
    const from = s.status === "CLOSED" || q.start > today ? q.start : soon < q.end ? soon : q.end;
    const span = Math.max(0, Math.round(elapsedDays(from, q.end)) - 5);
    const targetStartDate = addDays(from, rng.int(0, span));
    const closed = s.status === "CLOSED";
    const openedAt = s.status === "PLANNED" ? null : atTime(addDays(closed ? q.start : today, -rng.int(20, 110)), 15);
    const lastDay = q.end < yesterday ? q.end : yesterday;
    rows.push({
      id: randomUUID(),
      orgId,
      orgUnitId: unit.id,
      title: s.title ?? `${prefix(s.level)}${role(unit)}`,
      level: s.level,
      status: s.status,
      targetStartDate,
      annualCompCents: pay(s.level),
      budgetFiscalYear: at.fy,
      budgetFiscalQuarter: at.q,
      openedAt,
      closedAt: closed ? atTime(addDays(lastDay, -rng.int(5, 15)), 16) : null,
      // A senior Toronto hire is costed with a lower benefits load than the org default.
      loadedCostMultiplier: s.team === "ENG-AUTO-NAV" ? "1.2000" : null,
    });
  }
  return { rows, plannedStart };
}
