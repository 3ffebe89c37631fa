import type { Health } from "@/lib/generated/prisma/enums";
import type { UpdateState } from "@/lib/projects/staleness";

// The delivery review's rows (DTOs, safe for client components) and which of them to read: each
// list is counted over the whole scope, and only the slice asked for is read.

export type ReviewProject = {
  id: string;
  name: string;
  teamName: string;
  health: Health;
  healthChangedAt: string | null;
  leadName: string | null;
  lastUpdateAt: string | null;
  update: UpdateState;
  /** For stale projects: who it has escalated to along the reporting line. */
  escalatedTo: { name: string; isMe: boolean } | null;
  /** For at-risk rows: the latest update when nobody has acknowledged it yet. */
  pending: { id: string; summary: string; author: string; authorUserId: string } | null;
};

export type ReviewUpdate = {
  id: string;
  projectId: string;
  projectName: string;
  health: Health;
  summary: string;
  author: string;
  authorUserId: string;
  createdAt: string;
  /** The viewer reviews this project (lead's manager / owning unit's lead) and did not write the update. */
  mine: boolean;
  /** Whose queue the update is in (see lib/projects/awaiting-sql.ts; an update with nobody to review it is not listed). */
  reviewerName: string;
};

/** Which rows of a list to return: `take` null for all of them. */
export type ReviewSlice = { skip: number; take: number | null };
export type ReviewLists = { atRisk: ReviewSlice; due: ReviewSlice; stale: ReviewSlice; awaiting: ReviewSlice; mine: ReviewSlice };
export const NONE: ReviewSlice = { skip: 0, take: 0 };
export const ALL: ReviewSlice = { skip: 0, take: null };
export const firstRows = (take: number): ReviewSlice => ({ skip: 0, take });
/** Only the counts. */
export const COUNTS_ONLY: ReviewLists = { atRisk: NONE, due: NONE, stale: NONE, awaiting: NONE, mine: NONE };
/** Every row of every list (tests, the bell's reference). */
export const EVERY_ROW: ReviewLists = { atRisk: ALL, due: ALL, stale: ALL, awaiting: ALL, mine: ALL };
