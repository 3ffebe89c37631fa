import { getApiFinanceFigures } from "@/lib/api/finance-queries";
import { json } from "@/lib/api/problem";
import { getApiOrgUnit } from "@/lib/api/queries";
import { notFoundProblem, parseQuery, scopeOf } from "@/lib/api/request";
import { ZFinanceFiguresQuery } from "@/lib/api/schemas";
import { principalReadsPay } from "@/lib/api/tokens";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZFinanceFiguresQuery);
    if (!q.ok) return q.response;
    const scope = scopeOf(principal);
    if (q.data.orgUnitId && !(await getApiOrgUnit(scope, q.data.orgUnitId))) return notFoundProblem();
    return json(await getApiFinanceFigures(scope, principal.org.fiscalYearStartMonth, q.data, principalReadsPay(principal)));
  },
  { scope: "budgets:read" },
);
