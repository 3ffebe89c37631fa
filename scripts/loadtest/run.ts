import { randomUUID } from "node:crypto";

import { centsToDecimalString } from "@/lib/money";

import type { Outcome, Session } from "./client";
import type { LoadUser } from "./setup";

// The workload: every session loops until the deadline, picking a request by its role's mix
// (weighted so that the whole run is 80% page reads, 15% status updates, 5% plan-cell edits;
// see roleFor in setup.ts), with a random think time between requests. Every request is
// recorded with its start/end time and outcome; every write carries a marker the checker can
// find in the database afterwards.

export type Kind = "read" | "status" | "budget";

export type Sample = { kind: Kind; start: number; end: number; ok: boolean; error?: string; marker?: string };

/** A plan-cell edit as sent: the checker compares the acknowledged ones with the database. */
export type BudgetWrite = { user: number; seq: number; amountCents: number; ok: boolean; start: number };

const MIX: Record<LoadUser["role"], [number, number, number]> = {
  // [read, status update, budget edit] in percent
  DIRECTOR: [80, 17, 3],
  MANAGER: [80, 20, 0],
  FINANCE: [80, 0, 20],
  ADMIN: [100, 0, 0],
  VIEWER: [100, 0, 0],
};

export type Workload = {
  readPaths: string[];
  statusActionId: string;
  budgetActionId: string;
  deadline: number;
  thinkMs: number;
  samples: Sample[];
  budgetWrites: BudgetWrite[];
};

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const HEALTHS = ["ON_TRACK", "AT_RISK", "OFF_TRACK"];

function choose(role: LoadUser["role"]): Kind {
  const [read, status] = MIX[role];
  const r = Math.random() * 100;
  return r < read ? "read" : r < read + status ? "status" : "budget";
}

export async function runSession(session: Session, user: LoadUser, w: Workload): Promise<void> {
  let seq = 0;
  while (Date.now() < w.deadline) {
    const kind = choose(user.role);
    const start = Date.now();
    let outcome: Outcome;
    let marker: string | undefined;
    if (kind === "read") {
      outcome = await session.page(pick(w.readPaths));
    } else if (kind === "status") {
      const projectId = pick(user.projectIds);
      marker = `load ${randomUUID()}`;
      outcome = await session.action(`/acme/projects/${projectId}`, w.statusActionId, [
        "acme",
        // A reason is always given: the app asks for one when the chosen health is better than suggested.
        { projectId, health: pick(HEALTHS), summary: marker, body: "Posted by npm run loadtest.", overrideReason: "load test" },
      ]);
    } else {
      seq++;
      // Unique per write: session number and sequence, so the audit trail identifies each one.
      const amountCents = (user.index + 1) * 1_000_000 + seq;
      marker = String(amountCents);
      outcome = await session.action("/acme/budgets/plan", w.budgetActionId, [
        "acme",
        { ...user.cell, amount: centsToDecimalString(amountCents) },
      ]);
      w.budgetWrites.push({ user: user.index, seq, amountCents, ok: outcome.ok, start });
    }
    w.samples.push({ kind, start, end: Date.now(), ok: outcome.ok, error: outcome.error, marker });
    if (w.thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * w.thinkMs));
  }
}
