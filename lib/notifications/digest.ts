import { getFinanceTree } from "@/lib/budgets/rollup";
import { varianceLevel, VARIANCE_THRESHOLD_PCT } from "@/lib/budgets/variance-level";
import { addDaysIso } from "@/lib/dates";
import type { Db } from "@/lib/db-factory";
import { fiscalPeriod } from "@/lib/fiscal";
import { Role, type Health } from "@/lib/generated/prisma/enums";
import { planVsActual } from "@/lib/headcount/plan";
import { formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { localParts } from "@/lib/notifications/quiet-hours";
import type { RuleOrg } from "@/lib/notifications/rules";
import { grantFor } from "@/lib/permissions";
import { ACTIVE_SQL, projectsCte } from "@/lib/projects/attention";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { listUpcomingRenewals } from "@/lib/vendors/queries";

// The weekly director digest: on the reader's digest day from their digest hour (Monday 07:00
// unless they chose another, Your account → Notifications) in their time zone, to everyone who
// reads the whole org's health (orghealth:read across the org), what changed in each of their
// orgs. Every number is the page's own figure function: health from the latest update (as the
// health trend reads it), budget variance from the finance rollup and the budgets page's red
// rule (variance-level.ts), heads vs plan from planVsActual, renewals from listUpcomingRenewals.
// Pay-safe for any reader: the money is the rollup as a reader WITHOUT pay access sees it (a
// unit whose totals would single out someone's pay has no variance level), as the budget
// variance webhook does; no line names a person's pay. One digest per user and local day: the
// key is that day, across orgs.

const RENEWAL_NOTICE_DAYS = 30;

const DIGEST_ROLES = Object.values(Role).filter((r) => grantFor(r, "orghealth:read") === "org");

/** The digest section of one org (the same for every reader, computed once per run). */
async function digestSection(db: Db, org: RuleOrg, now: Date): Promise<string> {
  const today = now.toISOString().slice(0, 10);
  const weekAgo = addDaysIso(today, -7);
  const moves = await db.$queryRaw<{ name: string; now: Health; before: Health | null }[]>`
    WITH RECURSIVE ${projectsCte(org.id, null)}
    SELECT p.name, p.health AS now,
           (SELECT su.health FROM "StatusUpdate" su WHERE su."orgId" = ${org.id} AND su."projectId" = p.id
              AND su."createdAt" < ${weekAgo}::date + 1 ORDER BY su."createdAt" DESC LIMIT 1) AS before
    FROM proj p WHERE ${ACTIVE_SQL("p")} AND p."healthChangedAt" >= ${weekAgo}::date + 1
    ORDER BY p.name, p.id`;
  const changed = moves.filter((m) => (m.before ?? "UNKNOWN") !== m.now);
  const risks = changed.filter((m) => m.now === "AT_RISK" || m.now === "OFF_TRACK");
  const period = fiscalPeriod(now, org.fiscalYearStartMonth);
  const over = (
    await getFinanceTree({
      orgId: org.id,
      startMonth: org.fiscalYearStartMonth,
      fiscalYear: period.fiscalYear,
      period: "year",
      unitId: null,
      category: null,
      payReader: false,
      today: now,
    })
  ).filter((u) => varianceLevel(u) === "over");
  const heads = (
    await planVsActual(org.id, { unitId: null, fiscalYear: period.fiscalYear, startMonth: org.fiscalYearStartMonth, today: now })
  )[period.quarter - 1];
  const noticeBy = addDaysIso(today, RENEWAL_NOTICE_DAYS);
  const renewals = (await listUpcomingRenewals(org.id, now)).rows.filter(
    (c) => c.renewalNoticeDate !== null && c.renewalNoticeDate >= today && c.renewalNoticeDate <= noticeBy,
  );
  const currency = (await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { currency: true } })).currency;

  const list = (rows: string[], none: string) => (rows.length ? rows.map((r) => `- ${r}`).join("\n") : none);
  return [
    `${org.name}: the week to ${today}`,
    `Health moves (${changed.length})\n${list(
      changed.map((m) => `${m.name}: ${HEALTH_LABELS[m.before ?? "UNKNOWN"]} → ${HEALTH_LABELS[m.now]}`),
      "No project changed health.",
    )}`,
    `New risks (${risks.length})\n${list(
      risks.map((m) => `${m.name} is ${HEALTH_LABELS[m.now].toLowerCase()}`),
      "No project became at risk or off track.",
    )}`,
    `Budget variance beyond ${VARIANCE_THRESHOLD_PCT}% of plan, ${period.label.split(" ")[0]} forecast (${over.length})\n${list(
      over.map((u) => `${u.name}: ${formatMoney(u.varianceCents ?? 0, currency)} over plan (${u.variancePct ?? "—"}%)`),
      "No unit is forecast over its plan beyond the threshold.",
    )}`,
    `Heads vs plan, ${period.label}\n- In post ${heads?.actual ?? 0} of ${heads?.planned ?? 0} planned; ${heads?.open ?? 0} open positions`,
    `Renewal notice dates in the next ${RENEWAL_NOTICE_DAYS} days (${renewals.length})\n${list(
      renewals.map((c) => `${c.vendorName} — ${c.name}: give notice by ${c.renewalNoticeDate} (ends ${c.endDate})`),
      "None.",
    )}`,
  ].join("\n\n");
}

