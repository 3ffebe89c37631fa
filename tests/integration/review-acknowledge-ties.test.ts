import { beforeAll, describe, expect, it } from "vitest";

import { BELL_ITEMS } from "@/lib/projects/bell-items";
import type { Member } from "@/lib/auth";
import { bellScopeOf, getBell } from "@/lib/projects/bell";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { COUNTS_ONLY } from "@/lib/projects/review-lists";
import { getNotifications } from "@/tests/oracles/notifications";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// "Awaiting acknowledgement" counts every unacknowledged latest update (no cap) and lists a page
// of them. When updates share a timestamp (an import, the generated large org: every update at
// 09:00), their order is fixed by id (newest id first), so pages never overlap or skip one, and
// the bell lists the same ones.

const db = testDb();
const T = new Date("2027-01-20T09:00:00Z");
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const acme = await createOrgWithRoles(db);
  const orgId = acme.org.id;
  const director = await db.person.create({
    data: {
      orgId,
      name: "Dana Director",
      title: "Dir",
      level: "D1",
      orgUnitId: acme.units.division.id,
      userId: acme.members.director.user.id,
      startDate: new Date("2020-01-01"),
      annualCompCents: 0n,
    },
  });
  await db.orgUnit.update({ where: { id: acme.units.teamA.id }, data: { leadId: director.id } });
  const author = acme.members.viewer.user.id;
  const tied: string[] = [];
  // 105 projects whose latest update is at the same moment T, 3 with a later one, and one whose
  // later update is acknowledged (its earlier, unacknowledged one is superseded: not listed).
  for (let i = 0; i < 109; i++) {
    const p = await db.project.create({
      data: {
        orgId,
        orgUnitId: acme.units.teamA.id,
        name: `P${String(i).padStart(3, "0")}`,
        status: "ACTIVE",
        health: "AT_RISK",
        lastUpdateAt: T,
        createdAt: new Date("2026-06-01"),
      },
    });
    const createdAt = i < 105 ? T : new Date(T.getTime() + (i - 104) * 60_000);
    const u = await db.statusUpdate.create({
      data: { orgId, projectId: p.id, authorId: author, health: "AT_RISK", summary: `u${i}`, createdAt },
      select: { id: true },
    });
    if (i < 105) tied.push(u.id);
    if (i === 108) {
      await db.statusUpdate.create({
        data: {
          orgId,
          projectId: p.id,
          authorId: author,
          health: "AT_RISK",
          summary: "acked",
          createdAt: new Date(T.getTime() + 3_600_000),
          acknowledgedAt: T,
        },
      });
    }
  }
  const member: Member = {
    user: { id: acme.members.director.user.id, email: acme.members.director.user.email, name: "director" },
    org: { id: orgId, slug: acme.org.slug, name: acme.org.name, currency: "USD", fiscalYearStartMonth: 1 },
    readsPay: true,
    role: "DIRECTOR",
    scopeUnitId: null,
  };
  return { member, tied };
}

beforeAll(async () => {
  await resetDb();
  w = await setup();
});

describe("awaiting acknowledgement with updates at the same moment", () => {
  const now = new Date("2027-01-21T12:00:00Z");

  it("counts all 108, lists the later updates first, then the tied ones by id, newest id first, page by page", async () => {
    const page = (skip: number) => getDeliveryReview(reviewScopeOf(w.member), { ...COUNTS_ONLY, awaiting: { skip, take: 100 } }, now);
    const first = await page(0);
    expect(first.counts.awaiting).toBe(108);
    const second = await page(100);
    const ids = [...first.awaiting, ...second.awaiting].map((u) => u.id);
    expect([first.awaiting.length, second.awaiting.length]).toEqual([100, 8]);
    expect(first.awaiting.slice(0, 3).map((u) => u.summary)).toEqual(["u107", "u106", "u105"]);
    // u108's own update is superseded by the acknowledged one: not awaiting anything.
    expect([...first.awaiting, ...second.awaiting].some((u) => u.summary === "u108" || u.summary === "acked")).toBe(false);
    const byIdDesc = [...w.tied].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    expect(ids.slice(3)).toEqual(byIdDesc);
  });

  it("the bell lists the same updates in the same order", async () => {
    const reference = await getNotifications(w.member, now);
    const bell = await getBell(bellScopeOf(w.member), now);
    expect(reference.filter((n) => n.kind === "acknowledge")).toHaveLength(108);
    expect(bell.total).toBe(reference.length);
    expect(bell.items).toEqual(reference.slice(0, BELL_ITEMS));
  });
});
