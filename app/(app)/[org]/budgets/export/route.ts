import { NextResponse, type NextRequest } from "next/server";

import { refusal, withMember } from "@/lib/route-guard";
import { financeExportCsv } from "@/lib/budgets/export";
import { parseFinanceParams } from "@/lib/budgets/view-params";

// CSV export of exactly what a finance view shows (same URL parameters, same query, figures
// withheld from a reader without pay access left empty, with the reason). Amounts are plain
// decimals. Members only (lib/route-guard.ts).
export const GET = withMember(async (request: NextRequest, member) => {
  const p = parseFinanceParams(request.nextUrl.searchParams, member.org.fiscalYearStartMonth);
  const view = request.nextUrl.searchParams.get("view") ?? "tree";
  const out = await financeExportCsv(member, p, view);
  if (!out) return refusal(404);
  return new NextResponse(out.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${out.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
