import "server-only";

import { planStatus } from "@/lib/budgets/plan-coverage";
import { getFinanceView } from "@/lib/budgets/rollup";
import type { FinanceParams } from "@/lib/budgets/view-params";
import { toCsv } from "@/lib/csv-write";
import { fiscalYearLabel } from "@/lib/fiscal";
import { humanize } from "@/lib/format";
import { centsToDecimalString } from "@/lib/money";

type MemberLike = { org: { id: string; slug: string; fiscalYearStartMonth: number }; readsPay: boolean };

const pct = (v: number | null) => (v === null ? "" : v.toFixed(1));
const AMOUNT_HEADERS = ["Plan", "Actual", "Forecast", "Variance", "Variance %"];

/** The CSV of one finance view (tree | categories | top | months), or null for an unknown view. */
export async function financeExportCsv(member: MemberLike, p: FinanceParams, view: string, today = new Date()) {
  const v = await getFinanceView({
    orgId: member.org.id,
    startMonth: member.org.fiscalYearStartMonth,
    payReader: member.readsPay,
    today,
    ...p,
  });
  // A withheld figure (null) is an empty cell, the row's last column says why; a view without
  // any plan has no variance (lib/budgets/plan-coverage.ts): those cells stay empty too.
  const noPlan = planStatus(v.plan) === "none";
  const dec = (c: number | null) => (c === null ? "" : centsToDecimalString(c));
  const amounts = (r: {
    planCents: number | null;
    actualCents: number | null;
    forecastCents: number | null;
    varianceCents: number | null;
    variancePct: number | null;
  }) => [dec(r.planCents), dec(r.actualCents), dec(r.forecastCents), noPlan ? "" : dec(r.varianceCents), noPlan ? "" : pct(r.variancePct)];
  // The file name says which tree the figures roll up along (lib/budgets/tree-basis.ts).
  // and, for the published forecast (docs/privacy.md rule 7), the day it was published.
  const tree = v.basis.mode === "asof" ? "as-it-was" : "restated";
  const asOf = v.published ? `-forecast-as-of-${v.published.publishedAt.slice(0, 10)}` : "";
  const base = `${member.org.slug}-${fiscalYearLabel(p.fiscalYear).toLowerCase()}-${p.period}${p.category ? `-${p.category.toLowerCase()}` : ""}-${tree}${asOf}`;
  switch (view) {
    case "tree":
      return {
        fileName: `${base}-org-tree.csv`,
        csv: toCsv(
          ["Org unit", "Code", "Kind", "Depth", ...AMOUNT_HEADERS, "Note"],
          v.tree.map((r) => [r.name, r.code, humanize(r.kind), r.depth, ...amounts(r), r.withheld]),
        ),
      };
    case "categories":
      return {
        fileName: `${base}-categories.csv`,
        csv: toCsv(
          ["Category", ...AMOUNT_HEADERS, "Forecast basis"],
          v.categories.map((r) => [humanize(r.category), ...amounts(r), r.forecastBasis]),
        ),
      };
    case "top":
      return {
        fileName: `${base}-top-variances.csv`,
        csv: toCsv(
          ["Org unit", "Code", "Category", ...AMOUNT_HEADERS],
          v.top.map((r) => [r.unitName, r.unitCode, humanize(r.category), ...amounts(r)]),
        ),
      };
    case "months":
      return {
        fileName: `${base}-burn.csv`,
        csv: toCsv(
          ["Month", "Plan", "Actual", "Forecast", "Cumulative plan", "Cumulative actual", "Cumulative forecast"],
          v.months.map((m) => [
            m.month.slice(0, 7),
            dec(m.planCents),
            dec(m.actualCents),
            dec(m.forecastCents),
            dec(m.cumPlanCents),
            dec(m.cumActualCents),
            dec(m.cumForecastCents),
          ]),
        ),
      };
    default:
      return null;
  }
}
