import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { BurnChart, type BurnPoint } from "@/components/charts/burn-chart";
import { ControlResult } from "@/components/forms/use-result-focus";

// Issue 20: a burn chart whose actual line is withheld by the pay-privacy rule says so (and
// leaves "Actual" and "Booked so far" out of its legend); a control's result line is a status
// after a success and an alert, focusable, after a refusal.

const months = ["2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01"];
const points = (actual: (i: number) => number | null): BurnPoint[] =>
  months.map((month, i) => ({ month, cumPlanCents: (i + 1) * 100_00, cumActualCents: actual(i), cumForecastCents: (i + 1) * 90_00 }));
const render = (p: BurnPoint[], withheld: string | null = null) =>
  renderToStaticMarkup(createElement(BurnChart, { points: p, currency: "USD", currentMonth: "2026-12-01", withheld }));

describe("burn chart: a withheld actual line", () => {
  it("says why the actual line is absent, with the view's reason when it has one", () => {
    const html = render(
      points(() => null),
      "Shown by fiscal year here.",
    );
    expect(html).toContain('data-testid="burn-actual-withheld"');
    expect(html).toContain("No actual line: Shown by fiscal year here.");
    expect(html).toContain('aria-label="Cumulative plan, forecast by month"');
    expect(render(points(() => null))).toMatch(/No actual line: your role does not read individual pay/);
  });

  it("shows no note when the actuals are there", () => {
    const html = render(points((i) => (i < 3 ? (i + 1) * 80_00 : null)));
    expect(html).not.toContain("burn-actual-withheld");
    expect(html).toContain("actual of closed months");
  });
});

describe("a control's result line", () => {
  it("is a status after a success and a focusable alert after a refusal", () => {
    const ok = renderToStaticMarkup(
      createElement(ControlResult, { state: { ok: true, data: null }, resultRef: null }, "Status changed to Active."),
    );
    expect(ok).toMatch(/<span tabindex="-1" role="status"[^>]*>Status changed to Active\.<\/span>/);
    expect(ok).not.toContain('role="alert"');
    const refused = renderToStaticMarkup(
      createElement(
        ControlResult,
        { state: { ok: false, code: "CONFLICT", message: "Someone else changed this." }, resultRef: null },
        "Status changed to Active.",
      ),
    );
    expect(refused).toMatch(/<span role="alert" tabindex="-1"[^>]*>Someone else changed this\.<\/span>/);
    expect(refused).not.toContain("Status changed");
  });
});
