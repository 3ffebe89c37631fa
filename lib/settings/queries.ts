import "server-only";

import { activeSessionsOf } from "@/lib/auth/sessions";
import { formatMultiplier } from "@/lib/budgets/forecast-assumptions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageOf, type PageInfo } from "@/lib/paging";
import { likeTerm } from "@/lib/search-term";
import type { BudgetCategory, Role, UpdateCadence, Weekday } from "@/lib/generated/prisma/enums";
import { hashInviteToken } from "@/lib/settings/members";

export type OrgSettingsDto = {
  name: string;
  slug: string;
  currency: string;
  fiscalYearStartMonth: number;
  updateCadence: UpdateCadence;
  updateDueWeekday: Weekday;
  updateGraceDays: number;
  payMinGroupSize: number;
  financeReadsPay: boolean;
  /** Forecast assumptions (lib/budgets/forecast-assumptions.ts); the multiplier as "1.3". */
  loadedCostMultiplier: string;
  hiringDelayDays: number;
  forecastRunRateMonths: number;
  forecastLumpyCategories: BudgetCategory[];
  /** Org health's span of control outliers: over spanMax or under spanMin direct reports. */
  spanMax: number;
  spanMin: number;
  /** Notifications: a position open longer than this many days is announced to its unit's lead. */
  positionOpenAlertDays: number;
  updatedAt: string;
};

/** The fields of the general settings form: what it shows and what its save compares and writes. */
export const SETTINGS_SELECT = {
  name: true,
  fiscalYearStartMonth: true,
  updateCadence: true,
  updateDueWeekday: true,
  updateGraceDays: true,
  loadedCostMultiplier: true,
  hiringDelayDays: true,
  forecastRunRateMonths: true,
  forecastLumpyCategories: true,
  spanMax: true,
  spanMin: true,
  positionOpenAlertDays: true,
  updatedAt: true,
} as const;

export async function getOrgSettings(orgId: string): Promise<OrgSettingsDto> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { ...SETTINGS_SELECT, slug: true, currency: true, payMinGroupSize: true, financeReadsPay: true },
  });
  return { ...org, loadedCostMultiplier: formatMultiplier(org.loadedCostMultiplier.toFixed(4)), updatedAt: org.updatedAt.toISOString() };
}

export type MemberDto = {
  id: string;
  name: string;
  email: string;
  role: Role;
  scopeUnitId: string | null;
  scopeUnitName: string | null;
  since: string;
};

export const MEMBERS_PAGE_SIZE = 50;

/**
 * One page (?mpage=N) of the org's members whose name or email contains `q`, by name: searched,
 * ordered and cut by the database (an org can have hundreds of members).
 */
export async function listMembersPage(
  orgId: string,
  q: string,
  sp: Record<string, string | string[] | undefined>,
): Promise<{ rows: MemberDto[]; paging: PageInfo }> {
  const where = membersWhere(orgId, q);
  const paging = pageOf(sp, await db.membership.count({ where }), MEMBERS_PAGE_SIZE, "mpage");
  return { rows: await listMembers(orgId, { q, skip: (paging.page - 1) * paging.pageSize, take: paging.pageSize }), paging };
}

function membersWhere(orgId: string, q: string): Prisma.MembershipWhereInput {
  const term = likeTerm(q);
  return {
    orgId,
    ...(term
      ? { user: { OR: [{ name: { contains: term, mode: "insensitive" } }, { email: { contains: term, mode: "insensitive" } }] } }
      : {}),
  };
}

async function listMembers(orgId: string, page?: { q: string; skip: number; take: number }): Promise<MemberDto[]> {
  const rows = await db.membership.findMany({
    where: membersWhere(orgId, page?.q ?? ""),
    ...(page ? { skip: page.skip, take: page.take } : {}),
    select: {
      id: true,
      role: true,
      scopeUnitId: true,
      createdAt: true,
      scopeUnit: { select: { name: true } },
      user: { select: { name: true, email: true } },
    },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return rows.map((m) => ({
    id: m.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    scopeUnitId: m.scopeUnitId,
    scopeUnitName: m.scopeUnit?.name ?? null,
    since: m.createdAt.toISOString(),
  }));
}

export type MemberSessionsDto = { count: number; lastSeenAt: string | null; devices: string[] };

/**
 * Each member's sessions that can still be used (for admins: who is signed in where), by
 * membership id. Members without one are absent.
 */
export async function listMemberSessions(orgId: string): Promise<Record<string, MemberSessionsDto>> {
  const memberships = await db.membership.findMany({ where: { orgId }, select: { id: true, userId: true } });
  const byUser = await activeSessionsOf(
    db,
    memberships.map((m) => m.userId),
  );
  const out: Record<string, MemberSessionsDto> = {};
  for (const m of memberships) {
    const sessions = byUser.get(m.userId);
    if (sessions?.length)
      out[m.id] = { count: sessions.length, lastSeenAt: sessions[0].lastSeenAt, devices: [...new Set(sessions.map((x) => x.device))] };
  }
  return out;
}

export type InvitationDto = { id: string; email: string; role: Role; expiresAt: string };

export async function listPendingInvitations(orgId: string): Promise<InvitationDto[]> {
  const rows = await db.invitation.findMany({
    where: { orgId, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }));
}

/** The still-open invitation a token names (for the accept page), or null. */
export async function findOpenInvitation(token: string) {
  return db.invitation.findFirst({
    where: { tokenHash: hashInviteToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true, role: true, org: { select: { name: true } } },
  });
}
