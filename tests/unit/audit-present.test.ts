import { describe, expect, it } from "vitest";

import { fieldLabel, formatFieldValue } from "@/lib/audit/fields";
import { presentAuditEvent, sentenceText, withoutPay, type RawAuditEvent, type ResolvedName } from "@/lib/audit/present";

const names = new Map<string, ResolvedName>([
  ["p1", { type: "Person", name: "Marcus Molina", projectId: null }],
  ["u1", { type: "OrgUnit", name: "Platform", projectId: null }],
  ["u2", { type: "OrgUnit", name: "Mobile", projectId: null }],
  ["m1", { type: "Person", name: "Ana Ruiz", projectId: null }],
]);
const ctx = (readsPay = true) => ({ orgSlug: "acme", currency: "EUR", readsPay, names });
const event = (e: Partial<RawAuditEvent>): RawAuditEvent => ({
  id: "e1",
  at: new Date("2026-11-02T10:00:00Z"),
  actor: { id: "x", name: "Dana Director", email: "d@x" },
  action: "person.update",
  entityType: "Person",
  entityId: "p1",
  before: null,
  after: null,
  ...e,
});

describe("presentAuditEvent", () => {
  it("puts a move's unit and manager in the sentence, by name, and links the person", () => {
    const entry = presentAuditEvent(
      event({
        action: "person.move",
        before: { orgUnitId: "u1", managerId: null, version: 3 },
        after: { orgUnitId: "u2", managerId: "m1", version: 4, effectiveFrom: "2026-12-01" },
      }),
      ctx(),
    );
    expect(sentenceText(entry)).toBe("Dana Director moved Marcus Molina: Unit Platform → Mobile; Manager Ana Ruiz");
    expect(entry.sentence[1]).toEqual({ text: "Marcus Molina", href: "/acme/people/p1" });
    expect(entry.changes).toEqual([{ field: "effectiveFrom", label: "Effective from", before: null, after: "Dec 1, 2026" }]);
  });

  it("names a removed record from its snapshot, without a link", () => {
    const entry = presentAuditEvent(
      event({
        action: "status-update.delete",
        entityType: "StatusUpdate",
        entityId: "gone",
        before: { projectId: "nope", summary: "Oops" },
        after: null,
      }),
      ctx(),
    );
    expect(sentenceText(entry)).toBe("Dana Director deleted an update on a removed record: Summary was Oops");
    expect(entry.record.href).toBeNull();
  });

  it("withholds pay fields and a Personnel budget amount from a reader without pay", () => {
    const position = event({
      action: "position.create",
      entityType: "Position",
      entityId: "pos",
      after: { title: "SRE", annualCompCents: "15000000", compBandMinCents: "1" },
    });
    expect(presentAuditEvent(position, ctx(true)).changes.map((c) => c.after)).toContain("€150,000.00");
    const hidden = presentAuditEvent(position, ctx(false));
    expect(JSON.stringify(hidden)).not.toMatch(/150,000|15000000|annualComp|compBand/);
    expect(hidden.payWithheld).toBe(true);
    const cell = withoutPay("BudgetLine", null, { category: "PERSONNEL", amountCents: "123", orgUnitId: "u1" }, false);
    expect(cell).toEqual({ before: null, after: { category: "PERSONNEL", orgUnitId: "u1" }, withheld: true });
    expect(withoutPay("BudgetLine", null, { category: "TRAVEL", amountCents: "123" }, false).withheld).toBe(false);
  });

  it("falls back to the action code for a name no renderer knows", () => {
    expect(sentenceText(presentAuditEvent(event({ action: "x.new" }), ctx()))).toBe("Dana Director did “x.new” on Marcus Molina");
  });
});

describe("field values in words", () => {
  const f = (field: string, value: unknown) =>
    formatFieldValue(field, value, { currency: "USD", nameOf: (id) => names.get(id)?.name ?? null, siblings: { leadName: "Old Lead" } });
  it("formats money, dates, enums and ids, and leaves codes as typed", () => {
    expect(f("budgetCents", "18500000")).toBe("$185,000.00");
    expect(f("status", "AT_RISK")).toBe("At risk");
    expect(f("health", "OFF_TRACK")).toBe("Off track");
    expect(f("code", "ENG")).toBe("ENG");
    expect(f("targetDate", "2026-12-01T00:00:00.000Z")).toBe("Dec 1, 2026");
    expect(f("leadId", "m1")).toBe("Ana Ruiz");
    expect(f("leadId", "deleted")).toBe("Old Lead");
    expect(f("autoRenew", true)).toBe("Yes");
    expect(f("note", "")).toBeNull();
    expect(fieldLabel("renewalNoticeDate")).toBe("Renewal notice date");
    expect(fieldLabel("annualCompCents")).toBe("Annual pay");
  });
});

describe("headline fields", () => {
  it("says an unchanged headline value, and a share as a percent", () => {
    const post = presentAuditEvent(
      event({
        action: "status-update.post",
        entityType: "StatusUpdate",
        entityId: "s1",
        before: { projectId: "x", health: "AT_RISK" },
        after: { projectId: "x", health: "AT_RISK", summary: "Same" },
      }),
      ctx(),
    );
    expect(sentenceText(post)).toBe("Dana Director posted an update on a removed record: Health At risk");
    const staffing = presentAuditEvent(
      event({
        action: "allocation.create",
        entityType: "Allocation",
        entityId: "a1",
        after: { projectId: "x", personId: "p1", percent: 30 },
      }),
      ctx(),
    );
    expect(sentenceText(staffing)).toBe("Dana Director staffed a removed record with Marcus Molina: Share of time 30%");
  });
});