/** Writes the digests due at `now`: readers whose local day is their digest day and local hour past their digest hour. */
export async function directorDigests(db: Db, orgs: RuleOrg[], now: Date): Promise<number> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const members = await db.membership.findMany({
    where: { role: { in: DIGEST_ROLES }, orgId: { in: orgs.map((o) => o.id) } },
    select: {
      userId: true,
      orgId: true,
      user: { select: { timeZone: true, digestWeekday: true, digestHour: true } },
      org: { select: { name: true } },
    },
    orderBy: [{ userId: "asc" }, { org: { name: "asc" } }, { orgId: "asc" }],
  });
  const readers = new Map<string, { timeZone: string; weekday: number; hour: number; orgIds: string[] }>();
  for (const m of members) {
    const r = readers.get(m.userId) ?? { timeZone: m.user.timeZone, weekday: m.user.digestWeekday, hour: m.user.digestHour, orgIds: [] };
    r.orgIds.push(m.orgId);
    readers.set(m.userId, r);
  }
  const sections = new Map<string, Promise<string>>();
  const sectionOf = (orgId: string) => {
    if (!sections.has(orgId)) sections.set(orgId, digestSection(db, byId.get(orgId)!, now));
    return sections.get(orgId)!;
  };
  // Who is due now, and (one query for all of them) who already has today's digest, on any channel.
  const due = [...readers]
    .map(([userId, r]) => ({ userId, r, local: localParts(now, r.timeZone) }))
    .filter(({ r, local }) => local.weekday === r.weekday && local.hour >= r.hour);
  const written = new Set(
    due.length
      ? (
          await db.notification.findMany({
            where: {
              kind: "DIRECTOR_DIGEST",
              userId: { in: due.map((d) => d.userId) },
              dedupeKey: { in: [...new Set(due.map((d) => `digest:${d.local.day}`))] },
            },
            select: { userId: true, dedupeKey: true },
            distinct: ["userId", "dedupeKey"],
          })
        ).map((w) => `${w.userId}:${w.dedupeKey}`)
      : [],
  );
  let n = 0;
  for (const { userId, r, local } of due) {
    if (written.has(`${userId}:digest:${local.day}`)) continue;
    const texts = [];
    for (const orgId of r.orgIds) texts.push(await sectionOf(orgId));
    const first = byId.get(r.orgIds[0])!;
    n += await notify(
      db,
      {
        orgId: first.id,
        userId,
        kind: "DIRECTOR_DIGEST",
        dedupeKey: `digest:${local.day}`,
        subject: `Keel weekly digest, ${local.day}`,
        text: texts.join("\n\n"),
        href: `/${first.slug}/dashboard`,
      },
      now,
    );
  }
  return n;
}
