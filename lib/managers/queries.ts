import "server-only";

import { db } from "@/lib/db";
import type { ManagerNoteKind } from "@/lib/generated/prisma/enums";
import { toDateString } from "@/lib/fiscal";
import { inChainSql } from "@/lib/managers/chain";
import { teamUnitSql } from "@/lib/managers/team";
import { inPostSql } from "@/lib/people/queries";

// Reads of a manager's page: who they are and their team, their direct reports, and their
// development notes — which leave the database only for a reader in the manager's chain.

export type ManagerProfile = {
  id: string;
  name: string;
  title: string;
  unitId: string;
  unitName: string;
  managerName: string | null;
  team: { id: string; name: string; code: string };
  endDate: string | null;
};

/** A person of the org as a manager: their unit, their own manager and their team (null when not in the org). */
export async function getManagerProfile(orgId: string, personId: string): Promise<ManagerProfile | null> {
  const [row] = await db.$queryRaw<
    (Omit<ManagerProfile, "team" | "endDate"> & { teamId: string; teamName: string; teamCode: string; endDate: Date | null })[]
  >`
    SELECT m."id", m."name", m."title", u."id" AS "unitId", u."name" AS "unitName", b."name" AS "managerName", m."endDate",
           t."id" AS "teamId", t."name" AS "teamName", t."code" AS "teamCode"
    FROM "Person" m
    JOIN "OrgUnit" u ON u."orgId" = m."orgId" AND u."id" = m."orgUnitId"
    LEFT JOIN "Person" b ON b."orgId" = m."orgId" AND b."id" = m."managerId"
    JOIN "OrgUnit" t ON t."orgId" = m."orgId" AND t."id" = ${teamUnitSql(orgId)}
    WHERE m."orgId" = ${orgId} AND m."id" = ${personId}`;
  if (!row) return null;
  const { teamId, teamName, teamCode, endDate, ...rest } = row;
  return { ...rest, endDate: endDate ? toDateString(endDate) : null, team: { id: teamId, name: teamName, code: teamCode } };
}

export type DirectReport = { id: string; name: string; title: string; unitName: string; isManager: boolean };

/** The manager's direct reports in post on the day, by name: the people their span of control counts. */
export async function listDirectReports(orgId: string, managerId: string, day: string): Promise<DirectReport[]> {
  return db.$queryRaw<DirectReport[]>`
    SELECT r."id", r."name", r."title", u."name" AS "unitName",
           EXISTS (SELECT 1 FROM "Person" x WHERE x."orgId" = ${orgId} AND x."managerId" = r."id" AND ${inPostSql("x", day)}) AS "isManager"
    FROM "Person" r JOIN "OrgUnit" u ON u."orgId" = r."orgId" AND u."id" = r."orgUnitId"
    WHERE r."orgId" = ${orgId} AND r."managerId" = ${managerId} AND ${inPostSql("r", day)}
    ORDER BY r."name", r."id"`;
}

export type ManagerNoteDto = {
  id: string;
  kind: ManagerNoteKind;
  body: string;
  checkInOn: string | null;
  /** A goal marked done on that day (null: open; always null for a note). */
  doneOn: string | null;
  createdAt: string;
  /** Last edited (ISO timestamp), null when never. */
  editedAt: string | null;
  authorName: string | null;
};

/**
 * The development notes and goals about a manager, newest first — none unless the reader is in
 * the manager's management chain (the condition is part of the query, so for anyone else the
 * notes never leave the database).
 */
export async function listManagerNotes(orgId: string, managerId: string, readerUserId: string): Promise<ManagerNoteDto[]> {
  const rows = await db.$queryRaw<
    (Omit<ManagerNoteDto, "checkInOn" | "doneOn" | "createdAt" | "editedAt"> & {
      checkInOn: Date | null;
      doneOn: Date | null;
      createdAt: Date;
      editedAt: Date | null;
    })[]
  >`
    SELECT n."id", n."kind"::text AS "kind", n."body", n."checkInOn", n."doneOn", n."createdAt", n."editedAt", a."name" AS "authorName"
    FROM "ManagerNote" n LEFT JOIN "User" a ON a."id" = n."authorId"
    WHERE n."orgId" = ${orgId} AND n."managerId" = ${managerId} AND ${inChainSql(orgId, managerId, readerUserId)}
    ORDER BY n."createdAt" DESC, n."id" DESC`;
  return rows.map((r) => ({
    ...r,
    checkInOn: r.checkInOn ? toDateString(r.checkInOn) : null,
    doneOn: r.doneOn ? toDateString(r.doneOn) : null,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt ? r.editedAt.toISOString() : null,
  }));
}
