import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it } from "vitest";

import { DeliveryPanel } from "@/components/dashboard/delivery-panel";
import { MoneyPanel } from "@/components/dashboard/money-panel";
import { PeoplePanel } from "@/components/dashboard/people-panel";
import type { Member } from "@/lib/auth";
import { ASSUMPTION_TABLES } from "@/lib/budgets/assumptions-query";
import { FINANCE_TABLES } from "@/lib/budgets/rollup";
import { countStatements } from "@/lib/db-statements";
import { DELIVERY_TABLES } from "@/lib/dashboard/delivery-figures";
import { parseDashboardParams, SCOPE_TABLES } from "@/lib/dashboard/director";
import { PEOPLE_TABLES } from "@/lib/dashboard/people-figures";
import { clearFiguresMemo, RENDERED_TABLES } from "@/lib/figures-memo";
import { REVIEW_TABLES } from "@/lib/projects/review";
import { STORED_FIGURE_TABLES } from "@/lib/stored-figures";
import { createPerson } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Dashboard panels reused per org data version (lib/figures-memo.ts memoRendered,
// components/dashboard/panel-parts.tsx panelMemo): a repeat view gets the same rendered output,
// a write to the org's data renders it again with the change, and a reader of another class
// (pay, role, the viewer where the lists are theirs) never gets another's output.

const db = testDb();
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
let projectId: string;

const member = (who: "director" | "viewer" | "finance"): Member => ({
  user: { id: f.members[who].user.id, email: f.members[who].user.email, name: who },
  org: { id: f.org.id, slug: f.org.slug, name: f.org.name, currency: "USD", fiscalYearStartMonth: 1 },
  role: who === "director" ? "DIRECTOR" : who === "finance" ? "FINANCE" : "VIEWER",
  readsPay: who === "director",
  scopeUnitId: null,
});
const params = () => parseDashboardParams({}, 1, new Date(), null);

/** Every string in an element tree, through the props of the components it has not rendered yet. */
function texts(node: ReactNode | unknown): string[] {
  if (typeof node === "string" || typeof node === "number") return [String(node)];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (isValidElement(node)) return Object.values(node.props as Record<string, unknown>).flatMap(texts);
  return [];
}

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const p = await db.project.create({
    data: { orgId: f.org.id, orgUnitId: f.units.teamA.id, name: "Harbour", status: "ACTIVE", health: "ON_TRACK" },
  });
  projectId = p.id;
  clearFiguresMemo();
});

