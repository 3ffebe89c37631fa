import { json } from "@/lib/api/problem";
import { listApiPlanLines } from "@/lib/api/finance-queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZPlanLineQuery } from "@/lib/api/schemas";
import { principalReadsPay } from "@/lib/api/tokens";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZPlanLineQuery);
    return q.ok ? json(await listApiPlanLines(scopeOf(principal), q.data, principalReadsPay(principal))) : q.response;
  },
  { scope: "budgets:read" },
);
