import { NextResponse, type NextRequest } from "next/server";

import { routeMemberOrRefusal } from "@/lib/auth";
import { financeExportCsv } from "@/lib/budgets/export";
import { parseFinanceParams } from "@/lib/budgets/view-params";

// CSV export of exactly what a finance view shows (same URL parameters, same query, same
// figures withheld from a reader without pay access left empty, with the reason). Amounts are plain decimals.
export async function GET(request: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const p = parseFinanceParams(request.nextUrl.searchParams, member.org.fiscalYearStartMonth);
  const view = request.nextUrl.searchParams.get("view") ?? "tree";
  const out = await financeExportCsv(member, p, view);
  if (!out) return new NextResponse("Not found.", { status: 404 });
  return new NextResponse(out.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${out.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
