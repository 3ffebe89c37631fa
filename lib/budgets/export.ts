import "server-only";

import { planStatus } from "@/lib/budgets/plan-coverage";
import { getFinanceView } from "@/lib/budgets/rollup";
import type { FinanceParams } from "@/lib/budgets/view-params";
import { toCsv } from "@/lib/csv-write";
import { fiscalYearLabel } from "@/lib/fiscal";
import { humanize } from "@/lib/format";
import { centsToDecimalString } from "@/lib/money";

type MemberLike = { org: { id: string; slug: string; fiscalYearStartMonth: number }; role: string };

const pct = (v: number | null) => (v === null ? "" : v.toFixed(1));
const AMOUNT_HEADERS = ["Plan", "Actual", "Forecast", "Variance", "Variance %"];

/** The CSV of one finance view (tree | categories | top | months), or null for an unknown view. */
export async function financeExportCsv(member: MemberLike, p: FinanceParams, view: string, today = new Date()) {
  const v = await getFinanceView({ orgId: member.org.id, startMonth: member.org.fiscalYearStartMonth, role: member.role, today, ...p });
  // A view without any plan has no variance (lib/budgets/plan-coverage.ts): those cells stay empty.
  const noPlan = planStatus(v.plan) === "none";
  const amounts = (r: { planCents: number; actualCents: number; forecastCents: number; varianceCents: number; variancePct: number | null }) => [
    centsToDecimalString(r.planCents),
    centsToDecimalString(r.actualCents),
    centsToDecimalString(r.forecastCents),
    noPlan ? "" : centsToDecimalString(r.varianceCents),
    noPlan ? "" : pct(r.variancePct),
  ];
  const base = `${member.org.slug}-${fiscalYearLabel(p.fiscalYear).toLowerCase()}-${p.period}${p.category ? `-${p.category.toLowerCase()}` : ""}`;
  switch (view) {
    case "tree":
      return {
        fileName: `${base}-org-tree.csv`,
        csv: toCsv(
          ["Org unit", "Code", "Kind", "Depth", ...AMOUNT_HEADERS, "Note"],
          v.tree.map((r) => [r.name, r.code, humanize(r.kind), r.depth, ...amounts(r), r.personnelNote]),
        ),
      };
    case "categories":
      return {
        fileName: `${base}-categories.csv`,
        csv: toCsv(["Category", ...AMOUNT_HEADERS, "Forecast basis"], v.categories.map((r) => [humanize(r.category), ...amounts(r), r.forecastBasis])),
      };
    case "top":
      return {
        fileName: `${base}-top-variances.csv`,
        csv: toCsv(["Org unit", "Code", "Category", ...AMOUNT_HEADERS], v.top.map((r) => [r.unitName, r.unitCode, humanize(r.category), ...amounts(r)])),
      };
    case "months":
      return {
        fileName: `${base}-burn.csv`,
        csv: toCsv(
          ["Month", "Plan", "Actual", "Forecast", "Cumulative plan", "Cumulative actual", "Cumulative forecast"],
          v.months.map((m) => [
            m.month.slice(0, 7),
            centsToDecimalString(m.planCents),
            m.actualCents === null ? "" : centsToDecimalString(m.actualCents),
            centsToDecimalString(m.forecastCents),
            centsToDecimalString(m.cumPlanCents),
            m.cumActualCents === null ? "" : centsToDecimalString(m.cumActualCents),
            centsToDecimalString(m.cumForecastCents),
          ]),
        ),
      };
    default:
      return null;
  }
}
