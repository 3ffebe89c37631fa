import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { MAX_INT4 } from "@/lib/fiscal";
import {
  ID_MAX,
  ZCents,
  ZCentsOrNull,
  ZCheckbox,
  ZDate,
  ZDateOrNull,
  ZExpectedUpdatedAt,
  ZFiscalYear,
  ZId,
  ZIdOrNull,
  ZOptionalCents,
  ZOptionalDate,
  ZOptionalId,
  ZVersion,
} from "@/lib/validation";

/** The parsed value, or the messages of a refusal. */
function parse(schema: z.ZodType, value: unknown): { ok: true; value: unknown } | { ok: false; messages: string[] } {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, messages: r.error.issues.map((i) => i.message) };
}
const refused = (schema: z.ZodType, value: unknown) => {
  const r = parse(schema, value);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(value)} as ${String(r.value)}`);
  return r.messages;
};

describe("ids", () => {
  it("a required id is trimmed, and missing, blank or too long says the field's message", () => {
    expect(parse(ZId(), "  abc ")).toEqual({ ok: true, value: "abc" });
    expect(parse(ZId(), "x".repeat(ID_MAX))).toEqual({ ok: true, value: "x".repeat(ID_MAX) });
    expect(refused(ZId("Choose a project."), "")).toEqual(["Choose a project."]);
    expect(refused(ZId("Choose a project."), "   ")).toEqual(["Choose a project."]);
    expect(refused(ZId("Choose a project."), undefined)).toEqual(["Choose a project."]);
    expect(refused(ZId(), "x".repeat(ID_MAX + 1))).toEqual(["Missing id."]);
  });

  it("an optional id keeps 'not sent' apart from 'cleared'", () => {
    expect(parse(ZOptionalId, undefined)).toEqual({ ok: true, value: undefined });
    expect(parse(ZOptionalId, "")).toEqual({ ok: true, value: null });
    expect(parse(ZOptionalId, "none")).toEqual({ ok: true, value: null });
    expect(parse(ZOptionalId, null)).toEqual({ ok: true, value: null });
    expect(parse(ZOptionalId, " p1 ")).toEqual({ ok: true, value: "p1" });
    expect(refused(ZOptionalId, "x".repeat(ID_MAX + 1))).toHaveLength(1);
  });

  it("an id-or-null reads every way of leaving it out as null", () => {
    for (const v of [undefined, null, "", "  ", "none"]) expect(parse(ZIdOrNull, v)).toEqual({ ok: true, value: null });
    expect(parse(ZIdOrNull, "p1")).toEqual({ ok: true, value: "p1" });
    expect(refused(ZIdOrNull, 42)).toHaveLength(1);
  });
});

describe("dates", () => {
  it("accepts real calendar dates in the input years and names the field otherwise", () => {
    expect(parse(ZDate("due date"), " 2028-02-29 ")).toEqual({ ok: true, value: "2028-02-29" });
    expect(refused(ZDate("due date"), undefined)).toEqual(["Enter the due date."]);
    expect(refused(ZDate("due date"), "29/02/2028")).toEqual(["Enter the due date as YYYY-MM-DD."]);
    expect(refused(ZDate("due date"), "2027-02-29")).toEqual(["Enter the due date as a real date between 1900 and 2199."]);
    expect(refused(ZDate(), "2300-01-01")).toEqual(["Enter the date as a real date between 1900 and 2199."]);
  });

  it("an optional date keeps 'not sent' apart from 'cleared'; a date-or-null does not", () => {
    expect(parse(ZOptionalDate(), undefined)).toEqual({ ok: true, value: undefined });
    expect(parse(ZOptionalDate(), "")).toEqual({ ok: true, value: null });
    expect(parse(ZOptionalDate(), null)).toEqual({ ok: true, value: null });
    expect(parse(ZDateOrNull(), undefined)).toEqual({ ok: true, value: null });
    expect(parse(ZDateOrNull(), " ")).toEqual({ ok: true, value: null });
    expect(parse(ZDateOrNull(), "2026-07-01")).toEqual({ ok: true, value: "2026-07-01" });
    expect(refused(ZOptionalDate("end date"), "2026-13-01")).toEqual(["Enter the end date as a real date between 1900 and 2199."]);
    expect(refused(ZDateOrNull("end date"), "soon")).toEqual(["Enter the end date as YYYY-MM-DD."]);
  });
});

describe("versions", () => {
  it("a version is a positive int4 from a form field; anything else asks for a reload", () => {
    expect(parse(ZVersion, "3")).toEqual({ ok: true, value: 3 });
    expect(parse(ZVersion, MAX_INT4)).toEqual({ ok: true, value: MAX_INT4 });
    for (const v of ["0", "1.5", "abc", MAX_INT4 + 1, -1]) expect(refused(ZVersion, v)).toEqual(["Reload the page and try again."]);
  });

  it("an expected updatedAt is an ISO instant in the input years", () => {
    expect(parse(ZExpectedUpdatedAt, "2026-12-06T11:00:00.000Z")).toEqual({ ok: true, value: "2026-12-06T11:00:00.000Z" });
    expect(refused(ZExpectedUpdatedAt, "yesterday")).toEqual(["Reload the page and try again."]);
    expect(refused(ZExpectedUpdatedAt, "2300-01-01T00:00:00.000Z")).toEqual(["Reload the page and try again."]);
  });

  it("a fiscal year is a whole year from 2000 to 2100", () => {
    expect(parse(ZFiscalYear(), "2027")).toEqual({ ok: true, value: 2027 });
    for (const v of ["1999", "2101", "2027.5", "next"]) expect(refused(ZFiscalYear("Which year?"), v)).toEqual(["Which year?"]);
  });
});

describe("money", () => {
  const PAY = { message: "Enter the pay.", min: 1n };
  it("parses what people type into exact cents, within the bounds given", () => {
    expect(parse(ZCents(PAY), " 185,000.50 ")).toEqual({ ok: true, value: 18_500_050n });
    expect(refused(ZCents(PAY), "0")).toEqual(["Enter the pay."]);
    expect(refused(ZCents(PAY), "1e3")).toEqual(["Enter the pay."]);
    expect(refused(ZCents(PAY), "1.005")).toEqual(["Enter the pay."]);
    expect(parse(ZCents({ message: "m" }), "0")).toEqual({ ok: true, value: 0n });
    expect(refused(ZCents({ message: "m" }), "-1")).toEqual(["m"]);
    expect(refused(ZCents({ message: "m", max: 100n }), "1.01")).toEqual(["m"]);
  });

  it("an optional amount keeps 'not sent' apart from 'cleared'", () => {
    expect(parse(ZOptionalCents(PAY), undefined)).toEqual({ ok: true, value: undefined });
    expect(parse(ZOptionalCents(PAY), "")).toEqual({ ok: true, value: null });
    expect(parse(ZOptionalCents(PAY), "12")).toEqual({ ok: true, value: 1200n });
    expect(refused(ZOptionalCents(PAY), "abc")).toEqual(["Enter the pay."]);
  });

  it("an amount-or-null takes numbers from code and reads blanks as null", () => {
    const budget = ZCentsOrNull({ message: "Enter the budget." });
    for (const v of [undefined, null, "", "  "]) expect(parse(budget, v)).toEqual({ ok: true, value: null });
    expect(parse(budget, 250000)).toEqual({ ok: true, value: 25_000_000n });
    expect(parse(budget, "250,000.00")).toEqual({ ok: true, value: 25_000_000n });
    expect(refused(budget, "-5")).toEqual(["Enter the budget."]);
  });
});

describe("checkbox", () => {
  it("is ticked by 'on', true or 'true', and by nothing else", () => {
    for (const v of ["on", true, "true"]) expect(parse(ZCheckbox, v)).toEqual({ ok: true, value: true });
    for (const v of [undefined, "", false, "false"]) expect(parse(ZCheckbox, v)).toEqual({ ok: true, value: false });
    expect(refused(ZCheckbox, "yes")).toHaveLength(1);
  });
});
