import type { OrgFx } from "@/tests/support/authz/fixture";

// The authorization matrix: one row per server action, one column per kind of caller. Every
// cell is written down explicitly (not derived from lib/permissions.ts), so a permission change
// that lets someone in makes the matrix test fail until the row is consciously changed.
//
// Columns, in this order (a row's expectation string has one token per column):
//   ADMIN  DIRECTOR  MGR_IN (MANAGER whose scope holds the target)  MGR_OUT (MANAGER of another
//   subtree)  FINANCE  VIEWER  OTHER_ORG (a director of another org, calling with this org's
//   slug)  ANON (no session)  FOREIGN (this org's first allowed role, sending another org's ids)
// Tokens: ok · F = FORBIDDEN · N = NOT_FOUND · U = UNAUTHENTICATED · V = VALIDATION ·
//   C = CONFLICT · - = not applicable (the input carries no ids of another org)
//
// Adding an action = one line: row("name.verb", "F ok ok F F F N U N", (fx) => ({ …valid input… })).
// The input builder gets the org to build for (this org, or the other one for FOREIGN) and
// creates a fresh target in its teamA for every cell, so cells never depend on each other.

export const COLUMNS = ["ADMIN", "DIRECTOR", "MGR_IN", "MGR_OUT", "FINANCE", "VIEWER", "OTHER_ORG", "ANON", "FOREIGN"] as const;
export type Column = (typeof COLUMNS)[number];
const OUTCOMES = { ok: "ok", F: "FORBIDDEN", N: "NOT_FOUND", U: "UNAUTHENTICATED", V: "VALIDATION", C: "CONFLICT", "-": "skip" } as const;
type Outcome = (typeof OUTCOMES)[keyof typeof OUTCOMES];

export type MatrixRow = {
  action: string;
  expect: Record<Column, Outcome>;
  /** `callerId`: the user making the call (null without a session), for actions on their own records. */
  input: (fx: OrgFx, callerId: string | null) => Promise<unknown> | unknown;
};

export function row(action: string, cells: string, input: MatrixRow["input"]): MatrixRow {
  const tokens = cells.trim().split(/\s+/);
  if (tokens.length !== COLUMNS.length)
    throw new Error(`Matrix row ${action}: ${tokens.length} cells, expected ${COLUMNS.length} (${COLUMNS.join(" ")})`);
  const expect = {} as Record<Column, Outcome>;
  tokens.forEach((t, i) => {
    if (!Object.hasOwn(OUTCOMES, t)) throw new Error(`Matrix row ${action}: unknown cell "${t}" in column ${COLUMNS[i]}`);
    expect[COLUMNS[i]] = OUTCOMES[t as keyof typeof OUTCOMES];
  });
  return { action, expect, input };
}

/**
 * Public actions (no session, no org: authority comes from the input, e.g. a single-use token).
 * `valid` builds an input carrying real authority; `forged` one with made-up authority, which
 * must be refused with `forgedOutcome` and write nothing.
 */
export type PublicRow = { action: string; valid: (fx: OrgFx) => Promise<unknown>; forged: (fx: OrgFx) => unknown; forgedOutcome: Outcome };

/**
 * User-level actions (defineUserAction): they act on the caller's own account and take no org or
 * target id, so the only authority is the session. `valid` prepares the caller's account (e.g.
 * a known current password) and returns an input that must succeed for any signed-in user.
 */
export type SelfRow = { action: string; valid: (fx: OrgFx, userId: string) => Promise<unknown> };