describe("rendered panels", () => {
  it("a repeat view gets the same output; a write to the org's data renders it again with the change", async () => {
    const first = await DeliveryPanel({ member: member("director"), params: params() });
    expect(await DeliveryPanel({ member: member("director"), params: params() })).toBe(first);
    expect(texts(first)).not.toContain("Harbour");

    await db.project.update({ where: { id: projectId }, data: { health: "AT_RISK" } });
    const after = await DeliveryPanel({ member: member("director"), params: params() });
    expect(after).not.toBe(first);
    // The at-risk list names the project now.
    expect(texts(after)).toContain("Harbour");
    expect(await DeliveryPanel({ member: member("director"), params: params() })).toBe(after);
  });

  it("a repeat view reads only the org's data versions", async () => {
    await db.project.update({ where: { id: projectId }, data: { name: "Harbour II" } });
    const first = await countStatements(() => MoneyPanel({ member: member("director"), params: params() }));
    const again = await countStatements(() => MoneyPanel({ member: member("director"), params: params() }));
    expect(again.result).toBe(first.result);
    expect(first.statements).toBeGreaterThan(1);
    expect(again.statements).toBe(1);
  });

  it("is kept per salary-safety class and per reader where the output is theirs", async () => {
    const director = await MoneyPanel({ member: member("director"), params: params() });
    const viewer = await MoneyPanel({ member: member("viewer"), params: params() });
    const finance = await MoneyPanel({ member: member("finance"), params: params() });
    expect(viewer).not.toBe(director);
    expect(finance).not.toBe(director);
    expect(finance).not.toBe(viewer);
    expect(await MoneyPanel({ member: member("viewer"), params: params() })).toBe(viewer);
    // The delivery review's lists are the viewer's: never another reader's output.
    const a = await DeliveryPanel({ member: member("director"), params: params() });
    expect(await DeliveryPanel({ member: member("viewer"), params: params() })).not.toBe(a);
    // Another unit or period is another entry.
    const org = await PeoplePanel({ member: member("director"), params: params() });
    expect(await PeoplePanel({ member: member("director"), params: { ...params(), unitId: f.units.deptA.id } })).not.toBe(org);
  });

  it("writes that change no figure (audit log, tokens, webhooks) keep the output", async () => {
    const before = await MoneyPanel({ member: member("director"), params: params() });
    await db.auditEvent.create({
      data: { orgId: f.org.id, actorId: f.members.director.user.id, action: "test.noop", entityType: "Project", entityId: projectId },
    });
    expect(await MoneyPanel({ member: member("director"), params: params() })).toBe(before);
  });

  it("lists the first managers needing support and links to all of them; with allSupport, all", async () => {
    // Every manager with two reports is over a span of 1: ten managers needing support.
    await db.organization.update({ where: { id: f.org.id }, data: { spanMin: 0, spanMax: 1 } });
    for (let i = 0; i < 10; i++) {
      const m = await createPerson(db, f.org.id, f.units.teamB.id, 1n);
      for (let j = 0; j < 2; j++) {
        const r = await createPerson(db, f.org.id, f.units.teamB.id, 1n);
        await db.person.update({ where: { id: r.id }, data: { managerId: m.id } });
      }
    }
    const hrefs = (node: unknown): string[] =>
      Array.isArray(node)
        ? node.flatMap(hrefs)
        : isValidElement(node)
          ? [
              ...(typeof (node.props as { href?: unknown }).href === "string" ? [(node.props as { href: string }).href] : []),
              ...Object.values(node.props as Record<string, unknown>).flatMap(hrefs),
            ]
          : [];
    const shown = await PeoplePanel({ member: member("director"), params: params() });
    const links = hrefs(shown);
    expect(texts(shown)).toContain("Managers needing support (");
    expect(texts(shown)).toContain("10");
    expect(links.filter((h) => h.includes("/managers/"))).toHaveLength(8);
    expect(links.filter((h) => h.includes("support=all"))).toHaveLength(1);
    const all = await PeoplePanel({ member: member("director"), params: params(), allSupport: true });
    expect(all).not.toBe(shown);
    expect(hrefs(all).filter((h) => h.includes("/managers/"))).toHaveLength(10);
    expect(hrefs(all).filter((h) => h.includes("support=all"))).toHaveLength(0);
  });

  it("the tables a panel is keyed on include every table its figures read", () => {
    for (const tables of [DELIVERY_TABLES, REVIEW_TABLES, FINANCE_TABLES, PEOPLE_TABLES, ASSUMPTION_TABLES, SCOPE_TABLES]) {
      for (const t of tables) expect(RENDERED_TABLES, t).toContain(t);
    }
  });

  it("every table of org data is a panel's or named as one no panel reads", async () => {
    const NOT_READ_BY_PANELS = [
      "ApiToken",
      "AuditEvent",
      "BudgetVarianceAlert",
      "ImportMapping",
      "Notification",
      "DeliveryEpicLink",
      "DeliveryItem",
      "DeliverySnapshot",
      "DeliverySource",
      "DeliverySyncLog",
      "Invitation",
      "OrgSso",
      "ScimGroup",
      "ScimGroupMember",
      "ScimUser",
      "SsoDomain",
      "WebhookAttempt",
      "WebhookDelivery",
      "WebhookEndpoint",
    ];
    const tables = await db.$queryRaw<{ t: string }[]>`
      SELECT DISTINCT c.relname AS t FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
      WHERE NOT tg.tgisinternal AND tg.tgname LIKE '%org_change%' ORDER BY 1`;
    expect(tables.length).toBeGreaterThan(20);
    // Stored figures are read only while current with tables a panel is keyed on (lib/stored-figures).
    for (const { t } of tables) expect([...RENDERED_TABLES, ...NOT_READ_BY_PANELS, ...STORED_FIGURE_TABLES], t).toContain(t);
  });
});
