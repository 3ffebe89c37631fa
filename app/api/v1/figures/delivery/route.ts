import { getApiDeliveryFigures } from "@/lib/api/finance-queries";
import { json } from "@/lib/api/problem";
import { getApiOrgUnit } from "@/lib/api/queries";
import { notFoundProblem, parseQuery, scopeOf } from "@/lib/api/request";
import { ZDeliveryFiguresQuery } from "@/lib/api/schemas";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZDeliveryFiguresQuery);
    if (!q.ok) return q.response;
    const scope = scopeOf(principal);
    if (q.data.orgUnitId && !(await getApiOrgUnit(scope, q.data.orgUnitId))) return notFoundProblem();
    return json(await getApiDeliveryFigures(scope, q.data.orgUnitId ?? null));
  },
  { scope: "projects:read" },
);
