import type { PositionStatus } from "@/lib/generated/prisma/enums";

// The position lifecycle, as one table. PLANNED → OPEN → FILLED is the hiring path; a FILLED
// position whose holder leaves becomes BACKFILL (or CLOSED, by choice); CLOSED is final (open a
// new position instead, so the audit trail of the old one stays readable).
export type PositionEvent = "open" | "fill" | "close" | "vacate";

const TABLE: Record<PositionStatus, Partial<Record<PositionEvent, PositionStatus>>> = {
  PLANNED: { open: "OPEN", close: "CLOSED" },
  OPEN: { fill: "FILLED", close: "CLOSED" },
  BACKFILL: { fill: "FILLED", close: "CLOSED" },
  FILLED: { vacate: "BACKFILL", close: "CLOSED" },
  CLOSED: {},
};

/** The status after `event`, or null when the transition is not allowed. */
export function nextPositionStatus(from: PositionStatus, event: PositionEvent): PositionStatus | null {
  return TABLE[from]?.[event] ?? null;
}

export function canTransition(from: PositionStatus, event: PositionEvent): boolean {
  return nextPositionStatus(from, event) !== null;
}
