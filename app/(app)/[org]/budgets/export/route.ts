import type { NextRequest } from "next/server";
import { z } from "zod";

import { financeExportCsv } from "@/lib/budgets/export";
import { parseFinanceParams } from "@/lib/budgets/view-params";
import { csvResponse } from "@/lib/csv-write";
import { refusal, withMember } from "@/lib/route-guard";
import { parseSearch, zParam } from "@/lib/search-params";

const ZSearch = z.object({ view: zParam().transform((v) => v ?? "tree") });

// CSV export of exactly what a finance view shows (same URL parameters, same query, figures
// withheld from a reader without pay access left empty, with the reason). Amounts are plain
// decimals. Members only (lib/route-guard.ts). Not streamed: a view's rows are aggregates,
// one per unit at most, computed by the database in one statement.
export const GET = withMember(async (request: NextRequest, member) => {
  const p = parseFinanceParams(request.nextUrl.searchParams, member.org.fiscalYearStartMonth);
  const { view } = parseSearch(ZSearch, request.nextUrl.searchParams);
  const out = await financeExportCsv(member, p, view);
  if (!out) return refusal(404);
  return csvResponse(out.csv, out.fileName);
});
