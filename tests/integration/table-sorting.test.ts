import { beforeAll, describe, expect, it } from "vitest";

import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { type InitiativeRow, listInitiativesPage } from "@/lib/roadmap/queries";
import { parseRenewalSort, type RenewalSort } from "@/lib/vendors/list-params";
import { type ContractRow, listUpcomingRenewals } from "@/lib/vendors/queries";
import { createPerson } from "@/tests/factories/finance";
import { createOrgWithRoles, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The all-initiatives table (roadmap ?view=table, ?isort=&idir=) and the renewals due list
// (vendors, ?rsort=&rdir=) sort in SQL across every page, not the page shown: for every column and
// direction, the rows read page by page (2 a page) are in that column's order from the first page
// to the last, and are the rows read in one page. Empty values (no owner, no projects, no notice
// date) come last either way.

const db = testDb();
const TODAY = new Date("2026-06-15T12:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let orgId: string;

type Cmp<T> = (a: T, b: T) => number;
/** Ascending comparator on a key, empty values last in both directions. */
function by<T, V extends string | number>(key: (r: T) => V | null | undefined, dir: "asc" | "desc"): Cmp<T> {
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return dir === "desc" ? -c : c;
  };
}

/** Every adjacent pair in order (ties allowed). */
function expectOrdered<T>(rows: T[], cmp: Cmp<T>, label: string) {
  for (let i = 1; i < rows.length; i++) expect(cmp(rows[i - 1], rows[i]), `${label}: rows ${i - 1} and ${i}`).toBeLessThanOrEqual(0);
}

const STATUS_RANK = { ACTIVE: 0, PROPOSED: 1, DONE: 2, CANCELLED: 3 } as const;
const INITIATIVE_KEYS: Record<string, (r: InitiativeRow) => string | number | null> = {
  name: (r) => r.name,
  period: (r) => r.periodSort,
  teamName: (r) => r.teamName,
  owner: (r) => r.ownerName,
  status: (r) => STATUS_RANK[r.status],
  projectCount: (r) => r.projectCount,
  health: (r) => (r.projectCount ? (r.health.OFF_TRACK * 2 + r.health.AT_RISK) / r.projectCount : null),
};

const CATEGORY_RANK = Object.fromEntries(Object.values(BudgetCategory).map((c, i) => [c, i]));
const RENEWAL_KEYS: Record<RenewalSort["key"], (r: ContractRow) => string | number | null> = {
  decision: (r) => r.renewalNoticeDate ?? r.endDate,
  vendorName: (r) => r.vendorName,
  name: (r) => r.name,
  teamName: (r) => r.teamName,
  category: (r) => CATEGORY_RANK[r.category],
  annualAmountCents: (r) => r.annualAmountCents,
  startDate: (r) => r.startDate,
  endDate: (r) => r.endDate,
  renewalNotice: (r) => r.renewalNoticeDate,
  status: (r) => r.status,
  owner: (r) => r.ownerName,
};

beforeAll(async () => {
  await resetDb();
  const f = await createOrgWithRoles(db);
  orgId = f.org.id;
  // Unit and person names that sort the same in the database's collation and in JS.
  const units = await Promise.all(
    ["Unit C", "Unit A", "Unit B"].map((name) => createUnit(db, orgId, { parentId: f.units.division.id, name })),
  );
  const people = [];
  for (const name of ["Owner B", "Owner C", "Owner A"]) {
    const p = await createPerson(db, orgId, units[0].id, 10_000_000n);
    people.push(await db.person.update({ where: { id: p.id }, data: { name } }));
  }
  const statuses = ["ACTIVE", "PROPOSED", "DONE", "CANCELLED"] as const;
  const healths = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const;
  for (let i = 0; i < 9; i++) {
    const initiative = await db.initiative.create({
      data: {
        orgId,
        orgUnitId: units[i % 3].id,
        name: `Initiative ${String.fromCharCode(72 - i)}`,
        fiscalYear: 2026 + (i % 2),
        fiscalQuarter: i % 3 === 0 ? null : (i % 4) + 1,
        fiscalHalf: i % 3 === 0 && i % 2 ? 2 : null,
        ownerId: i % 4 === 3 ? null : people[i % 3].id,
        status: statuses[i % 4],
      },
    });
    // 0 to 4 projects, of mixed health; one archived project that must not count.
    for (let k = 0; k < (i * 7) % 5; k++)
      await db.project.create({
        data: { orgId, orgUnitId: units[0].id, initiativeId: initiative.id, name: `P ${i}-${k}`, health: healths[(i + k) % 4] },
      });
    if (i === 4)
      await db.project.create({
        data: { orgId, orgUnitId: units[0].id, initiativeId: initiative.id, name: "Archived", health: "OFF_TRACK", archivedAt: TODAY },
      });
  }
  const vendors = await Promise.all(["Vendor C", "Vendor A", "Vendor B"].map((name) => db.vendor.create({ data: { orgId, name } })));
  const categories = ["SOFTWARE", "CLOUD", "TRAINING", "HARDWARE"] as const;
  for (let i = 0; i < 9; i++)
    await db.contract.create({
      data: {
        orgId,
        vendorId: vendors[i % 3].id,
        orgUnitId: units[(i + 1) % 3].id,
        ownerId: i % 4 === 2 ? null : people[(i + 2) % 3].id,
        category: categories[i % 4],
        name: `Contract ${String.fromCharCode(80 - i)}`,
        annualAmountCents: BigInt(100_000 * ((i * 5) % 9) + 1),
        startDate: d(`2025-0${1 + (i % 9)}-01`),
        endDate: d(`2026-0${7 + (i % 3)}-${String(10 + i).padStart(2, "0")}`),
        renewalNoticeDate: i % 3 === 1 ? null : d(`2026-0${6 + (i % 2)}-${String(20 - i).padStart(2, "0")}`),
        status: "ACTIVE",
      },
    });
});

describe("all-initiatives table", () => {
  it.each(Object.keys(INITIATIVE_KEYS).flatMap((k) => [`${k} asc`, `${k} desc`]))("%s: sorted across pages", async (label) => {
    const [isort, idir] = label.split(" ");
    const whole = await listInitiativesPage(orgId, { isort, idir }, 100);
    expect(whole.rows).toHaveLength(9);
    expect(whole.sort).toEqual({ key: isort, dir: idir });
    const paged: InitiativeRow[] = [];
    for (let page = 1; page <= 5; page++) paged.push(...(await listInitiativesPage(orgId, { isort, idir, ipage: String(page) }, 2)).rows);
    expect(paged.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
    expectOrdered(paged, by(INITIATIVE_KEYS[isort], idir as "asc" | "desc"), label);
  });

  it("counts only non-archived projects; an unknown sort falls back to the period order", async () => {
    const { rows, sort } = await listInitiativesPage(orgId, { isort: "nope" }, 100);
    expect(sort).toEqual({ key: "period", dir: "asc" });
    expectOrdered(rows, by(INITIATIVE_KEYS.period, "asc"), "default");
    expect(rows.find((r) => r.name === "Initiative D")?.projectCount).toBe(3);
  });
});

describe("renewals due", () => {
  it.each(Object.keys(RENEWAL_KEYS).flatMap((k) => [`${k} asc`, `${k} desc`]))("%s: sorted across pages", async (label) => {
    const [rsort, rdir] = label.split(" ");
    const sort = parseRenewalSort({ rsort, rdir });
    expect(sort).toEqual({ key: rsort, dir: rdir });
    const whole = await listUpcomingRenewals(orgId, TODAY, null, 100, 0, sort);
    expect(whole.total).toBe(9);
    const paged: ContractRow[] = [];
    for (let offset = 0; offset < whole.total; offset += 2) {
      const page = await listUpcomingRenewals(orgId, TODAY, null, 2, offset, sort);
      expect(page.total).toBe(9);
      paged.push(...page.rows);
    }
    expect(paged.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
    expectOrdered(paged, by(RENEWAL_KEYS[sort.key], sort.dir), label);
  });

  it("keeps soonest decision first by default", async () => {
    const { rows } = await listUpcomingRenewals(orgId, TODAY, null, 100);
    expectOrdered(rows, by(RENEWAL_KEYS.decision, "asc"), "default");
    expect(parseRenewalSort({ rsort: "drop table" })).toEqual({ key: "decision", dir: "asc" });
  });
});
